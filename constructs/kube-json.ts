/**
 * The JSON cdk8s's `ApiObject.toJson()` makes of a plain object, without cdk8s, so a verb that
 * prints one phase (`meshform install`) need not load cdk8s to print exactly what the chart would:
 * keys sorted (unless CDK8S_DISABLE_SORT is set, as cdk8s reads it), null and undefined values
 * dropped, empty maps and lists dropped from `metadata`, then `apiVersion`, `kind`, `metadata`
 * first. test/control-plane/kube-json.test.ts holds it to the charts' own output.
 */
import type { KubeObject } from '../lib/manifest.js';

export function kubeJson(object: KubeObject): KubeObject {
  const sortKeys = !process.env.CDK8S_DISABLE_SORT;
  const { metadata, ...rest } = object;
  // cdk8s always gives an object labels and annotations maps (empty ones are then dropped).
  const meta = sanitize({ ...metadata, labels: { ...(metadata?.labels as object | undefined) }, annotations: { ...(metadata?.annotations as object | undefined) } }, true, true);
  const json = sanitize({ ...rest, metadata: meta }, false, sortKeys) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(json)]) if (key in json) result[key] = json[key];
  return result as unknown as KubeObject;
}

/** cdk8s's sanitizeValue: `dropEmpty` is its filterEmptyArrays + filterEmptyObjects. */
function sanitize(value: unknown, dropEmpty: boolean, sortKeys: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    return value.map((v) => sanitize(v, dropEmpty, sortKeys));
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of sortKeys ? keys.sort() : keys) {
    const v = sanitize((value as Record<string, unknown>)[key], dropEmpty, sortKeys);
    if (v !== undefined && v !== null) out[key] = v;
  }
  if (dropEmpty && Object.keys(out).length === 0) return undefined;
  return out;
}
