/**
 * Reads the upstream CRD goldens and normalizes manifests the way `../shared/tools/manifest-diff.mjs`
 * compares them for the CRD cases: `description` keys and the `linkerd.io/created-by` annotation and
 * `helm.sh/chart` label ignored; absent, null, {} and [] equal; lists of named items matched by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'linkerd', 'golden', 'crds');

/** Why golden tests skip, or false when the goldens are present. */
export function goldenSkipReason(): string | false {
  return existsSync(GOLDEN_DIR) ? false : `upstream goldens not found at ${GOLDEN_DIR} (../shared absent)`;
}

export function readGolden(file: string): unknown[] {
  return parseAllDocuments(readFileSync(join(GOLDEN_DIR, file), 'utf8'))
    .map((d) => d.toJSON() as unknown)
    .filter((d) => d !== null && d !== undefined);
}

const IGNORED = new Set(['description', 'linkerd.io/created-by', 'helm.sh/chart']);

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
}

export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    const named = items.length > 0 && items.every((i) => typeof i === 'object' && i !== null && typeof (i as { name?: unknown }).name === 'string');
    return named ? [...items].sort((a, b) => String((a as { name: string }).name).localeCompare((b as { name: string }).name)) : items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (IGNORED.has(key)) continue;
      const v = normalize((value as Record<string, unknown>)[key]);
      if (!isEmpty(v)) out[key] = v;
    }
    return out;
  }
  return value;
}

/** `<group>/<name>` of a CRD document, its identity in a manifest. */
export function crdName(doc: unknown): string {
  return String((doc as { metadata?: { name?: string } }).metadata?.name);
}
