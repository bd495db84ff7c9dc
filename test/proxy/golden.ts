/**
 * Test helpers: load upstream's golden manifests (when ../shared is present) and compare objects
 * with the same semantics as `../shared/tools/manifest-diff.mjs` (absent, null, {} and [] are equal;
 * lists of named items compare by name; other lists by position; multi-line strings holding YAML
 * compare parsed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED = join(here, '..', '..', '..', 'shared', 'linkerd');
export const HAVE_SHARED = existsSync(join(SHARED, 'golden'));
export const SKIP_MESSAGE = `../shared/linkerd not found at ${SHARED}: golden comparisons skipped`;

export type Json = unknown;

export function loadObjects(file: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const v = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null;
    if (!v) continue;
    const items = v.kind === 'List' ? ((v.items as Record<string, unknown>[]) ?? []) : [v];
    out.push(...items.filter((o) => o && typeof o === 'object' && o.kind));
  }
  return out;
}

export function findObject(objects: Record<string, unknown>[], kind: string, name: string): Record<string, unknown> | undefined {
  return objects.find((o) => o.kind === kind && (o.metadata as { name?: string } | undefined)?.name === name);
}

export function loadYamlFile(file: string): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const isEmpty = (v: Json) =>
  v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0);
const isNamedList = (v: Json): v is { name: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string');
function parsedDoc(s: Json): Json {
  if (typeof s !== 'string' || !s.includes('\n')) return undefined;
  try {
    const v = parse(s) as Json;
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Paths where `expected` and `actual` differ, as `path: expected X, got Y` lines. */
export function diffObjects(expected: Json, actual: Json, ignore: readonly RegExp[] = []): string[] {
  const diffs: string[] = [];
  const show = (v: Json) => (v === undefined ? '(absent)' : JSON.stringify(v)?.slice(0, 160));
  const walk = (path: string, x: Json, y: Json): void => {
    if (ignore.some((r) => r.test(path))) return;
    if (isEmpty(x) && isEmpty(y)) return;
    const px = parsedDoc(x);
    const py = parsedDoc(y);
    if (px && py) return walk(path, px, py);
    if (isNamedList(x) && (isNamedList(y) || isEmpty(y))) {
      const ym = new Map(((y as { name: string }[]) ?? []).map((i) => [i.name, i]));
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
      const xs = Array.isArray(x) ? x : [];
      const ys = Array.isArray(y) ? y : [];
      if ((!Array.isArray(x) && !isEmpty(x)) || (!Array.isArray(y) && !isEmpty(y))) {
        diffs.push(`${path}: expected ${show(x)}, got ${show(y)}`);
        return;
      }
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) walk(`${path}[${i}]`, xs[i], ys[i]);
      return;
    }
    const ox = x !== null && typeof x === 'object';
    const oy = y !== null && typeof y === 'object';
    if (ox || oy) {
      if (!(ox || isEmpty(x)) || !(oy || isEmpty(y))) {
        diffs.push(`${path}: expected ${show(x)}, got ${show(y)}`);
        return;
      }
      const xo = (x ?? {}) as Record<string, Json>;
      const yo = (y ?? {}) as Record<string, Json>;
      const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
      for (const k of [...keys].sort()) walk(path ? `${path}.${k}` : k, xo[k], yo[k]);
      return;
    }
    if (x !== y) diffs.push(`${path}: expected ${show(x)}, got ${show(y)}`);
  };
  walk('', expected, actual);
  return diffs;
}

/** The ignores manifest-diff applies by default (checksums and created-by). */
export const DEFAULT_IGNORES: readonly RegExp[] = [/annotations\.checksum\//, /annotations\.linkerd\.io\/created-by$/];
