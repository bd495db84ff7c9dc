/**
 * The cert-manager identity phase: cert-manager's self-signed Issuer, the trust-anchor generations
 * and the webhook CA (Certificates and ClusterIssuers, in cert-manager's namespace) and trust-manager's
 * `linkerd-identity-trust-roots` Bundle. Applied after the CRDs and before the control plane, whose
 * chart carries the namespaced Certificates (identity issuer, webhooks) after its Namespace.
 * Needs cert-manager and trust-manager installed in the cluster (docs/identity-cert-manager.md).
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { MeshformError } from '../../lib/errors.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import {
  certManagerClusterObjects,
  certManagerControlPlaneObjects,
  certManagerVizObjects,
  type CertManagerObject,
} from '../../lib/identity/cert-manager.js';
import type { KubeObject } from '../../lib/manifest.js';
import { addObjects } from '../kube-object.js';

export interface CertManagerIdentityChartProps extends ChartProps {
  /** Resolved options (`resolveCertManagerIdentity`). */
  readonly identity: ResolvedCertManagerIdentity;
}

/** cert-manager's typed objects are plain JSON; the charts take them as `KubeObject`s. */
export function certManagerKubeObjects(objects: readonly CertManagerObject[]): KubeObject[] {
  return objects.map((o) => o as unknown as KubeObject);
}

/** The namespaced Certificates each chart carries, by the resolved options' namespace field. */
const NAMESPACED = {
  controlPlaneNamespace: { owner: 'the control plane', build: certManagerControlPlaneObjects },
  vizNamespace: { owner: 'viz', build: certManagerVizObjects },
} as const;

/**
 * The cert-manager Certificates of one chart's namespace (none without cert-manager), for the
 * control-plane and viz charts to place right after their Namespace. Refuses options resolved for
 * another namespace: the Certificates' DNS names and `injectCaFrom` would not match the chart.
 */
export function namespacedCertificates(
  certManager: ResolvedCertManagerIdentity | undefined,
  field: keyof typeof NAMESPACED,
  namespace: string,
): KubeObject[] {
  if (!certManager) return [];
  const { owner, build } = NAMESPACED[field];
  if (certManager[field] !== namespace) {
    throw new MeshformError(`cert-manager identity does not match ${owner}`, [
      { path: `certManager.${field}`, value: certManager[field], message: `must be ${owner}'s namespace (${namespace})` },
    ]);
  }
  return certManagerKubeObjects(build(certManager));
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
