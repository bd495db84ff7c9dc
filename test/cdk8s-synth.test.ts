// `cdk8s synth` through the repository's cdk8s.yaml: the cdk8s CLI runs the default app with
// CDK8S_OUTDIR set to its output directory, and the files are the ones `npm run synth` writes.
// cdk8s empties that directory before the app runs, so mid-rotation the app refuses (nothing to
// check the step against) instead of letting it through as a first install.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotateTrustAnchor } from '../lib/identity/store.js';

const root = new URL('..', import.meta.url).pathname;
const cdk8sBin = join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const work = mkdtempSync(join(tmpdir(), 'meshform-cdk8s-'));
const identityDir = join(work, 'identity');
// Offline: no upgrade check (it would print an error), no user-level plugins.
const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', MESHFORM_IDENTITY_DIR: identityDir, HOME: work };

after(() => rmSync(work, { recursive: true, force: true }));

const files = (dir: string) => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const appSynth = (outdir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'constructs/app.ts'], { cwd: root, encoding: 'utf8', env: { ...env, CDK8S_OUTDIR: outdir } });

test('cdk8s synth runs cdk8s.yaml\'s app into its output directory, byte-identical to npm run synth', { skip: existsSync(cdk8sBin) ? false : `skipped: ${cdk8sBin} not found (run npm ci)` }, () => {
  const outdir = join(work, 'cdk8s-out');
  const run = spawnSync(process.execPath, [cdk8sBin, 'synth', '--no-check-upgrade', '--output', outdir], { cwd: root, encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  const written = files(outdir);
  assert.deepEqual([...written.keys()], ['.meshform-files.json', '00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']);
  // cdk8s lists the manifests it found in the directory: ours, numbered in apply order.
  for (const f of ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']) assert.match(run.stdout, new RegExp(`- ${join(outdir, f)}\\n`));

  const direct = join(work, 'npm-out');
  const same = appSynth(direct);
  assert.equal(same.status, 0, same.stderr);
  assert.deepEqual(files(direct), written);
});

test('mid-rotation, a synth into a directory without the previous files is refused and writes nothing', async () => {
  const outdir = join(work, 'rotation-out');
  assert.equal(appSynth(outdir).status, 0);
  await rotateTrustAnchor(identityDir, { phase: 'bundle', trustDomain: 'cluster.local' });
  // What cdk8s synth does before running the app.
  rmSync(outdir, { recursive: true, force: true });
  const refused = appSynth(outdir);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /^meshform: refusing to synthesize trust-anchor rotation phase bundle of .*: .* holds no previous synth to check trust-anchor changes against \(cdk8s synth empties its output directory first; npm run synth keeps it\) \(nothing written\)\n$/);
  assert.equal(existsSync(outdir), false);
});
