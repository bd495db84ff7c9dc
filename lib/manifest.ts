/** Serialization of Kubernetes objects to a deterministic multi-document YAML stream. */
import { stringify } from 'yaml';

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Objects as one YAML stream, each document introduced by `---`. */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects.map((o) => `---\n${toYaml(o)}`).join('');
}
