/**
 * With anti-affinity (HA), at most one replica of a multicluster workload is voluntarily evicted at a
 * time: upstream gives the gateway and the local service mirror each a PodDisruptionBudget.
 */
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { createdBy, type MulticlusterContext } from './context.js';

export function disruptionBudget(
  ctx: MulticlusterContext,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: ctx.namespace, labels, annotations: createdBy(ctx) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  };
}
