/**
 * Validates a whole render: built-in kinds (and cert-manager's) against their published schemas
 * (kube-schema.ts), every other custom resource against the CRDs among `crds` (custom-resources.ts).
 */
import { CustomResourceValidator } from './custom-resources.js';
import { validateKubeObject } from './kube-schema.js';

export interface RenderValidation {
  /** `<key>: <error>` for every object that failed; empty when all are valid. */
  readonly problems: readonly string[];
  /** Keys of the objects validated against a published schema. */
  readonly bySchema: readonly string[];
  /** Keys of the custom resources validated against a CRD in the render. */
  readonly byCrd: readonly string[];
}

type Obj = Parameters<typeof validateKubeObject>[0];

export function validateRender(objects: readonly Obj[], crds: readonly unknown[] = objects): RenderValidation {
  const crs = new CustomResourceValidator(crds);
  const problems: string[] = [];
  const bySchema: string[] = [];
  const byCrd: string[] = [];
  for (const object of objects) {
    const result = validateKubeObject(object);
    if (result.status === 'invalid') problems.push(`${result.key}: ${result.error}`);
    if (result.status === 'valid') bySchema.push(result.key);
    if (result.status === 'custom') {
      byCrd.push(result.key);
      const error = crs.validate(object);
      if (error) problems.push(`${result.key}: ${error}`);
    }
  }
  return { problems, bySchema, byCrd };
}
