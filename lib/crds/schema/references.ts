/**
 * Object references in the Gateway API style (group, kind, name, namespace), which every
 * policy.linkerd.io and gateway.networking.k8s.io kind reuses with small differences in defaults,
 * required fields and limits.
 */
import { API_GROUP, API_KIND, DNS_LABEL, DNS_SUBDOMAIN } from './patterns.js';
import { int, int32, obj, str, type Schema } from './primitives.js';

/** An API group name. `defaultGroup` is applied by the API server when the field is omitted. */
export function groupName(defaultGroup?: string): Schema {
  return str({ ...(defaultGroup !== undefined ? { default: defaultGroup } : {}), maxLength: 253, pattern: API_GROUP });
}

/** An API kind name. */
export function kindName(defaultKind?: string): Schema {
  return str({ ...(defaultKind !== undefined ? { default: defaultKind } : {}), maxLength: 63, minLength: 1, pattern: API_KIND });
}

/** An object name (any valid subdomain length, not pattern-checked). */
export function objectName(): Schema {
  return str({ maxLength: 253, minLength: 1 });
}

/** A namespace name (RFC 1123 label). */
export function namespaceName(): Schema {
  return str({ maxLength: 63, minLength: 1, pattern: DNS_LABEL });
}

/** A TCP/UDP port number. */
export function portNumber(): Schema {
  return int32({ maximum: 65535, minimum: 1 });
}

/** A listener section name. */
export function sectionName(): Schema {
  return str({ maxLength: 253, minLength: 1, pattern: DNS_SUBDOMAIN });
}

/** A same-namespace policy target (`LocalPolicyTargetReference`): `kind` and `name` required. */
export function targetRef(defaults: { readonly group?: string; readonly kind?: string } = {}): Schema {
  return obj({ group: groupName(defaults.group), kind: kindName(defaults.kind), name: objectName() }, ['kind', 'name']);
}

/** Options of {@link namespacedRef}. */
export interface NamespacedRefOptions {
  /**
   * Fields that must be set.
   * @default ['kind', 'name']
   */
  readonly required?: readonly string[];
  /**
   * The `namespace` field's schema: authentication refs only bound its length, rate-limit client refs
   * also check it is a label.
   * @default - a string of at most 253 characters
   */
  readonly namespace?: Schema;
}

/** A reference that may cross namespaces (authentication refs, identity refs, client refs). */
export function namespacedRef(options: NamespacedRefOptions = {}): Schema {
  return obj(
    {
      group: groupName(),
      kind: kindName(),
      name: objectName(),
      namespace: options.namespace ?? str({ maxLength: 253 }),
    },
    options.required ?? ['kind', 'name'],
  );
}

/** Options of {@link parentRef}. */
export interface ParentRefOptions {
  /** Group applied when `group` is omitted: `policy.linkerd.io` or `gateway.networking.k8s.io`. */
  readonly defaultGroup: string;
  /**
   * Whether `port` carries the int32 range checks; the oldest policy.linkerd.io HTTPRoute versions
   * declared a bare integer.
   * @default true
   */
  readonly rangedPort?: boolean;
}

/** A route's `ParentReference` (also a route status entry's `parentRef`). */
export function parentRef(options: ParentRefOptions): Schema {
  return obj(
    {
      group: groupName(options.defaultGroup),
      kind: kindName('Gateway'),
      name: objectName(),
      namespace: namespaceName(),
      port: options.rangedPort === false ? int() : portNumber(),
      sectionName: sectionName(),
    },
    ['name'],
  );
}

/** A `BackendObjectReference` (a Service by default), without `weight` or `filters`. */
export function backendObjectRef(): Schema {
  return obj(
    {
      group: groupName(''),
      kind: kindName('Service'),
      name: objectName(),
      namespace: namespaceName(),
      port: portNumber(),
    },
    ['name'],
  );
}

/** A backend's traffic share. */
export function backendWeight(): Schema {
  return int32({ default: 1, maximum: 1000000, minimum: 0 });
}
