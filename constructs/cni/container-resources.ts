/**
 * Upstream's `partials.resources`: a `{cpu, memory, ephemeral-storage} × {limit, request}` value tree
 * becomes a container's `resources`, with empty quantities left out (so all-empty renders nothing).
 */
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ResourceRequirementsValues } from '../../lib/values/mesh/types.js';

const KINDS = ['cpu', 'memory', 'ephemeral-storage'] as const;

export function containerResources(values: ResourceRequirementsValues | undefined): IResourceRequirements | undefined {
  if (!values) return undefined;
  const pick = (side: 'limit' | 'request'): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    for (const kind of KINDS) {
      const q = values[kind]?.[side];
      // Helm's `with` skips empty strings, zero and null alike.
      if (q !== undefined && q !== null && q !== '' && q !== 0) out[kind] = String(q);
    }
    return Object.keys(out).length ? out : undefined;
  };
  const limits = pick('limit');
  const requests = pick('request');
  if (!limits && !requests) return undefined;
  return { ...(limits && { limits }), ...(requests && { requests }) } as IResourceRequirements;
}
