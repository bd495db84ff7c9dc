// The default app's GitOps switch: MESHFORM_GITOPS / --gitops, cert-manager identity by default, inline keys only when asked (and said).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appGitOpsOptions, gitOpsSettings, PLACEHOLDER_REPO_URL } from '../../constructs/gitops/app-options.js';
import { MeshformError } from '../../lib/errors.js';
import { listTree } from './fixture.js';

const root = new URL('../..', import.meta.url).pathname;

function runApp(args: string[], env: Record<string, string>) {
  const base = mkdtempSync(join(tmpdir(), 'meshform-app-gitops-'));
  const outdir = join(base, 'tree');
  const identityDir = join(base, 'identity');
  const { MESHFORM_IDENTITY: _i, MESHFORM_GITOPS: _g, CDK8S_OUTDIR: _o, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'constructs/app.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...inherited, CDK8S_OUTDIR: outdir, MESHFORM_IDENTITY_DIR: identityDir, MESHFORM_GITOPS_PATH: 'clusters/prod/linkerd', ...env },
  });
  return { ...run, outdir, identityDir };
}

const treeText = (outdir: string) => listTree(outdir).map((f) => readFileSync(join(outdir, f), 'utf8')).join('\n');

test('MESHFORM_GITOPS=argocd writes the Argo CD layout with cert-manager identity: no identity folder, no key', () => {
  const run = runApp([], { MESHFORM_GITOPS: 'argocd' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(join(run.outdir, '01-cert-manager-identity/cert-manager-identity.yaml')));
  assert.ok(existsSync(join(run.outdir, 'argocd/root.yaml')));
  assert.equal(existsSync(run.identityDir), false);
  assert.doesNotMatch(treeText(run.outdir), /PRIVATE KEY|kind: Secret/);
  assert.match(run.stderr, new RegExp(`no --repo-url .*${PLACEHOLDER_REPO_URL.replace(/\./g, '\\.')}`));
});

test('two runs of the default app write byte-identical trees', () => {
  const first = runApp(['--gitops', 'flux'], {});
  const second = runApp(['--gitops', 'flux'], {});
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(listTree(second.outdir), listTree(first.outdir));
  assert.equal(treeText(second.outdir), treeText(first.outdir));
});

test('--gitops flux --gitops-inline-keys writes the generated identity and says so on stderr', () => {
  const run = runApp(['--gitops', 'flux', '--gitops-inline-keys'], {});
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(run.identityDir));
  assert.ok(existsSync(join(run.outdir, 'flux/kustomizations.yaml')));
  assert.match(run.stderr, /warning: inline keys/);
  assert.match(run.stderr, /warning: 01-control-plane\/control-plane\.yaml holds a private key/);
  assert.match(readFileSync(join(run.outdir, '01-control-plane/control-plane.yaml'), 'utf8'), /kind: Secret/);
});

test('MESHFORM_IDENTITY=generated without inline keys is refused and writes nothing', () => {
  const run = runApp(['--gitops=plain'], { MESHFORM_IDENTITY: 'generated' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /MESHFORM_IDENTITY=generated puts private keys into the GitOps tree/);
  assert.equal(existsSync(run.outdir), false);
});

test('plain prints the apply sequence it writes', () => {
  const run = runApp(['--gitops', 'plain', '--restart-namespaces', 'emojivoto'], {});
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, readFileSync(join(run.outdir, 'apply.sh'), 'utf8'));
  assert.match(run.stdout, /kubectl rollout restart deployments,statefulsets,daemonsets --namespace emojivoto/);
});

test('settings: flags win over variables; bad values and unknown arguments are collected', () => {
  const settings = gitOpsSettings(['--gitops=flux', '--source-url', 'oci://ghcr.io/x/mesh'], { MESHFORM_GITOPS: 'argocd', MESHFORM_GITOPS_REVISION: 'main' });
  assert.equal(settings.MESHFORM_GITOPS, 'flux');
  assert.equal(settings.MESHFORM_GITOPS_REVISION, 'main');
  const options = appGitOpsOptions(settings, '/repo/clusters/prod', '/repo');
  assert.equal(options?.tree.repoPath, 'clusters/prod');
  assert.deepEqual(options?.tree.flux, { source: { url: 'oci://ghcr.io/x/mesh', kind: 'OCIRepository' } });
  assert.equal(appGitOpsOptions({}, 'dist', '/repo'), undefined);
  assert.throws(() => gitOpsSettings(['--repo-url', '--nope'], {}), (e: unknown) => e instanceof MeshformError && e.issues.map((i) => i.path).join() === '--repo-url,--nope');
  assert.throws(
    () => appGitOpsOptions({ MESHFORM_GITOPS: 'helm', MESHFORM_GITOPS_INLINE_KEYS: 'yes' }, '/elsewhere', '/repo'),
    (e: unknown) => e instanceof MeshformError && e.issues.map((i) => i.path).join() === 'MESHFORM_GITOPS,MESHFORM_GITOPS_INLINE_KEYS,MESHFORM_GITOPS_PATH',
  );
});
