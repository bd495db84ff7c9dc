/**
 * Validates custom resources against the CRDs that define them (ours: the CRD phase and the
 * multicluster Link CRD), with ajv: unknown fields are rejected so typos cannot hide.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { toJsonSchema } from '../../lib/crds/crd-schema.js';
import type { Schema } from '../../lib/crds/schema/primitives.js';

interface CrdLike {
  readonly kind: string;
  readonly spec?: {
    readonly group: string;
    readonly names: { readonly kind: string };
    readonly versions: readonly { readonly name: string; readonly schema?: { readonly openAPIV3Schema?: unknown } }[];
  };
}

export class CustomResourceValidator {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true });

  constructor(crds: readonly unknown[]) {
    for (const crd of crds as CrdLike[]) {
      if (crd.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const version of crd.spec.versions) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
        this.validators.set(key, this.ajv.compile(toJsonSchema(schema as Schema) as object));
      }
    }
  }

  /** `undefined` when valid; an error description otherwise; `'no CRD'` when nothing defines the kind. */
  validate(object: { apiVersion: string; kind: string }): string | undefined {
    const validate = this.validators.get(`${object.apiVersion}/${object.kind}`);
    if (!validate) return 'no CRD';
    return validate(object) ? undefined : this.ajv.errorsText(validate.errors);
  }
}
