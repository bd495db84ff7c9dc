/**
 * The control-plane install phase (upstream's `linkerd install` without `--crds`): every object of
 * the linkerd-control-plane chart, in upstream's template order so the Namespace, RBAC and config
 * are applied before the workloads that need them.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { DEFAULT_NAMESPACES } from '../../lib/assembly/namespaces.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { addObjects } from '../kube-object.js';
import { controlPlaneChartObjects } from './control-plane-objects.js';

export { controlPlaneChartObjects, controlPlaneObjects } from './control-plane-objects.js';

export interface ControlPlaneChartProps extends ChartProps {
  /** Resolved control-plane values (`resolveMeshValues`). */
  readonly values: MeshValues;
  /**
   * Namespace the control plane is installed into (upstream's release namespace).
   * @default 'linkerd'
   */
  readonly namespace?: string;
  /**
   * cert-manager identity mode: the identity issuer and webhook `Certificate`s are added right after
   * the Namespace. The values should carry `certManagerControlPlaneValues` (`Mesh` does this).
   * @default - none (certificates come from the values)
   */
  readonly certManager?: ResolvedCertManagerIdentity;
}

export class ControlPlaneChart extends Chart {
  /** The values this chart was rendered from. */
  readonly values: MeshValues;
  /** The release namespace (not cdk8s' `namespace`, which would stamp cluster-scoped objects too). */
  readonly releaseNamespace: string;

  constructor(scope: Construct, id: string, props: ControlPlaneChartProps) {
    // The objects carry their own namespaces (some are cluster-scoped): the chart must not add one.
    const { values, namespace = DEFAULT_NAMESPACES.controlPlane, certManager, ...chartProps } = props;
    super(scope, id, { ...chartProps, namespace: undefined });
    this.values = values;
    this.releaseNamespace = namespace;
    addObjects(this, controlPlaneChartObjects({ values, namespace, certManager }));
  }
}
