/**
 * A rendered manifest set, indexed the way Linkerd and the Gateway API resolve references: by API
 * group (core spelled `""`), kind, namespace and name. Every check and the policy graph read objects
 * through this index, so a reference resolves the same way everywhere.
 */
import { joinPath } from '../errors.js';
import { groupOf, type ObjectKey } from '../k8s/object-key.js';
import type { KubeObject } from '../manifest.js';

/** A reference as resolved: group normalized (core is `''`), namespace defaulted. */
export type { ObjectKey } from '../k8s/object-key.js';

/** A plain JSON map (what `spec`, `metadata` and their children are). */
export type JsonMap = Readonly<Record<string, unknown>>;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a list, else an empty one: manifests are input, any field may be missing. */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Only the list's maps, with their positions (for field paths). */
export function mapsOf(value: unknown): ReadonlyArray<readonly [JsonMap, number]> {
  return listOf(value).flatMap((item, i) => (isMap(item) ? [[item, i] as const] : []));
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Linkerd (and Kubernetes' own references) spell the core group `""` or `core`. */
export function normalizeGroup(group: string | undefined): string {
  return group === undefined || group === 'core' ? '' : group;
}

/** Kinds that live outside namespaces; their references carry no namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'Node']);

/** One object of the set, with its identity (key) and where a message should say it came from. */
export interface IndexedObject extends ObjectKey {
  readonly object: KubeObject;
  /** Position in the input list. */
  readonly position: number;
  /** What messages call the object: its construct path, or `<Kind>/<namespace>/<name>`. */
  readonly source: string;
}

/**
 * Something that exists in the cluster but not in the checked set (another team's Service, the
 * viz Prometheus ServiceAccount), so references to it resolve.
 */
export interface ExternalObject {
  /** Kind, e.g. `Service` or `ServiceAccount`. */
  readonly kind: string;
  readonly name: string;
  /**
   * Namespace; leave out for cluster-scoped kinds.
   * @default - cluster-scoped
   */
  readonly namespace?: string;
  /**
   * API group (`""` or `core` for the core group).
   * @default - any group
   */
  readonly group?: string;
}

/** Where manifests whose metadata has no namespace land (kubectl's default context namespace). */
export const DEFAULT_NAMESPACE = 'default';

const keyOf = (k: ObjectKey) => `${k.group}|${k.kind.toLowerCase()}|${k.namespace}|${k.name}`;
const anyGroupKeyOf = (k: Omit<ObjectKey, 'group'>) => `*|${k.kind.toLowerCase()}|${k.namespace}|${k.name}`;

export function namespaceOf(object: KubeObject): string {
  return CLUSTER_SCOPED.has(object.kind) ? '' : (object.metadata?.namespace ?? DEFAULT_NAMESPACE);
}

export class ObjectIndex {
  readonly all: readonly IndexedObject[];
  private readonly byKey = new Map<string, IndexedObject>();
  private readonly externals = new Set<string>();
  private readonly externalNamespaces: ReadonlySet<string>;
  private readonly namespaces = new Set<string>();

  constructor(
    objects: readonly KubeObject[],
    options: {
      readonly externals?: readonly ExternalObject[];
      readonly externalNamespaces?: readonly string[];
      readonly sourceOf?: (object: KubeObject, position: number) => string | undefined;
    } = {},
  ) {
    this.all = objects.map((object, position) => {
      const namespace = namespaceOf(object);
      const name = object.metadata?.name ?? '';
      const kind = object.kind;
      const source = options.sourceOf?.(object, position) ?? [kind, namespace, name].filter(Boolean).join('/');
      return { object, group: groupOf(object.apiVersion), kind, namespace, name, position, source };
    });
    for (const entry of this.all) {
      this.byKey.set(keyOf(entry), entry);
      if (entry.namespace) this.namespaces.add(entry.namespace);
      if (entry.kind === 'Namespace') this.namespaces.add(entry.name);
    }
    for (const e of options.externals ?? []) {
      const base = { kind: e.kind, namespace: CLUSTER_SCOPED.has(e.kind) ? '' : (e.namespace ?? ''), name: e.name };
      this.externals.add(e.group === undefined ? anyGroupKeyOf(base) : keyOf({ ...base, group: normalizeGroup(e.group) }));
      if (e.kind === 'Namespace') this.namespaces.add(e.name);
    }
    this.externalNamespaces = new Set(options.externalNamespaces ?? []);
    for (const ns of this.externalNamespaces) this.namespaces.add(ns);
  }

  /** The object in the set, if there is one. */
  get(key: ObjectKey): IndexedObject | undefined {
    return this.byKey.get(keyOf(key));
  }

  /** Declared to exist outside the set (by name, or because its namespace is external). */
  isExternal(key: ObjectKey): boolean {
    if (key.kind === 'Namespace') return this.namespaces.has(key.name);
    return this.externals.has(keyOf(key)) || this.externals.has(anyGroupKeyOf(key)) || this.externalNamespaces.has(key.namespace);
  }

  exists(key: ObjectKey): boolean {
    return this.get(key) !== undefined || this.isExternal(key);
  }

  /** Namespaces the set lives in or declares (a Namespace need not be an object of the set to exist). */
  hasNamespace(name: string): boolean {
    return this.namespaces.has(name);
  }

  isExternalNamespace(name: string): boolean {
    return this.externalNamespaces.has(name);
  }

  /** Objects of one kind (and group), in input order. */
  ofKind(kind: string, group?: string): IndexedObject[] {
    return this.all.filter((o) => o.kind === kind && (group === undefined || o.group === group));
  }
}

/** `<source>.<field>`: the path an issue names. */
export function fieldPath(entry: IndexedObject, ...keys: ReadonlyArray<string | number>): string {
  return keys.reduce<string>((path, key) => joinPath(path, key), entry.source);
}

export function specOf(entry: IndexedObject): JsonMap {
  const spec = (entry.object as { spec?: unknown }).spec;
  return isMap(spec) ? spec : {};
}

export function annotationsOf(object: KubeObject): Readonly<Record<string, string>> {
  const annotations = (object.metadata as { annotations?: unknown } | undefined)?.annotations;
  return isMap(annotations) ? (annotations as Record<string, string>) : {};
}

export function labelsOf(value: unknown): Readonly<Record<string, string>> {
  const labels = isMap(value) ? (value as { labels?: unknown }).labels : undefined;
  return isMap(labels) ? (labels as Record<string, string>) : {};
}
