/**
 * Upstream's `partials.resources`: a `{cpu, memory, ephemeral-storage}.{limit, request}` value tree
 * (empty strings meaning unset) becomes a container's `resources`, limits first; both maps are left
 * out when nothing in them is set. Also the quantity arithmetic the injector uses to derive proxy
 * worker counts from CPU annotations.
 */
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ResourceRequirementsValues } from '../values/mesh/types.js';

const KINDS = ['cpu', 'memory', 'ephemeral-storage'] as const;

function isSet(v: string | number | null | undefined): v is string | number {
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
    for (const kind of KINDS) {
      const q = values[kind]?.[side];
      // Helm's `quote` renders every quantity as a string.
      if (isSet(q)) out[kind] = String(q);
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
 * A CPU quantity (`500m`, `1.5`, `2`) in cores, or undefined when it does not parse. The injector
 * derives `runtime.workers.minimum`/`maximum` from CPU requests/limits with this.
 */
export function cpuQuantityToCores(quantity: string | number): number | undefined {
  const text = String(quantity).trim();
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'm' ? n / 1000 : n;
}

/** Worker threads for a CPU quantity: whole cores, rounded up, at least one. */
export function workersForCpu(quantity: string | number): number | undefined {
  const cores = cpuQuantityToCores(quantity);
  return cores === undefined ? undefined : Math.max(1, Math.ceil(cores));
}
