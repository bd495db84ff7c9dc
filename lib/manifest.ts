/** Serialization of Kubernetes objects to a deterministic multi-document YAML stream. */
import { emitYaml } from './yaml-emit.js';

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** `value` as YAML: `yaml`'s output with no line folding and no anchors (lib/yaml-emit.ts). */
export function toYaml(value: unknown): string {
  return emitYaml(value);
}

/** Objects as one YAML stream, each document introduced by `---`. */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects.map((o) => `---\n${toYaml(o)}`).join('');
}

/**
 * Objects as upstream's `-o json` prints them: each object as one line of JSON, keys sorted (Go
 * marshals the maps its YAML-to-JSON conversion makes in key order), one after another.
 */
export function toJsonStream(objects: readonly unknown[]): string {
  return objects.map((o) => `${JSON.stringify(sortKeys(o))}\n`).join('');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
