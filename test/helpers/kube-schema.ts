/**
 * Validates objects against the Kubernetes 1.33 OpenAPI schema shipped by kubernetes-models, and
 * cert-manager's and trust-manager's kinds against their CRD schemas (@kubernetes-models/cert-manager).
 * Other custom resources are returned as `custom` for CRD-schema validation.
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

/** Packages with generated models, by API group (kubernetes-models: the core and built-in groups). */
const MODEL_PACKAGES: readonly string[] = ['kubernetes-models', '@kubernetes-models/cert-manager'];
const CERT_MANAGER_GROUPS = /^(cert-manager\.io|trust\.cert-manager\.io)\//;

function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  const pkg = CERT_MANAGER_GROUPS.test(apiVersion) ? MODEL_PACKAGES[1] : MODEL_PACKAGES[0];
  try {
    const mod = require(`${pkg}/${apiVersion}/${kind}`) as Record<string, ModelClass>;
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
