/**
 * Wrong types at every default key of every chart, through each verb, in-process: each run must exit 0
 * with output that validates (and holds no `undefined`, `[object Object]` or `NaN`), or exit 1 with
 * nothing on stdout and a message naming the key — never an internal error, a usage error or a crash.
 *
 * Every key of each chart's defaults gets one wrong value per run; which kind of wrong value rotates
 * over the keys (a map where a scalar is, a string where a number or boolean is, a list where a map
 * is, null...), so every key and every kind of wrongness is covered while the whole file stays fast.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { joinPath } from '../../lib/errors.js';
import { cniDefaults } from '../../lib/values/cni/defaults.js';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import { multiclusterDefaults } from '../../lib/values/multicluster/defaults.js';
import { isTree, type Value, type ValueTree } from '../../lib/values/tree.js';
import { vizDefaults } from '../../lib/values/viz/defaults.js';
import { runCli } from '../helpers/run-cli.js';
import { validateRender } from '../helpers/validate-all.js';

const SHARED = join(import.meta.dirname, '../../../shared/linkerd');
const CASES = join(SHARED, 'cases');
const skip = !existsSync(CASES) && 'needs ../shared/linkerd/cases (the pinned identity values)';

/** Each key's path (for building a values file) and its `--set`-style name (what messages print). */
interface Key {
  readonly parts: readonly string[];
  readonly name: string;
  readonly def: Value;
}

function keysOf(tree: ValueTree, parts: string[] = [], name = ''): Key[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = { parts: [...parts, k], name: joinPath(name, k), def: v };
    return isTree(v) ? [key, ...keysOf(v, key.parts, key.name)] : [key];
  });
}

/** Values of the wrong kind for a default (null is always among them). */
function wrongValues(def: Value): Value[] {
  if (def === null) return [{ unexpected: { map: 1 } }, null];
  if (Array.isArray(def)) return [{ not: 'a list' }, 'a string', null];
  if (isTree(def)) return ['a string', [1, 2], 42, null];
  if (typeof def === 'string') return [{ not: 'a string' }, [1], true, null];
  if (typeof def === 'number') return ['not a number', { a: 1 }, true, null];
  return ['yes', { a: 1 }, 7, null];
}

function valuesFile(key: Key, value: Value): ValueTree {
  const root: ValueTree = {};
  let node = root;
  key.parts.slice(0, -1).forEach((p) => {
    const child: ValueTree = {};
    node[p] = child;
    node = child;
  });
  node[key.parts[key.parts.length - 1]] = value;
  return root;
}

const work = mkdtempSync(join(tmpdir(), 'meshform-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));

let crds: unknown[] | undefined;
async function installedCrds(): Promise<unknown[]> {
  crds ??= parseAllDocuments((await runCli(['install', '--crds'], { cwd: work })).stdout).map((d) => d.toJS() as unknown);
  return crds;
}

let fileCount = 0;
/** Runs `args -f <file with key = value>` and returns what is wrong with the outcome, if anything. */
async function verdict(args: readonly string[], key: Key, value: Value): Promise<string | undefined> {
  const file = join(work, `values-${fileCount++}.yaml`);
  writeFileSync(file, stringify(valuesFile(key, value)));
  const stdin = args.includes('inject') ? `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app, image: nginx}]\n` : '';
  const r = await runCli([...args, '-f', file, ...(args.includes('inject') ? ['-'] : [])], { cwd: work, stdin });
  const what = `${args.slice(0, 2).join(' ')} with ${key.name} = ${JSON.stringify(value)}`;
  if (r.code === 1) {
    if (r.stdout !== '') return `${what}: exit 1 with output on stdout`;
    if (/internal error/.test(r.stderr)) return `${what}: ${r.stderr.trim().split('\n')[0]}`;
    if (!r.stderr.includes(key.name)) return `${what}: exit 1 without naming the key: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`;
    return undefined;
  }
  if (r.code !== 0) return `${what}: exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`;
  const bad = /(?<!dev-)undefined|\[object Object\]|\bNaN\b/.exec(r.stdout);
  if (bad) return `${what}: exit 0 with "${bad[0]}" in the output`;
  const objects = parseAllDocuments(r.stdout).map((d) => d.toJS() as unknown).filter((o) => o !== null);
  const { problems } = validateRender(objects as unknown as Parameters<typeof validateRender>[0], [...(await installedCrds()), ...objects]);
  return problems.length ? `${what}: exit 0 with invalid output: ${problems[0]}` : undefined;
}

async function fuzz(args: readonly string[], defaults: ValueTree, every = 1): Promise<void> {
  const keys = keysOf(defaults);
  const failures: string[] = [];
  let runs = 0;
  for (const [i, key] of keys.entries()) {
    if (i % every !== 0) continue;
    const wrong = wrongValues(key.def);
    const v = await verdict(args, key, wrong[i % wrong.length]);
    runs++;
    if (v) failures.push(v);
  }
  assert.ok(runs >= keys.length / every - 1, 'every (sampled) key was tried');
  assert.deepEqual(failures, []);
}

const pins = (name: string): string[] => ['-f', join(CASES, name)];

test('install: a wrong value at any control-plane key', { skip }, () => fuzz(['install', ...pins('control-plane-pins.values.yaml')], meshDefaults() as unknown as ValueTree));

test('install-cni: a wrong value at any CNI key', { skip }, () => fuzz(['install-cni'], cniDefaults() as unknown as ValueTree));

test('viz install: a wrong value at any viz key', { skip }, () => fuzz(['viz', 'install', ...pins('viz-pins.values.yaml')], vizDefaults() as unknown as ValueTree));

test('multicluster install: a wrong value at any multicluster key', { skip }, () =>
  fuzz(['multicluster', 'install', ...pins('multicluster-pins.values.yaml')], multiclusterDefaults() as unknown as ValueTree));

// inject reads the installed mesh's values: every third key, with the other wrong value of the rotation.
test('inject --manual: a wrong mesh value', { skip }, () => fuzz(['inject', '--manual', ...pins('inject-mesh.values.yaml')], meshDefaults() as unknown as ValueTree, 3));
