/**
 * Typed builders for the OpenAPI v3 schema fragments CRDs are made of. Every CRD in meshform is
 * assembled from these, so a constraint (a pattern, a length limit) is written once and the same
 * definitions can validate the custom resources we emit.
 */
import type { IJSONSchemaProps } from 'kubernetes-models/apiextensions.k8s.io/v1/JSONSchemaProps';

/** One node of a CRD's structural schema. */
export type Schema = IJSONSchemaProps;

/** Extra keywords for a typed node; `type` is fixed by the builder. */
export type SchemaExtras = Omit<Schema, 'type'>;

/** A map of property name to schema. */
export type Properties = Readonly<Record<string, Schema>>;

export function str(extra: SchemaExtras = {}): Schema {
  return { type: 'string', ...extra };
}

export function int(extra: SchemaExtras = {}): Schema {
  return { type: 'integer', ...extra };
}

export function int32(extra: SchemaExtras = {}): Schema {
  return int({ format: 'int32', ...extra });
}

export function int64(extra: SchemaExtras = {}): Schema {
  return int({ format: 'int64', ...extra });
}

export function num(extra: SchemaExtras = {}): Schema {
  return { type: 'number', ...extra };
}

export function bool(extra: SchemaExtras = {}): Schema {
  return { type: 'boolean', ...extra };
}

/** A string restricted to `values`. */
export function enumStr(values: readonly string[], extra: SchemaExtras = {}): Schema {
  return str({ enum: [...values], ...extra });
}

/** RFC 3339 timestamp (metav1.Time). */
export function dateTime(): Schema {
  return str({ format: 'date-time' });
}

/** A Go-style duration string such as `10s` (Gateway API `Duration`). */
export function duration(): Schema {
  return str({ format: 'duration' });
}

/**
 * An object with `properties`; `required` is omitted when empty because an empty list and an absent
 * one mean the same to the API server and the golden comparison.
 */
export function obj(properties: Properties, required: readonly string[] = [], extra: SchemaExtras = {}): Schema {
  return {
    type: 'object',
    ...(required.length > 0 ? { required: [...required] } : {}),
    properties: { ...properties },
    ...extra,
  };
}

export function arr(items: Schema, extra: SchemaExtras = {}): Schema {
  return { type: 'array', items, ...extra };
}

/** Kubernetes `IntOrString`, which structural schemas express with an extension, not a type. */
export function intOrString(extra: SchemaExtras = {}): Schema {
  return { 'x-kubernetes-int-or-string': true, ...extra };
}

/** A free-form object the API server stores as given (label maps, opaque matchers). */
export function freeForm(): Schema {
  return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
}

/** An empty object: `metadata` in CRD roots, whose schema the API server supplies itself. */
export function emptyObject(): Schema {
  return { type: 'object' };
}

/** `oneOf` alternatives each requiring one field: "exactly one of these must be set". */
export function exactlyOneOf(...fields: readonly string[]): Schema[] {
  return fields.map((f) => ({ required: [f] }));
}

/** A copy of `schema` with extra keywords, for the one-off variations between CRD versions. */
export function extend(schema: Schema, extra: SchemaExtras): Schema {
  return { ...schema, ...extra };
}
