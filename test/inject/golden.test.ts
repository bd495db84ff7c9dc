/**
 * The 16 upstream inject cases through `main()` with buffer-backed IO, compared object by object
 * (absent/null/{}/[] equal, named lists matched by name, `linkerd.io/created-by` ignored), and the
 * uninject round trip: uninjecting each injected golden gives the original input back.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { runCli } from '../helpers/run-cli.js';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = resolve(here, '../../../shared/linkerd/cases');
const casesFile = resolve(casesDir, 'cases.yaml');
const skip = existsSync(casesFile) ? false : `upstream reference data not found at ${casesFile}`;

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly golden?: string;
  readonly expect?: 'refused' | 'unchanged';
}

export const run = (args: readonly string[], stdin = '') => runCli(args, { stdin, cwd: casesDir });

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0);

/** The diff tool's notion of equality, as a canonical form. */
function normalize(v: unknown, path = ''): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x, i) => normalize(x, `${path}[${i}]`));
    const named = items.length > 0 && items.every((x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string');
    return named ? [...items].sort((a, b) => String((a as { name: string }).name).localeCompare((b as { name: string }).name)) : items;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (k === 'linkerd.io/created-by' && path.endsWith('annotations')) continue;
      const n = normalize((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (!isEmpty(n)) out[k] = n;
    }
    return out;
  }
  return v;
}

/** Objects of a stream keyed by group/kind/namespace/name, Lists flattened. */
function objects(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const doc of parseAllDocuments(text)) {
    const v = doc.toJS() as Record<string, unknown> | null;
    if (!v) continue;
    // A List's null items are nothing, as upstream reads them.
    for (const o of (v.kind === 'List' ? (v.items as (Record<string, unknown> | null)[]) : [v])) {
      if (!o) continue;
      const meta = (o.metadata ?? {}) as { namespace?: string; name?: string };
      out.set(`${o.apiVersion}/${o.kind}/${meta.namespace ?? ''}/${meta.name ?? ''}`, normalize(o));
    }
  }
  return out;
}

function assertSameObjects(actual: string, expected: string): void {
  const a = objects(actual);
  const e = objects(expected);
  assert.deepEqual([...a.keys()].sort(), [...e.keys()].sort());
  for (const [key, obj] of e) assert.deepEqual(a.get(key), obj, key);
}

const CONFIG_KEY = /^config\.(alpha\.|beta\.)?linkerd\.io\//;

/** Walks every `annotations` map of a stream, collecting (and optionally deleting) config keys. */
function walkConfigAnnotations(text: string, remove: boolean): { found: Record<string, string>; text: string } {
  const found: Record<string, string> = {};
  const visit = (v: unknown, key = ''): void => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (key === 'annotations' && CONFIG_KEY.test(k)) {
        found[k] = String(x);
        if (remove) delete (v as Record<string, unknown>)[k];
      } else visit(x, k);
    }
  };
  const docs = parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
  docs.forEach((d) => visit(d));
  return { found, text: docs.map((d) => `---\n${stringify(d)}`).join('') };
}
const configAnnotations = (text: string) => walkConfigAnnotations(text, false).found;
const stripConfigAnnotations = (text: string) => walkConfigAnnotations(text, true).text;

const cases: Case[] = skip ? [] : (parse(readFileSync(casesFile, 'utf8')) as Case[]).filter((c) => c.name.startsWith('inject'));
const read = (rel: string) => readFileSync(resolve(casesDir, rel), 'utf8');

describe('inject golden cases', { skip }, () => {
  it('covers the 16 upstream cases', () => assert.equal(cases.length, 16));
  for (const c of cases) {
    it(c.name, async () => {
      const { code, stdout, stderr } = await run(c.args);
      if (c.expect === 'refused') {
        assert.equal(code, 1);
        assert.equal(stdout, '');
        const golden = resolve(casesDir, c.golden ?? c.args[c.args.length - 1].replace(/\.input\.yml$/, '.golden.stderr'));
        if (existsSync(golden)) assert.equal(stderr.trim(), readFileSync(golden, 'utf8').trim());
        return;
      }
      assert.equal(code, 0, stderr);
      const expected = c.expect === 'unchanged' ? read(c.args[c.args.length - 1]) : read(c.golden!);
      assertSameObjects(stdout, expected);
    });
  }
});

/**
 * Inputs whose pod spec holds fields upstream's typed re-encoding drops on inject (`hostNetwork:
 * false`): uninject cannot bring back what inject removed, so their round trip is not the input.
 */
const REENCODED_INPUTS = new Set(['inject_emojivoto_deployment_hostNetwork_false']);

describe('uninject round trip', { skip }, () => {
  for (const c of cases.filter((x) => x.golden && !x.expect && !REENCODED_INPUTS.has(x.name))) {
    // Upstream's uninject keeps `config.linkerd.io/*` overrides (they do not start with `linkerd.io`),
    // so the round trip is exact up to those, which must survive unchanged.
    it(`uninject ${c.name} gives back its input (plus the kept config.linkerd.io overrides)`, async () => {
      const { code, stdout } = await run(['uninject', c.golden!]);
      assert.equal(code, 0);
      const kept = configAnnotations(stdout);
      assert.deepEqual(kept, configAnnotations(read(c.golden!)));
      assertSameObjects(stripConfigAnnotations(stdout), stripConfigAnnotations(read(c.args[c.args.length - 1])));
    });
  }

  it('inject is idempotent: injecting an injected manifest again gives the same result', async () => {
    const c = cases.find((x) => x.name === 'inject_emojivoto_deployment')!;
    const { stdout } = await run(['inject', '--manual', '-f', 'inject-mesh.values.yaml', c.golden!]);
    assertSameObjects(stdout, read(c.golden!));
  });
});
