/**
 * bin/build-freshness.mjs, which decides for the launchers (bin/meshform.mjs, scripts/synth.mjs)
 * between the compiled build and the sources through tsx: a copy in a throwaway tree with a stamp
 * and sources of chosen ages.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const MODULE = new URL('../../bin/build-freshness.mjs', import.meta.url).pathname;

async function stateOf(setup: (root: string) => void): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'meshform-freshness-'));
  try {
    mkdirSync(join(root, 'bin'));
    copyFileSync(MODULE, join(root, 'bin', 'build-freshness.mjs'));
    setup(root);
    const { buildState } = (await import(`${join(root, 'bin', 'build-freshness.mjs')}?${Date.now()}`)) as { buildState: () => string };
    return buildState();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const at = (seconds: number) => new Date(1_700_000_000_000 + seconds * 1000);
function file(root: string, path: string, seconds: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), at(seconds), at(seconds));
}
const checkout = (root: string, sourceAge: number, stampAge?: number) => {
  for (const dir of ['lib', 'constructs', 'cli']) mkdirSync(join(root, dir), { recursive: true });
  file(root, 'cli/main.ts', 0);
  file(root, 'lib/deep/x.ts', sourceAge);
  if (stampAge !== undefined) file(root, 'build/.built', stampAge);
};

test('no build is missing', async () => assert.equal(await stateOf((r) => checkout(r, 0)), 'missing'));
test('a build newer than every source is current', async () => assert.equal(await stateOf((r) => checkout(r, 5, 10)), 'current'));
test('a source edited after the build (in a subfolder) makes it stale', async () => assert.equal(await stateOf((r) => checkout(r, 20, 10)), 'stale'));
test('a packed install (no sources) runs its build', async () => assert.equal(await stateOf((r) => file(r, 'build/.built', 0)), 'current'));
