/**
 * What every multicluster object builder reads: the resolved values and the release namespace, plus
 * the labels and annotations upstream puts on every object.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { imagePullSecrets } from '../../lib/pod/scheduling.js';
import type { MulticlusterValues } from '../../lib/values/multicluster/types.js';
import { CREATED_BY_ANNOTATION } from '../../lib/k8s/labels.js';
import { EXTENSION_LABEL } from '../../lib/k8s/labels.js';

export interface MulticlusterContext {
  /** Resolved, validated values (defaults ⊕ HA ⊕ user). */
  readonly values: MulticlusterValues;
  /** The namespace the extension is installed into (upstream's `.Release.Namespace`). */
  readonly namespace: string;
}

export { EXTENSION_LABEL } from '../../lib/k8s/labels.js';
export const EXTENSION = 'multicluster';
export { MIRROR_CLUSTER_NAME_LABEL as CLUSTER_NAME_LABEL } from '../../lib/k8s/labels.js';

/** `linkerd.io/extension: multicluster`, then `extra`, then the user's `commonLabels`. */
export function mcLabels(ctx: MulticlusterContext, extra: Record<string, string> = {}): Record<string, string> {
  return { [EXTENSION_LABEL]: EXTENSION, ...extra, ...ctx.values.commonLabels };
}

/** The `linkerd.io/created-by` annotation of Helm-rendered extension objects. */
export function createdBy(ctx: MulticlusterContext): Record<string, string> {
  return { [CREATED_BY_ANNOTATION]: `linkerd/helm ${ctx.values.linkerdVersion}` };
}

/** `imagePullSecrets` for a ServiceAccount, when any are configured. */
export function pullSecrets(ctx: MulticlusterContext): { imagePullSecrets?: { name: string }[] } {
  return imagePullSecrets(ctx.values.imagePullSecrets);
}

/**
 * kubernetes-models interfaces lack `KubeObject`'s index signature; the objects are plain JSON, so
 * widening them is safe.
 */
export function kube<T extends { readonly apiVersion: string; readonly kind: string }>(object: T): KubeObject {
  return object as unknown as KubeObject;
}
