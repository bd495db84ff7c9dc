/**
 * The viz extension as one cdk8s chart, rendered from resolved `VizValues` in upstream's template order
 * (namespace and RBAC first, then each component with its policy, then ServiceProfiles). Like
 * `linkerd viz install`, it renders the namespace itself and no Helm-only hooks.
 */
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DEFAULT_NAMESPACES } from '../../lib/assembly/namespaces.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import type { VizValues } from '../../lib/values/viz/types.js';
import { namespacedCertificates } from '../identity/cert-manager-chart.js';
import { addObjects } from '../kube-object.js';
import type { VizContext } from './context.js';
import { metricsApi, metricsApiPolicy, metricsApiRbac } from './metrics-api.js';
import { vizNamespace } from './namespace.js';
import { prometheus, prometheusPolicy, prometheusRbac } from './prometheus.js';
import { podSecurityPolicyRbac } from './psp.js';
import { serviceProfiles } from './service-profiles.js';
import { tapInjector, tapInjectorPolicy, tapInjectorRbac } from './tap-injector.js';
import { tap, tapPolicy, tapRbac } from './tap.js';
import { web, webRbac } from './web.js';

export interface VizChartProps {
  /** Resolved values (`resolveVizValues`). */
  readonly values: VizValues;
  /**
   * Namespace viz is installed into.
   * @default 'linkerd-viz'
   */
  readonly namespace?: string;
  /**
   * cert-manager identity mode: the `tap` and `tap-injector` `Certificate`s are added right after the
   * Namespace. The values should carry `certManagerVizValues` (`Mesh` does this).
   * @default - none (certificates come from the values)
   */
  readonly certManager?: ResolvedCertManagerIdentity;
}

export const DEFAULT_VIZ_NAMESPACE = DEFAULT_NAMESPACES.viz;

export class VizChart extends Chart {
  /** Where viz is installed. (Not `namespace`: cdk8s would stamp a chart namespace on cluster-scoped objects.) */
  readonly vizNamespace: string;

  constructor(scope: Construct, id: string, props: VizChartProps) {
    const namespace = props.namespace ?? DEFAULT_VIZ_NAMESPACE;
    super(scope, id, { disableResourceNameHashes: true });
    this.vizNamespace = namespace;
    const ctx: VizContext = { values: props.values, namespace };
    addObjects(this, [
      ...vizNamespace(ctx),
      ...namespacedCertificates(props.certManager, 'vizNamespace', namespace),
      ...metricsApiRbac(ctx),
      ...prometheusRbac(ctx),
      ...tapRbac(ctx),
      ...webRbac(ctx),
      ...podSecurityPolicyRbac(ctx),
      ...metricsApi(ctx),
      ...metricsApiPolicy(ctx),
      ...prometheus(ctx),
      ...prometheusPolicy(ctx),
      ...tap(ctx),
      ...tapPolicy(ctx),
      ...tapInjectorRbac(ctx),
      ...tapInjector(ctx),
      ...tapInjectorPolicy(ctx),
      ...web(ctx),
      ...serviceProfiles(ctx),
    ]);
  }
}
