/**
 * Upstream's `partials.resources` (charts/partials/templates/_resources.tpl), used by every chart: a
 * `{cpu, memory, ephemeral-storage}.{limit, request}` value tree becomes a container's `resources`,
 * limits first. The partial guards each quantity with Helm's `with`, which skips empty strings, zero
 * and null alike; both maps are left out when nothing in them is set. Also the proxy resource
 * annotations extensions put on their pods (`partials.proxy.config.annotations`).
 */
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import { CONFIG_PREFIX } from '../k8s/labels.js';
import type { ResourceRequirementsValues } from '../values/mesh/common-types.js';

/** The resource names the partial reads, in its order. */
export const RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral-storage'] as const;

/** Helm truthiness of a quantity: `''`, `0` and null mean "not set". */
export function isQuantitySet(v: string | number | null | undefined): v is string | number {
  return v !== undefined && v !== null && v !== '' && v !== 0;
}

/**
 * The container `resources` for a resource value tree, or undefined when nothing is set (upstream
 * then renders an empty `resources:` key, which Kubernetes reads as unset).
 */
export function buildResources(values: ResourceRequirementsValues | null | undefined): IResourceRequirements | undefined {
  if (!values) return undefined;
  const pick = (side: 'limit' | 'request'): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    for (const kind of RESOURCE_NAMES) {
      const q = values[kind]?.[side];
      // Helm's `quote` renders every quantity as a string.
      if (isQuantitySet(q)) out[kind] = String(q);
    }
    return Object.keys(out).length ? out : undefined;
  };
  const limits = pick('limit');
  const requests = pick('request');
  if (!limits && !requests) return undefined;
  return { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) };
}

/** True when a resource value tree sets at least one quantity (upstream's `not (empty ...)` test). */
export function hasResources(values: ResourceRequirementsValues | null | undefined): boolean {
  return buildResources(values) !== undefined;
}

/**
 * `partials.proxy.config.annotations`: an extension pod's proxy resources as the
 * `config.linkerd.io/proxy-<name>-{request,limit}` annotations the injector applies (same `with` rule).
 */
export function proxyResourceAnnotations(proxy: { readonly resources?: ResourceRequirementsValues | null } | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of RESOURCE_NAMES) {
    const pair = proxy?.resources?.[name];
    if (isQuantitySet(pair?.request)) out[`${CONFIG_PREFIX}/proxy-${name}-request`] = String(pair.request);
    if (isQuantitySet(pair?.limit)) out[`${CONFIG_PREFIX}/proxy-${name}-limit`] = String(pair.limit);
  }
  return out;
}
