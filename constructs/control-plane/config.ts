/**
 * `linkerd-config`: the installed values (minus private keys), read back at run time by the proxy
 * injector, `linkerd check`, upgrades and extensions, plus the CRD chart version the control plane
 * was rendered against.
 */
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { toYaml } from '../../lib/manifest.js';
import { configValuesDump } from '../../lib/values/mesh/config-dump.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';

/** The `linkerd-crds` chart's version (`Chart.yaml`) at edge-26.8.3. */
export const LINKERD_CRDS_CHART_VERSION = 'linkerd-crds-1.0.0-edge';

export function linkerdConfig(ctx: ControlPlaneContext): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'linkerd-config',
      namespace: ctx.namespace,
      labels: controlPlaneLabels(ctx, { component: 'controller' }),
      annotations: createdByAnnotations(ctx),
    },
    data: {
      'linkerd-crds-chart-version': LINKERD_CRDS_CHART_VERSION,
      values: toYaml(configValuesDump(ctx.values)),
    },
  };
}
