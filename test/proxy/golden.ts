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
import { fieldDiffs } from '../helpers/manifest-compare.js';

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

/** Paths where `expected` and `actual` differ, as `path: expected X, got Y` lines. */
export function diffObjects(expected: Json, actual: Json, ignore: readonly RegExp[] = []): string[] {
  const show = (v: Json) => (v === undefined ? '(absent)' : JSON.stringify(v)?.slice(0, 160));
  return fieldDiffs(expected, actual, ignore).map((d) => `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`);
}

/** The ignores manifest-diff applies by default (checksums and created-by). */
export const DEFAULT_IGNORES: readonly RegExp[] = [/annotations\.checksum\//, /annotations\.linkerd\.io\/created-by$/];
