/** Labels every linkerd2-cni object carries: the CNI marker (the proxy injector skips such pods) plus `commonLabels`. */
import type { KubeObject } from '../../lib/manifest.js';
import type { CniValues } from '../../lib/values/cni/types.js';
import { CNI_RESOURCE_LABEL } from '../../lib/k8s/labels.js';

export { CNI_RESOURCE_LABEL } from '../../lib/k8s/labels.js';
export const CNI_NAME = 'linkerd-cni';
export const CNI_CONFIG_MAP = 'linkerd-cni-config';

export function cniLabels(values: CniValues, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [CNI_RESOURCE_LABEL]: 'true', ...values.commonLabels };
}

/**
 * kubernetes-models interfaces lack `KubeObject`'s index signature; the objects are plain JSON, so
 * widening them is safe.
 */
export function kube<T extends { readonly apiVersion: string; readonly kind: string }>(object: T): KubeObject {
  return object as unknown as KubeObject;
}
