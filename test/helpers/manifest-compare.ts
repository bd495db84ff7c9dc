/**
 * The golden comparison of ../shared/tools/manifest-diff.mjs as a library for tests: objects matched by
 * group/kind/namespace/name; absent, null, {} and [] equal; lists of named items matched by name;
 * strings holding YAML documents compared parsed; `checksum/*` and `linkerd.io/created-by`
 * annotations ignored.
 */
import { parse } from 'yaml';
import type { KubeObject } from '../../lib/manifest.js';

export interface FieldDiff {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

const IGNORED: readonly RegExp[] = [
  /(^|\.)annotations\.checksum\//,
  /(^|\.)annotations\.linkerd\.io\/created-by$/,
  /labels\.helm\.sh\/chart$/,
];

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNamedList = (v: unknown): v is { name: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.name === 'string');

function parsedDoc(s: unknown): unknown {
  if (typeof s !== 'string' || !s.includes('\n')) return undefined;
  try {
    const v: unknown = parse(s);
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function objectKey(o: KubeObject): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : 'core';
  return `${group}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** Field differences with the diff tool's default ignores (checksums, created-by, chart label). */
export function compareObjects(expected: unknown, actual: unknown, ignore: readonly RegExp[] = []): FieldDiff[] {
  return fieldDiffs(expected, actual, [...IGNORED, ...ignore]);
}

/** Field differences between an expected and an actual object, ignoring only `ignore` (empty when they match). */
export function fieldDiffs(expected: unknown, actual: unknown, ignore: readonly RegExp[] = []): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  const walk = (path: string, x: unknown, y: unknown): void => {
    if (ignore.some((r) => r.test(path))) return;
    if (isEmpty(x) && isEmpty(y)) return;
    const px = parsedDoc(x);
    const py = parsedDoc(y);
    if (px && py) return walk(path, px, py);
    if (isNamedList(x) && (isNamedList(y) || isEmpty(y))) {
      const ym = new Map(((y ?? []) as { name: string }[]).map((i) => [i.name, i]));
      const xm = new Map(x.map((i) => [i.name, i]));
      for (const [n, i] of xm) walk(`${path}[${n}]`, i, ym.get(n));
      for (const [n, i] of ym) if (!xm.has(n)) walk(`${path}[${n}]`, undefined, i);
      return;
    }
    if (isNamedList(y) && isEmpty(x)) {
      for (const i of y) walk(`${path}[${i.name}]`, undefined, i);
      return;
    }
    if (Array.isArray(x) || Array.isArray(y)) {
      if ((!Array.isArray(x) && !isEmpty(x)) || (!Array.isArray(y) && !isEmpty(y))) {
        diffs.push({ path, expected: x, actual: y });
        return;
      }
      const xs = (Array.isArray(x) ? x : []) as unknown[];
      const ys = (Array.isArray(y) ? y : []) as unknown[];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) walk(`${path}[${i}]`, xs[i], ys[i]);
      return;
    }
    if (isObject(x) || isObject(y)) {
      if ((!isObject(x) && !isEmpty(x)) || (!isObject(y) && !isEmpty(y))) {
        diffs.push({ path, expected: x, actual: y });
        return;
      }
      const xo = (x ?? {}) as Record<string, unknown>;
      const yo = (y ?? {}) as Record<string, unknown>;
      for (const k of [...new Set([...Object.keys(xo), ...Object.keys(yo)])].sort()) walk(path ? `${path}.${k}` : k, xo[k], yo[k]);
      return;
    }
    if (x !== y) diffs.push({ path, expected: x, actual: y });
  };
  walk('', expected, actual);
  return diffs;
}
