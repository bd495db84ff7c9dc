/**
 * What a render touches, read from the objects themselves: the render gives every namespaced object
 * its namespace, so an object without one is cluster-scoped. The Argo CD project's whitelists and
 * destinations are computed from this, never from a hand-kept list.
 */
import type { KubeObject } from '../manifest.js';

/** An API group (`''` for the core group) and a kind, as Argo CD's whitelists spell them. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** `apps/v1` → `apps`; `v1` → `''` (the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function isClusterScoped(object: KubeObject): boolean {
  return !object.metadata?.namespace;
}

/** The distinct group/kinds of `objects`, sorted by group then kind (deterministic output). */
export function groupKinds(objects: readonly KubeObject[]): GroupKind[] {
  const seen = new Map<string, GroupKind>();
  for (const o of objects) {
    const gk = { group: apiGroup(o.apiVersion), kind: o.kind };
    seen.set(`${gk.group}/${gk.kind}`, gk);
  }
  return [...seen.values()].sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind));
}

/** The distinct namespaces of the namespaced objects, sorted. */
export function namespacesOf(objects: readonly KubeObject[]): string[] {
  return [...new Set(objects.flatMap((o) => (o.metadata?.namespace ? [o.metadata.namespace] : [])))].sort();
}

/** The namespace most of the objects are in (ties: the first in name order); undefined when none is. */
export function mainNamespace(objects: readonly KubeObject[]): string | undefined {
  const counts = new Map<string, number>();
  for (const o of objects) if (o.metadata?.namespace) counts.set(o.metadata.namespace, (counts.get(o.metadata.namespace) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
