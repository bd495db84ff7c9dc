/**
 * Pod scheduling and pull fields the charts copy from values (tolerations, node selector, priority
 * and runtime classes, image pull secrets). Each renders only when set: Helm's `with`/`if` treat an
 * empty list, an empty map and an empty string as unset (multicluster's default `tolerations: {}` too).
 */
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { JsonObject, StringMap } from '../values/mesh/common-types.js';

/** A copy of a non-empty toleration list; anything else renders nothing. */
export function tolerations(value: readonly JsonObject[] | JsonObject | null | undefined): IToleration[] | undefined {
  return Array.isArray(value) && value.length ? (structuredClone(value) as unknown as IToleration[]) : undefined;
}

/** A copy of a non-empty node selector; empty renders nothing. */
export function nodeSelector(value: StringMap | null | undefined): Record<string, string> | undefined {
  return value && Object.keys(value).length ? { ...value } : undefined;
}

export interface PodSchedulingValues {
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | JsonObject | null;
  /** @default - none */
  readonly nodeSelector?: StringMap | null;
  /** @default - none */
  readonly priorityClassName?: string | null;
  /** @default - none */
  readonly runtimeClassName?: string | null;
}

/** The pod-spec scheduling fields that are set, in a spreadable object. */
export function podScheduling(values: PodSchedulingValues): Pick<IPodSpec, 'tolerations' | 'nodeSelector' | 'priorityClassName' | 'runtimeClassName'> {
  const t = tolerations(values.tolerations);
  const n = nodeSelector(values.nodeSelector);
  return {
    ...(t && { tolerations: t }),
    ...(n && { nodeSelector: n }),
    ...(values.priorityClassName && { priorityClassName: values.priorityClassName }),
    ...(values.runtimeClassName && { runtimeClassName: values.runtimeClassName }),
  };
}

/** `imagePullSecrets` for a ServiceAccount or pod, when any are configured. */
export function imagePullSecrets(secrets: readonly JsonObject[] | readonly { readonly name: string }[] | null | undefined): { imagePullSecrets?: { name: string }[] } {
  return secrets?.length ? { imagePullSecrets: secrets.map((s) => ({ ...(s as { name: string }) })) } : {};
}
