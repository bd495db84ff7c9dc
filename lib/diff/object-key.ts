/**
 * How `meshform diff` names a Kubernetes object: by API group, kind, namespace and name, the identity
 * `kubectl apply` matches on (the version is left out: `v1beta1` → `v1` of the same kind is a change,
 * not a removal plus an addition).
 */

import { groupOf, type ObjectKey } from '../k8s/object-key.js';
import type { KubeObject } from '../manifest.js';

/** What names an object in a diff: its Kubernetes identity (lib/k8s). */
export type ObjectRef = ObjectKey;

/** A Kubernetes object as read from YAML: plain data with at least a kind and an apiVersion. */
export function isKubeObject(value: unknown): value is KubeObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string';
}

function metadataString(object: KubeObject, key: string): string {
  const metadata = object.metadata;
  const v = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
}

export function objectRef(object: KubeObject): ObjectRef {
  return {
    group: groupOf(object.apiVersion),
    kind: object.kind,
    namespace: metadataString(object, 'namespace'),
    name: metadataString(object, 'name'),
  };
}

/** The matching key: `group/Kind/namespace/name`. */
export function refKey(ref: ObjectRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** How output names the object: `Deployment linkerd/linkerd-destination`, `ClusterRole linkerd-heartbeat`. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name || '(unnamed)'}`;
}

/** The object's labels (empty when it has none). */
export function labelsOf(object: KubeObject): Readonly<Record<string, string>> {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const labels = metadata?.labels;
  return typeof labels === 'object' && labels !== null ? (labels as Record<string, string>) : {};
}
