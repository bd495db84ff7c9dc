// `npm run synth` on a fresh checkout: generates identity once, writes the phases in apply order,
// and two runs give byte-identical files; every object is valid Kubernetes / valid against its CRD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateRender } from './helpers/validate-all.js';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'meshform-synth-'));
const identityDir = join(work, 'identity');

function synth(outdir: string, env: Readonly<Record<string, string>> = {}): { status: number | null; stderr: string; files: Map<string, string> } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'constructs/app.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_OUTDIR: outdir, MESHFORM_IDENTITY_DIR: identityDir, ...env },
  });
  const files = new Map<string, string>();
  if (run.status === 0) for (const f of readdirSync(outdir).sort()) files.set(f, readFileSync(join(outdir, f), 'utf8'));
  return { status: run.status, stderr: run.stderr, files };
}

const first = synth(join(work, 'a'));
const second = synth(join(work, 'b'));

test('first synth generates identity into the local folder and says where', () => {
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, new RegExp(`generated .* in ${identityDir}`));
  const keyMode = statSync(join(identityDir, readdirSync(identityDir).find((f) => f.endsWith('.key'))!)).mode & 0o777;
  assert.equal(keyMode, 0o600);
  assert.equal(statSync(identityDir).mode & 0o777, 0o700);
  // The control plane and viz files carry the keys in Secrets.
  const modes = ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml'].map((f) => statSync(join(work, 'a', f)).mode & 0o777);
  assert.deepEqual(modes, [0o644, 0o600, 0o600]);
});

test('phases are numbered in apply order: CRDs, control plane, viz; the synth lists the files it wrote', () => {
  assert.deepEqual([...first.files.keys()], ['.meshform-files.json', '00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']);
  assert.deepEqual(JSON.parse(first.files.get('.meshform-files.json')!).files, ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']);
});

test('a file meshform did not write survives npm run synth; a phase file it wrote and no longer renders is removed', () => {
  const outdir = join(work, 'a');
  writeFileSync(join(outdir, 'notes.md'), 'mine\n');
  writeFileSync(join(outdir, '50-my-extras.yaml'), 'kind: ConfigMap\n');
  writeFileSync(join(outdir, '.meshform-files.json'), JSON.stringify({ files: ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml', '03-old-phase.yaml'] }));
  writeFileSync(join(outdir, '03-old-phase.yaml'), 'kind: ConfigMap\n');
  const again = synth(outdir);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.files.get('notes.md'), 'mine\n');
  assert.equal(again.files.get('50-my-extras.yaml'), 'kind: ConfigMap\n');
  assert.equal(again.files.has('03-old-phase.yaml'), false);
  assert.match(again.stderr, /left .*50-my-extras\.yaml in place: not written by meshform synth/);
  for (const f of ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml', '.meshform-files.json']) assert.equal(again.files.get(f), first.files.get(f), f);
});

test('environment errors are one line naming the path, not a stack trace', () => {
  const file = join(work, 'a-file');
  writeFileSync(file, 'x');
  const outdirIsFile = synth(file);
  assert.equal(outdirIsFile.status, 1);
  assert.equal(outdirIsFile.stderr, `meshform: CDK8S_OUTDIR ${file} is not a directory: point CDK8S_OUTDIR at a directory (created if missing)\n`);
  const storeUnderFile = synth(join(work, 'c'), { MESHFORM_IDENTITY_DIR: join(file, 'identity') });
  assert.equal(storeUnderFile.status, 1);
  assert.match(storeUnderFile.stderr, /^meshform: cannot [a-z ]+ \S+a-file\/identity: a part of the path is not a directory \(ENOTDIR\)\n$/);
});

test('a second synth reuses the identity and is byte-identical', () => {
  assert.equal(second.status, 0, second.stderr);
  assert.doesNotMatch(second.stderr, /generated/);
  assert.deepEqual(second.files, first.files);
});

const objects = [...first.files].filter(([f]) => f.endsWith('.yaml')).flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS()));

test('the default mesh includes the Gateway API route CRDs a fresh cluster needs', () => {
  const crds = objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name);
  assert.ok(crds.includes('httproutes.gateway.networking.k8s.io'));
  assert.ok(crds.includes('grpcroutes.gateway.networking.k8s.io'));
});

test('every synthesized object validates against the Kubernetes schema or its CRD', () => {
  assert.deepEqual(validateRender(objects).problems, []);
  assert.ok(objects.length > 100);
});

test('npm run synth:cert-manager (MESHFORM_IDENTITY=cert-manager): no certificate or key anywhere, identical twice, no local identity', () => {
  const storeDir = join(work, 'unused-identity');
  const env = { MESHFORM_IDENTITY: 'cert-manager', MESHFORM_IDENTITY_DIR: storeDir };
  const once = synth(join(work, 'cm-a'), env);
  const twice = synth(join(work, 'cm-b'), env);
  assert.equal(once.status, 0, once.stderr);
  assert.deepEqual([...once.files.keys()], ['.meshform-files.json', '00-crds.yaml', '01-cert-manager-identity.yaml', '02-control-plane.yaml', '03-viz.yaml']);
  for (const [file, text] of once.files) assert.doesNotMatch(text, /PRIVATE KEY|-----BEGIN|keyPEM|key\.pem:|^kind: Secret$/m, file);
  assert.deepEqual(twice.files, once.files);
  assert.equal(existsSync(storeDir), false, 'cert-manager mode generates nothing locally');
  const bad = synth(join(work, 'cm-bad'), { MESHFORM_IDENTITY: 'certmanager' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /MESHFORM_IDENTITY = "certmanager": must be one of generated, cert-manager/);
});
