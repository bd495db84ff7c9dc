// Upstream's golden cases (../shared/linkerd/cases/cases.yaml) through the real `meshform` bin, scored
// by upstream's own comparison tool. Every case must pass but the ones listed below, each with the
// reason it cannot pass from its inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
/**
 * install_helm_control_plane_output: upstream rendered that golden with a test values file that also
 * held viz keys (`tap.caBundle`, `tap.externalSecret`), which a Helm render dumps verbatim into
 * linkerd-config. The case's own values file does not carry them, so no faithful render of its
 * inputs can produce them; every other object and field of the case is identical.
 */
const UNREACHABLE_FROM_INPUTS = new Map([
  ['install_helm_control_plane_output', /differs\s+core\/ConfigMap\/linkerd-dev\/linkerd-config\n\s+data\.values\.tap\.caBundle: .*\n\s+data\.values\.tap\.externalSecret: .*\ncases/],
]);

const runner = new URL('../../shared/tools/run-cases.mjs', import.meta.url).pathname;

test('upstream golden cases', { skip: existsSync(runner) ? false : `skipped: ${runner} not found (../shared is absent)` }, () => {
  const run = spawnSync(process.execPath, [runner], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const failed = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('FAIL'))
    .map((line) => line.split(/\s+/)[1]);
  assert.deepEqual(failed.filter((name) => !UNREACHABLE_FROM_INPUTS.has(name)), [], run.stdout);
  // The exempt cases must fail only by the fields explained above, nothing more.
  for (const [name, onlyDifference] of UNREACHABLE_FROM_INPUTS) {
    if (!failed.includes(name)) continue;
    const detail = spawnSync(process.execPath, [runner, '--only', `^${name}$`, '--verbose'], { cwd: root, encoding: 'utf8' });
    assert.match(detail.stdout, onlyDifference, detail.stdout);
  }
});
