/** The pulumi CLI's project rules as the harness applies them (no program run). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProject } from './project-config.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshform-harness-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.ts'), '');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadProject', () => {
  it("the repository: main stacks/index.ts runs from stacks/ with tsx and TypeScript support off", () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const p = loadProject(root, 'dev');
    assert.equal(p.pwd, join(root, 'stacks'));
    assert.equal(p.entryPoint, 'index.ts');
    assert.deepEqual(p.nodeArgs, ['--import', 'tsx']);
    assert.equal(p.typescript, false);
  });

  it('namespaces project keys, lets the stack win, writes objects as JSON and scalars as text', () => {
    const dir = project({
      'Pulumi.yaml': 'name: p\nmain: src/main.ts\nconfig:\n  a:\n    default: 1\n  b: short\n  c:\n    default: {}\n  aws:region: us-east-1\n',
      'Pulumi.s.yaml': 'config:\n  p:a: 2\n  p:d:\n    x: [1]\n  other:key: true\n',
    });
    const p = loadProject(dir, 's');
    assert.deepEqual(p.config, { 'p:a': '2', 'p:b': 'short', 'p:c': '{}', 'aws:region': 'us-east-1', 'p:d': '{"x":[1]}', 'other:key': 'true' });
    assert.equal(p.entryPoint, 'main.ts');
    assert.equal(p.typescript, true, "the CLI's default");
  });

  it('refuses what the CLI refuses: a required key unset, a value of the wrong type, an encrypted value', () => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nconfig:\n  need:\n    type: string\n  n:\n    type: integer\n    default: 1\n' });
    assert.throws(() => loadProject(dir, 'new'), /missing required configuration key "p:need"/);
    assert.throws(() => loadProject(dir, 'new', { 'p:need': 'x', 'p:n': 'one' }), /p:n: value is not of type integer/);
    assert.throws(() => loadProject(dir, 'new', { 'p:need': { secure: 'AAA' } }), /encrypted/);
    assert.equal(loadProject(dir, 'new', { 'p:need': 'x' }).entryPoint, '.');
  });
});
