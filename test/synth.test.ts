// `npm run synth` on a fresh checkout: generates identity once, writes the phases in apply order,
// and two runs give byte-identical files; every object is valid Kubernetes / valid against its CRD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateKubeObject } from './helpers/kube-schema.js';
import { CustomResourceValidator } from './helpers/custom-resources.js';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'meshform-synth-'));
const identityDir = join(work, 'identity');

function synth(outdir: string): { status: number | null; stderr: string; files: Map<string, string> } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'constructs/app.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_OUTDIR: outdir, MESHFORM_IDENTITY_DIR: identityDir },
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
});

test('phases are numbered in apply order: CRDs, control plane, viz', () => {
  assert.deepEqual([...first.files.keys()], ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']);
});

test('a second synth reuses the identity and is byte-identical', () => {
  assert.equal(second.status, 0, second.stderr);
  assert.doesNotMatch(second.stderr, /generated/);
  assert.deepEqual(second.files, first.files);
});

const objects = [...first.files.values()].flatMap((text) => parseAllDocuments(text).map((d) => d.toJS()));

test('the default mesh includes the Gateway API route CRDs a fresh cluster needs', () => {
  const crds = objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name);
  assert.ok(crds.includes('httproutes.gateway.networking.k8s.io'));
  assert.ok(crds.includes('grpcroutes.gateway.networking.k8s.io'));
});

test('every synthesized object validates against the Kubernetes schema or its CRD', () => {
  const crs = new CustomResourceValidator(objects);
  const problems: string[] = [];
  for (const object of objects) {
    const result = validateKubeObject(object);
    if (result.status === 'invalid') problems.push(`${result.key}: ${result.error}`);
    if (result.status === 'custom') {
      const error = crs.validate(object);
      if (error) problems.push(`${result.key}: ${error}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(objects.length > 100);
});
