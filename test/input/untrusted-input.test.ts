/** Untrusted input: bounded YAML aliases, prototype-polluting keys, Helm's `--set` index cap. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { parseManifestStream } from '../../lib/inject/manifest-stream.js';
import { applySet, mergeValues, userValues, type ValueTree } from '../../lib/values/tree.js';
import { parseYamlDocument, parseYamlStream } from '../../lib/yaml-input.js';

/** Nine levels of nine-fold aliases: ~300 bytes that would expand to 9^9 strings. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

test('an alias bomb is refused quickly, naming the source, in both readers', () => {
  const start = Date.now();
  assert.throws(() => parseYamlDocument(aliasBomb(), 'values file bomb.yaml'), (e: Error) => e instanceof MeshformError && /^values file bomb\.yaml: YAML aliases expand too far/.test(e.message));
  assert.throws(() => parseManifestStream(aliasBomb(), 'bomb.yaml'), /bomb\.yaml: document 1: YAML aliases expand too far/);
  assert.ok(Date.now() - start < 2000, 'refused without expanding');
});

test('ordinary anchors and aliases still read', () => {
  const doc = parseYamlDocument('base: &r {cpu: {request: 100m}}\nproxy: {resources: *r}\n', 'f');
  assert.deepEqual(doc, { base: { cpu: { request: '100m' } }, proxy: { resources: { cpu: { request: '100m' } } } });
});

test('__proto__, constructor and prototype keys are refused with their paths, and nothing is polluted', () => {
  const text = 'proxy:\n  __proto__:\n    polluted: yes\nlist:\n- constructor: 1\n';
  assert.throws(
    () => parseYamlDocument(text, 'values file v.yaml'),
    (e: Error) => e instanceof MeshformError && /proxy\.__proto__: key not allowed/.test(e.message) && /list\[0\]\.constructor: key not allowed/.test(e.message),
  );
  assert.throws(() => parseYamlStream(`kind: Pod\nmetadata:\n  prototype: {}\n`, 'm.yaml'), /metadata\.prototype: key not allowed/);
  // JSON-built trees (Pulumi config, typed props) reach the merge directly.
  const fromJson = JSON.parse('{"__proto__": {"polluted": true}}') as ValueTree;
  assert.throws(() => userValues([fromJson]), /__proto__: key not allowed/);
  assert.throws(() => mergeValues({}, fromJson), /__proto__: key not allowed/);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('--set refuses unsafe key segments', () => {
  for (const expr of ['__proto__.polluted=1', 'a.constructor.prototype.x=1', 'a[0].__proto__=1']) {
    const issues = applySet({}, expr);
    assert.equal(issues.length, 1, expr);
    assert.match(issues[0].message, /key not allowed/);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('--set list indexes are capped at 65536 as Helm does; negative indexes are refused', () => {
  const tree: ValueTree = {};
  assert.match(applySet(tree, 'a[99999999]=1')[0].message, /index of 99999999 is greater than maximum supported index 65536/);
  assert.match(applySet(tree, 'a[-1]=1')[0].message, /negative list index -1/);
  assert.match(applySet(tree, 'a[x]=1')[0].message, /bad list index/);
  assert.deepEqual(tree, {}, 'nothing written by refused expressions');
  assert.deepEqual(applySet(tree, 'b[65536]=1'), []);
  assert.equal((tree.b as unknown[]).length, 65537);
});

test('lib/yaml-input.ts is the only place that parses YAML (every reader is bounded)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '../..');
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && full !== join(root, 'lib/yaml-input.ts')) {
        const m = /import\s*\{([^}]*)\}\s*from\s*'yaml'/.exec(readFileSync(full, 'utf8'));
        if (m && /\b(parse|parseAllDocuments|parseDocument|Parser|Composer)\b/.test(m[1])) offenders.push(full.slice(root.length + 1));
      }
    }
  };
  for (const layer of ['lib', 'cli', 'constructs', 'stacks']) walk(join(root, layer));
  assert.deepEqual(offenders, []);
});

test('typed YAML values (!!binary, !!set) and non-finite numbers are refused by path', () => {
  assert.throws(
    () => parseYamlDocument('proxy: !!binary aGVsbG8=\nports: [.inf]\nx: {y: !!set {a, b}}\n', 'values file t.yaml'),
    (e: Error) =>
      e instanceof MeshformError &&
      e.issues.map((i) => i.path).join(' ') === 'proxy ports[0] x.y' &&
      /proxy: a \w+ value \(a YAML tag/.test(e.message) &&
      /ports\[0\]: Infinity is not allowed/.test(e.message),
  );
});

test('a key of the wrong kind is one finding, not one per required key below it', async () => {
  const { meshDefaults } = await import('../../lib/values/mesh/defaults.js');
  const { validateMeshValues } = await import('../../lib/values/mesh/validate.js');
  const user: ValueTree = { proxy: 1 };
  const issues = validateMeshValues(mergeValues(meshDefaults(), user), user, { identity: false });
  assert.deepEqual(issues.map((i) => i.path), ['proxy']);
});

test('nesting is bounded: deep YAML and deep --set keys are refused, not a stack overflow', () => {
  const flow = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
  const block = `a:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')}\n`;
  for (const text of [flow, block]) {
    assert.throws(() => parseYamlDocument(text, 'values file deep.yaml'), /values file deep\.yaml: YAML nested too deeply/);
    assert.throws(() => parseManifestStream(text, 'deep.yaml'), /deep\.yaml: .*YAML nested too deeply/);
  }
  assert.doesNotThrow(() => parseYamlDocument(`a: ${'['.repeat(150)}${']'.repeat(150)}\n`, 'ok'));
  assert.match(applySet({}, `${'a.'.repeat(20000)}b=1`)[0].message, /key nested 20001 levels deep.*at most 200/);
});
