/**
 * How Kubernetes names an object: API group, kind, namespace and name, the identity `kubectl apply`
 * matches on and references resolve to (the version is left out: `v1beta1` and `v1` of a kind are
 * one object).
 */

/** An object's identity. */
export interface ObjectKey {
  /** API group: `''` for the core group, `apps`, `policy.linkerd.io` ... */
  readonly group: string;
  readonly kind: string;
  /** `''` for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
}

/** The API group of an `apiVersion` (`v1` → `''`, `policy.linkerd.io/v1beta3` → `policy.linkerd.io`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
