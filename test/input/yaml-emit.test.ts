/**
 * lib/yaml-emit.ts writes exactly what `yaml` writes: compared on every verb's render and on values
 * fuzzed from YAML's hard cases (indicators, quotes, reserved words, numbers, block scalars).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { emitYaml, YAML_OPTIONS } from '../../lib/yaml-emit.js';
import { runCli } from '../helpers/run-cli.js';

const same = (value: unknown, label: string): void => assert.equal(emitYaml(value), stringify(value, YAML_OPTIONS), label);

test('every document of every render is written as yaml writes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshform-yaml-emit-'));
  try {
    writeFileSync(
      join(dir, 'app.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n',
    );
    const identity = ['--identity-dir', join(dir, 'id')];
    const verbs = [['install', '--crds'], ['install', ...identity], ['install', '--ha', ...identity], ['viz', 'install', ...identity], ['install-cni'], ['multicluster', 'install'], ['inject', join(dir, 'app.yaml')], ['inject', '--manual', '-f', join(dir, 'anchors.yaml'), join(dir, 'app.yaml')]];
    let documents = 0;
    for (const args of verbs) {
      // Manual injection needs the anchors the installs above generated into the store.
      if (args.includes('--manual')) writeFileSync(join(dir, 'anchors.yaml'), stringify({ identityTrustAnchorsPEM: readFileSync(join(dir, 'id', 'trust-anchor.crt'), 'utf8') }));
      const r = await runCli(args, { cwd: dir });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      for (const doc of parseAllDocuments(r.stdout)) {
        documents++;
        same(doc.toJS(), `${args.join(' ')}: ${doc.toJS()?.kind}`);
      }
    }
    assert.ok(documents > 100, `compared ${documents} documents`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hand-picked hard cases', () => {
  const cases: unknown[] = [
    'a\nb', { k: 'a\nb' }, { k: { j: 'a\nb\n' } }, ['a\nb'], [{ a: 'x\ny' }], { k: ' lead\nx' }, { k: 'a\n\nb\n\n' },
    { k: [[1, 2], []] }, { k: [{}] }, { 'a b': 1, 'x:y': 2, '': 3, '- x': 4, 'a\nb': 5 }, { k: 1.5, j: -0, n: null, b: true },
    [[['a\nb']]], [{ a: [{ b: 'x\n y' }] }], { k: [' lead\nx'] }, {}, [], 'x', null, 1e21, -7, { u: undefined, a: [undefined] },
    { k: 'true', j: 'Null', l: '~', m: 'yes', n: '0x10', o: '1e3', p: '.inf', q: '', r: '  ', s: 'x ', t: 'a\r\nb', v: '#x', w: 'x #y' },
  ];
  cases.forEach((c, i) => same(c, `case ${i}: ${JSON.stringify(c)}`));
});

test('fuzzed values', () => {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const ALPHABET = ['a', 'b', 'Z', '_', '0', '9', '.', '/', '-', ':', ' ', '#', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\n', '\t', '\r', 'é', '\\', '~', '='];
  const WORDS = ['true', 'null', 'NULL', 'False', 'yes', 'no', '~', '1', '-1', '0.5', '.5', '1e3', '0o17', '0x1F', '.nan', '-.inf', '<<', 'web'];
  const string = (): string => {
    if (random() < 0.15) return pick(WORDS);
    const length = Math.floor(random() * 12);
    let s = '';
    for (let i = 0; i < length; i++) s += pick(ALPHABET);
    return s;
  };
  const scalar = (): unknown => pick([string, string, string, () => Math.floor(random() * 2000) - 1000, () => random() * 10 - 5, () => pick([true, false, null, -0, 1e21, 2 ** 53])])();
  const value = (depth: number): unknown => {
    const r = random();
    if (depth > 4 || r < 0.4) return scalar();
    const size = Math.floor(random() * 4);
    if (r < 0.7) return Array.from({ length: size }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: size }, () => [string(), value(depth + 1)]));
  };
  for (let i = 0; i < 4000; i++) {
    const v = value(0);
    same(v, `fuzz ${i}: ${JSON.stringify(v)}`);
  }
});
