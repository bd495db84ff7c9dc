/**
 * PodDisruptionBudgets for the three control-plane Deployments (`enablePodDisruptionBudget`, on in HA),
 * so a node drain never takes down every replica of identity, destination or the injector at once.
 */
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, controlPlaneLabels, createdByAnnotations } from './labels.js';

/** The Deployment each budget covers, by component; the destination budget is named after its Service. */
export type PdbComponent = 'identity' | 'destination' | 'proxy-injector';

const PDB_NAMES: Record<PdbComponent, string> = {
  identity: 'linkerd-identity',
  destination: 'linkerd-dst',
  'proxy-injector': 'linkerd-proxy-injector',
};

/**
 * `controller.podDisruptionBudget.maxUnavailable` as upstream's template prints it unquoted: a
 * count stays a number, a percentage stays a string.
 */
export function maxUnavailable(value: number | string): number | string {
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

export function podDisruptionBudget(ctx: ControlPlaneContext, component: PdbComponent): IPodDisruptionBudget[] {
  if (!ctx.values.enablePodDisruptionBudget) return [];
  return [
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: {
        name: PDB_NAMES[component],
        namespace: ctx.namespace,
        labels: controlPlaneLabels(ctx, { component }),
        annotations: createdByAnnotations(ctx),
      },
      spec: {
        maxUnavailable: maxUnavailable(ctx.values.controller.podDisruptionBudget.maxUnavailable),
        selector: { matchLabels: { [CONTROL_PLANE_COMPONENT_LABEL]: component } },
      },
    },
  ];
}
