/**
 * Minimal OpenAPI v3 schema builders for the Gateway API CRDs. Every builder returns a fresh object, so
 * callers can reuse fragments across kinds and versions without shared (aliased or mutable) state.
 */
import type { IJSONSchemaProps } from 'kubernetes-models/apiextensions.k8s.io/v1/JSONSchemaProps';
import type { IValidationRule } from 'kubernetes-models/apiextensions.k8s.io/v1/ValidationRule';

/** One node of an `openAPIV3Schema`. */
export type Schema = IJSONSchemaProps;
/** One `x-kubernetes-validations` entry (a CEL rule and its message). */
export type Rule = IValidationRule;

/** JSON values usable as `default` or `enum` members. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A CEL validation rule; the message comes first because it is what users read. */
export function rule(message: string, expression: string): Rule {
  return { message, rule: expression };
}

/** Drops `undefined` members so the rendered YAML carries only what was set. */
function compact(node: Record<string, unknown>): Schema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (value !== undefined) out[key] = value;
  return out as Schema;
}

/** Deep copy of a JSON value: defaults and enums must not share arrays between schema nodes. */
function copy(value: JsonValue | undefined): Schema['default'] {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Schema['default']);
}

function rules(list: readonly Rule[] | undefined): Rule[] | undefined {
  return list && list.length > 0 ? list.map((r) => ({ ...r })) : undefined;
}

export interface StringOptions {
  /** @default - no lower bound */
  readonly minLength?: number;
  /** @default - no upper bound */
  readonly maxLength?: number;
  /** @default - any characters */
  readonly pattern?: string;
  /** @default - any value */
  readonly enum?: readonly string[];
  /** @default - no default */
  readonly default?: string;
  /** @default - no format */
  readonly format?: string;
}

export function string(options: StringOptions = {}): Schema {
  return compact({
    default: copy(options.default),
    enum: options.enum ? [...options.enum] : undefined,
    format: options.format,
    maxLength: options.maxLength,
    minLength: options.minLength,
    pattern: options.pattern,
    type: 'string',
  });
}

export interface IntegerOptions {
  /** `int32`, `int64`, or none. @default - no format */
  readonly format?: 'int32' | 'int64';
  /** @default - no lower bound */
  readonly minimum?: number;
  /** @default - no upper bound */
  readonly maximum?: number;
  /** @default - any value */
  readonly enum?: readonly number[];
  /** @default - no default */
  readonly default?: number;
}

export function integer(options: IntegerOptions = {}): Schema {
  return compact({
    default: copy(options.default),
    enum: options.enum ? [...options.enum] : undefined,
    format: options.format,
    maximum: options.maximum,
    minimum: options.minimum,
    type: 'integer',
  });
}

export interface ObjectOptions {
  /** @default - nothing required */
  readonly required?: readonly string[];
  /** @default - no CEL rules */
  readonly rules?: readonly Rule[];
  /** @default - no default */
  readonly default?: JsonValue;
}

export function object(properties: Readonly<Record<string, Schema>>, options: ObjectOptions = {}): Schema {
  return compact({
    default: copy(options.default),
    properties: { ...properties },
    required: options.required ? [...options.required] : undefined,
    type: 'object',
    'x-kubernetes-validations': rules(options.rules),
  });
}

export interface ListOptions {
  /** @default - no lower bound */
  readonly minItems?: number;
  /** @default - no upper bound */
  readonly maxItems?: number;
  /** `x-kubernetes-list-type`. @default - atomic (unset) */
  readonly listType?: 'set' | 'map';
  /** `x-kubernetes-list-map-keys`, for `listType: map`. @default - none */
  readonly mapKeys?: readonly string[];
  /** @default - no CEL rules */
  readonly rules?: readonly Rule[];
  /** @default - no default */
  readonly default?: JsonValue;
}

export function list(items: Schema, options: ListOptions = {}): Schema {
  return compact({
    default: copy(options.default),
    items,
    maxItems: options.maxItems,
    minItems: options.minItems,
    type: 'array',
    'x-kubernetes-list-map-keys': options.mapKeys ? [...options.mapKeys] : undefined,
    'x-kubernetes-list-type': options.listType,
    'x-kubernetes-validations': rules(options.rules),
  });
}
