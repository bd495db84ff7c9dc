// meshform pulumi-operator and PulumiOperatorChart render the same objects; errors name the flag or the construct path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { PulumiOperatorChart } from '../../constructs/pko/index.js';
import { MeshformError } from '../../lib/errors.js';
import { pkoObjectsOf } from '../../lib/pko/index.js';
import { runCli } from '../helpers/run-cli.js';

const REPO = 'https://github.com/acme/meshform.git';

test('the CLI prints the construct objects for the same settings, deterministically', async () => {
  const args = ['pulumi-operator', '--repo', REPO, '--backend', 's3://acme-state', '--secret-env', 'AWS_ACCESS_KEY_ID', '--secret-env', 'AWS_SECRET_ACCESS_KEY', '--resync-seconds', '300', '--config', 'meshform:ha=true', '-n', 'mesh-ops'];
  const out = await runCli(args);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stderr, '');
  const printed = parseAllDocuments(out.stdout).map((d) => d.toJS());
  const chart = new PulumiOperatorChart(Testing.app(), 'pulumi-operator', {
    stack: { projectRepo: REPO, backend: 's3://acme-state', secretEnv: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], resyncFrequencySeconds: 300, config: { 'meshform:ha': 'true' }, namespace: 'mesh-ops' },
  });
  assert.deepEqual(printed, Testing.synth(chart));
  assert.deepEqual(Testing.synth(chart), JSON.parse(JSON.stringify(pkoObjectsOf(chart.settings))));
  assert.equal((await runCli(args)).stdout, out.stdout);
  const json = await runCli([...args, '-o', 'json']);
  assert.equal(json.stdout.trim().split('\n').length, printed.length);
});

test('bad flags: every problem named by its flag, exit 1, nothing on stdout; a missing --repo is a usage error', async () => {
  const bad = await runCli(['pulumi-operator', '--repo', REPO, '--resync-seconds', '30', '--git-auth', 'ssh', '--secret-env', 'x y', '--rbac', 'root']);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, '');
  assert.deepEqual(bad.stderr.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.split(/[ =:]/).filter(Boolean)[1]), ['--resync-seconds', '--git-auth', '--secret-env[0]', '--rbac']);
  const none = await runCli(['pulumi-operator']);
  assert.deepEqual([none.code, none.stdout], [2, '']);
  assert.match(none.stderr, /--repo URL is required/);
  const notNumber = await runCli(['pulumi-operator', '--repo', REPO, '--resync-seconds', 'soon']);
  assert.equal(notNumber.code, 2);
  const config = await runCli(['pulumi-operator', '--repo', REPO, '--config', 'ha']);
  assert.match(config.stderr, /--config needs KEY=VALUE/);
});

test('the construct names its path in errors', () => {
  assert.throws(
    () => new PulumiOperatorChart(Testing.app(), 'ops', { stack: { projectRepo: REPO, resyncFrequencySeconds: 10 } }),
    (e: unknown) => e instanceof MeshformError && e.issues[0].path === 'ops.stack.resyncFrequencySeconds',
  );
});
