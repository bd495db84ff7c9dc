// The layering rule: lib/ ← constructs/ ← stacks/; the CLI sits on lib/ + constructs/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out = out.concat(sourceFiles(rel));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1] ?? m[2]);
}

function violations(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    imports(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${file} imports ${spec}`),
  );
}

const isFramework = (spec: string) => /^(cdk8s|cdk8s-plus-\d+|constructs|@pulumi\/)/.test(spec);
const reaches = (spec: string, file: string, layer: string) =>
  spec.startsWith('.') && relative(root, join(root, file, '..', spec)).startsWith(`${layer}/`);

test('lib/ imports neither cdk8s, constructs nor Pulumi, nor the layers above it', () => {
  assert.ok(sourceFiles('lib').length > 0, 'lib/ has source files');
  const bad = violations('lib', (spec, file) =>
    isFramework(spec) || ['constructs', 'stacks', 'cli'].some((layer) => reaches(spec, file, layer)),
  );
  assert.deepEqual(bad, []);
});

test('constructs/ does not import Pulumi, stacks/ or cli/', () => {
  const bad = violations('constructs', (spec, file) =>
    spec.startsWith('@pulumi/') || ['stacks', 'cli'].some((layer) => reaches(spec, file, layer)),
  );
  assert.deepEqual(bad, []);
});

test('cli/ does not import Pulumi or stacks/', () => {
  const bad = violations('cli', (spec, file) => spec.startsWith('@pulumi/') || reaches(spec, file, 'stacks'));
  assert.deepEqual(bad, []);
});

test('the checker itself notices a forbidden import', () => {
  assert.equal(isFramework('cdk8s'), true);
  assert.equal(reaches('../../constructs/x.js', 'lib/values/a.ts', 'constructs'), true);
  assert.equal(reaches('./x.js', 'lib/values/a.ts', 'constructs'), false);
});
