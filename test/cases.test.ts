// Upstream's golden cases (../shared/linkerd/cases/cases.yaml) through the real `meshform` bin, scored
// by upstream's own comparison tool. Every case must pass: CI lands nothing otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const runner = new URL('../../shared/tools/run-cases.mjs', import.meta.url).pathname;

test('upstream golden cases', { skip: existsSync(runner) ? false : `skipped: ${runner} not found (../shared is absent)` }, () => {
  const run = spawnSync(process.execPath, [runner], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const failed = run.stdout.split('\n').filter((line) => line.startsWith('FAIL'));
  assert.deepEqual(failed, [], run.stdout);
  assert.match(run.stdout, /^cases: (\d+)\/\1 passed$/m, run.stdout);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
