/**
 * The cert-manager identity phase: cert-manager's self-signed Issuer, the trust-anchor generations
 * and the webhook CA (Certificates and ClusterIssuers, in cert-manager's namespace) and trust-manager's
 * `linkerd-identity-trust-roots` Bundle. Applied after the CRDs and before the control plane, whose
 * chart carries the namespaced Certificates (identity issuer, webhooks) after its Namespace.
 * Needs cert-manager and trust-manager installed in the cluster (docs/identity-cert-manager.md).
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { certManagerClusterObjects } from '../../lib/identity/cert-manager.js';
import { addObjects } from '../kube-object.js';
import { certManagerKubeObjects } from './cert-manager-objects.js';

export { certManagerKubeObjects, namespacedCertificates } from './cert-manager-objects.js';

export interface CertManagerIdentityChartProps extends ChartProps {
  /** Resolved options (`resolveCertManagerIdentity`). */
  readonly identity: ResolvedCertManagerIdentity;
}

export class CertManagerIdentityChart extends Chart {
  /** The options this chart was rendered from. */
  readonly identity: ResolvedCertManagerIdentity;

  constructor(scope: Construct, id: string, props: CertManagerIdentityChartProps) {
    // Objects carry their own namespaces (ClusterIssuers and the Bundle are cluster-scoped).
    const { identity, ...chartProps } = props;
    super(scope, id, { ...chartProps, namespace: undefined });
    this.identity = identity;
    addObjects(this, certManagerKubeObjects(certManagerClusterObjects(identity)));
  }
}
