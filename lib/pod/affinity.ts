/**
 * Upstream's `linkerd.affinity` partial (charts/partials/templates/_affinity.tpl), used by the
 * control plane, viz and multicluster: with pod anti-affinity, replicas of one component must land
 * on distinct hosts and prefer distinct zones; a non-empty `nodeAffinity` value is passed through.
 * Helm's `if` treats an empty map as unset, so `nodeAffinity: {}` renders nothing.
 */
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { INodeAffinity } from 'kubernetes-models/v1/NodeAffinity';
import type { JsonObject } from '../values/mesh/common-types.js';

export interface PodAffinityInput {
  /** `enablePodAntiAffinity` (on with `--ha`). */
  readonly antiAffinity: boolean;
  /** The pod label the anti-affinity selects on (`linkerd.io/control-plane-component`, `component`, `app`…). */
  readonly labelKey: string;
  /** That label's value on this workload's pods. */
  readonly labelValue: string;
  /** `nodeAffinity`, a Kubernetes NodeAffinity. @default - none */
  readonly nodeAffinity?: JsonObject | null;
}

/** The pod `affinity`, or undefined when neither part applies. */
export function podAffinity(input: PodAffinityInput): IAffinity | undefined {
  const node = input.nodeAffinity;
  const hasNode = node !== undefined && node !== null && Object.keys(node).length > 0;
  if (!input.antiAffinity && !hasNode) return undefined;
  const selector = () => ({ matchExpressions: [{ key: input.labelKey, operator: 'In', values: [input.labelValue] }] });
  return {
    ...(input.antiAffinity && {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { podAffinityTerm: { labelSelector: selector(), topologyKey: 'topology.kubernetes.io/zone' }, weight: 100 },
        ],
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector(), topologyKey: 'kubernetes.io/hostname' }],
      },
    }),
    ...(hasNode && { nodeAffinity: structuredClone(node) as INodeAffinity }),
  };
}
