// Writing the tree into a repository folder: stale files of the previous layout go, the user's stay, a failed write changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageFile } from '../../lib/fs/atomic-write.js';
import { GITOPS_MANIFEST, readGitOpsManifest, writeGitOpsTree } from '../../lib/gitops/write-tree.js';
import { MeshformError } from '../../lib/errors.js';
import { layout, listTree } from './fixture.js';

test('switching engines removes the previous engine files (and emptied directories), never the user\'s files', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'meshform-tree-'));
  writeFileSync(join(outdir, 'README.md'), 'mine');
  layout('argocd', {}, outdir);
  mkdirSync(join(outdir, 'argocd', 'mine'), { recursive: true });
  writeFileSync(join(outdir, 'argocd', 'mine', 'notes.yaml'), 'mine');
  const flux = layout('flux', {}, outdir);
  assert.ok(!existsSync(join(outdir, 'argocd/apps')) && !existsSync(join(outdir, 'argocd/root.yaml')));
  assert.equal(readFileSync(join(outdir, 'argocd/mine/notes.yaml'), 'utf8'), 'mine');
  assert.equal(readFileSync(join(outdir, 'README.md'), 'utf8'), 'mine');
  assert.deepEqual(listTree(outdir), [...flux.paths, GITOPS_MANIFEST, 'README.md', 'argocd/mine/notes.yaml'].sort());
  assert.deepEqual(readGitOpsManifest(outdir), [...flux.paths].sort());
});

test('a write that fails halfway leaves the previous tree as it was', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'meshform-tree-'));
  layout('plain', {}, outdir);
  const before = listTree(outdir).map((f) => [f, readFileSync(join(outdir, f), 'utf8')]);
  let calls = 0;
  const failing: typeof stageFile = (path, text, opts) => {
    if (++calls === 5) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return stageFile(path, text, opts);
  };
  assert.throws(() => writeGitOpsTree(outdir, [{ path: '00-crds/crds.yaml', text: 'x', mode: 0o644 }, ...Array.from({ length: 6 }, (_, i) => ({ path: `n/${i}.yaml`, text: 'y', mode: 0o644 }))], { stage: failing }), /ENOSPC/);
  assert.deepEqual(listTree(outdir).filter((f) => !f.startsWith('n/')).map((f) => [f, readFileSync(join(outdir, f), 'utf8')]), before);
  assert.ok(!listTree(outdir).some((f) => f.endsWith('.tmp')));
});

test('an edited file list naming paths outside the tree is refused, as is a directory in a file\'s way', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'meshform-tree-'));
  writeFileSync(join(outdir, GITOPS_MANIFEST), JSON.stringify({ files: ['../../etc/passwd'] }));
  assert.throws(() => writeGitOpsTree(outdir, []), (e: unknown) => e instanceof MeshformError && /is not meshform's list/.test(e.message));
  const other = mkdtempSync(join(tmpdir(), 'meshform-tree-'));
  mkdirSync(join(other, 'apply.sh'));
  assert.throws(() => writeGitOpsTree(other, [{ path: 'apply.sh', text: '', mode: 0o755 }]), /apply\.sh \(a directory is in the way\) \(nothing written\)/);
  assert.throws(() => writeGitOpsTree(other, [{ path: '../x', text: '', mode: 0o644 }]), /not a path inside the tree/);
});
