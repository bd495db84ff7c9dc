/**
 * Validates objects against the Kubernetes 1.33 OpenAPI schema shipped by kubernetes-models. Custom
 * resources (groups kubernetes-models does not know) are returned as `custom` for CRD-schema validation.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface ModelClass {
  new (data: unknown): { validate(): void };
}

export interface SchemaResult {
  readonly key: string;
  /** `valid`, `invalid` (with errors) or `custom` (no built-in schema: a custom resource). */
  readonly status: 'valid' | 'invalid' | 'custom';
  readonly error?: string;
}

function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  try {
    const mod = require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, ModelClass>;
    return mod[kind] ?? mod.default;
  } catch {
    return undefined;
  }
}

export function validateKubeObject(object: { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } }): SchemaResult {
  const key = `${object.apiVersion}/${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
  const Model = modelFor(object.apiVersion, object.kind);
  if (!Model) return { key, status: 'custom' };
  try {
    new Model(structuredClone(object)).validate();
    return { key, status: 'valid' };
  } catch (e) {
    return { key, status: 'invalid', error: (e as Error).message };
  }
}
