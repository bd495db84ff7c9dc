/**
 * The pulumi-kubernetes provider's replacement rules, as far as meshform relies on them, and a lint
 * that finds which of them a change between two renders would trigger. The rules live in the Go
 * provider (its force-new table, not in the JS SDK); this is the subset for the kinds Linkerd's
 * charts emit, from the provider's documentation and the Kubernetes API's immutable fields:
 *
 * | kind | fields whose change replaces the object |
 * |---|---|
 * | every kind | `metadata.name`, `metadata.namespace` |
 * | ConfigMap | `data`, `binaryData` — unless the provider has `enableConfigMapMutable` |
 * | Secret | `type`; `data`, `stringData` — unless the provider has `enableSecretMutable` |
 * | Service | `spec.clusterIP` |
 * | Deployment, DaemonSet, ReplicaSet | `spec.selector` |
 * | StatefulSet | `spec.selector`, `spec.serviceName`, `spec.podManagementPolicy`, `spec.volumeClaimTemplates` |
 * | Job | `spec.selector`, `spec.template` |
 * | PersistentVolumeClaim | `spec.accessModes`, `spec.selector`, `spec.storageClassName`, `spec.volumeMode`, `spec.volumeName` |
 * | RoleBinding, ClusterRoleBinding | `roleRef` |
 * | ResourceQuota | `spec.scopes` |
 *
 * A replaced object with a fixed name (all of Linkerd's) is deleted before it is created again:
 * a moment without the object, and a restart of whatever mounts it.
 */
import type { KubeObject } from '../../lib/manifest.js';

/** The provider options that lift the ConfigMap / Secret data rules. */
export interface ProviderMutability {
  /** @default false */
  readonly enableConfigMapMutable?: boolean;
  /** @default false */
  readonly enableSecretMutable?: boolean;
}

/** A force-new field that differs between two renders of the same object. */
export interface ForceNewChange {
  /** `<apiVersion> <kind> <namespace>/<name>`. */
  readonly object: string;
  /** Dotted path of the field. */
  readonly field: string;
}

const METADATA = ['metadata.name', 'metadata.namespace'];
const SELECTOR = ['spec.selector'];

/** Force-new fields by `group/version kind` (core kinds as `v1`), without the mutability exceptions. */
export const FORCE_NEW_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'v1 ConfigMap': ['data', 'binaryData'],
  'v1 Secret': ['type', 'data', 'stringData'],
  'v1 Service': ['spec.clusterIP'],
  'v1 PersistentVolumeClaim': ['spec.accessModes', 'spec.selector', 'spec.storageClassName', 'spec.volumeMode', 'spec.volumeName'],
  'v1 ResourceQuota': ['spec.scopes'],
  'apps/v1 Deployment': SELECTOR,
  'apps/v1 DaemonSet': SELECTOR,
  'apps/v1 ReplicaSet': SELECTOR,
  'apps/v1 StatefulSet': [...SELECTOR, 'spec.serviceName', 'spec.podManagementPolicy', 'spec.volumeClaimTemplates'],
  'batch/v1 Job': [...SELECTOR, 'spec.template'],
  'rbac.authorization.k8s.io/v1 RoleBinding': ['roleRef'],
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': ['roleRef'],
};

/** The force-new fields of one kind under the provider's options. */
export function forceNewFields(apiVersion: string, kind: string, provider: ProviderMutability = {}): string[] {
  const fields = FORCE_NEW_FIELDS[`${apiVersion} ${kind}`] ?? [];
  const lifted =
    apiVersion === 'v1' && kind === 'ConfigMap' && provider.enableConfigMapMutable
      ? ['data', 'binaryData']
      : apiVersion === 'v1' && kind === 'Secret' && provider.enableSecretMutable
        ? ['data', 'stringData']
        : [];
  return [...METADATA, ...fields.filter((f) => !lifted.includes(f))];
}

/** `<apiVersion> <kind> <namespace>/<name>`: an object's identity across renders. */
export function objectIdentity(obj: KubeObject): string {
  return `${obj.apiVersion} ${obj.kind} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);

/** Stable JSON (sorted keys) so key order does not count as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * The force-new fields that differ between objects present in both renders (matched by identity):
 * the replacements an update from `before` to `after` would cause. Objects only in one render are
 * creations or deletions, not replacements.
 */
export function forceNewChanges(before: readonly KubeObject[], after: readonly KubeObject[], provider: ProviderMutability = {}): ForceNewChange[] {
  const previous = new Map(before.map((o) => [objectIdentity(o), o]));
  return after.flatMap((obj) => {
    const old = previous.get(objectIdentity(obj));
    if (!old) return [];
    return forceNewFields(obj.apiVersion, obj.kind, provider)
      .filter((field) => canonical(at(old, field)) !== canonical(at(obj, field)))
      .map((field) => ({ object: objectIdentity(obj), field }));
  });
}
