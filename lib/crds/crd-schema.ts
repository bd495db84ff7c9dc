/**
 * Looks up the schema of a custom resource version, and turns it into a plain JSON Schema that a
 * validator such as ajv understands, so objects meshform emits (Servers, routes, policies) can be
 * checked offline against the very definitions it installs.
 */
import type { Schema } from './schema/primitives.js';
import { allKnownCrds } from './linkerd-crds.js';

/** The `openAPIV3Schema` of `group`/`kind` at `version`, or undefined when no CRD serves it. */
export function crdSchemaFor(group: string, kind: string, version: string): Schema | undefined {
  const crd = allKnownCrds().find((c) => c.spec.group === group && c.spec.names.kind === kind);
  return crd?.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
}

/** Options of {@link toJsonSchema}. */
export interface JsonSchemaOptions {
  /**
   * Reject properties the schema does not declare (the API server prunes them silently, which hides
   * typos); free-form objects stay open.
   * @default true
   */
  readonly closed?: boolean;
}

/** A JSON Schema value as ajv consumes it. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * Kubernetes structural schema → JSON Schema: `x-kubernetes-int-or-string` becomes
 * `type: [integer, string]`, OpenAPI `format`s JSON Schema validators do not know are dropped, and
 * declared-property objects are closed unless `closed` is false.
 */
export function toJsonSchema(schema: Schema, options: JsonSchemaOptions = {}): JsonSchema {
  const closed = options.closed ?? true;
  const convert = (s: Schema): JsonSchema => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(s)) {
      if (key === 'format' || key.startsWith('x-kubernetes-')) continue;
      if (key === 'properties' && value) {
        out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, convert(v)]));
      } else if (key === 'items' && value && typeof value === 'object' && !Array.isArray(value)) {
        out.items = convert(value as Schema);
      } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
        out[key] = (value as Schema[]).map(convert);
      } else {
        out[key] = value;
      }
    }
    if (s['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
    if (closed && s.properties && !s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties === undefined) {
      out.additionalProperties = false;
    }
    return out;
  };
  const root = convert(schema);
  // Resources carry type meta and metadata that hand-written CRD roots leave undeclared.
  const properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...(root.properties as object) };
  return { ...root, properties };
}

/** The JSON Schema of `group`/`kind` at `version`, or undefined when no CRD serves it. */
export function jsonSchemaFor(group: string, kind: string, version: string, options: JsonSchemaOptions = {}): JsonSchema | undefined {
  const schema = crdSchemaFor(group, kind, version);
  return schema ? toJsonSchema(schema, options) : undefined;
}
