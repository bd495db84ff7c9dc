// The one writer every file of meshform goes through: exclusive temporary file, rename, cleanup.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensurePrivateDir, stageFile, tempPathFor, writeFileAtomic } from '../../lib/fs/atomic-write.js';
import { describeFsError } from '../../lib/fs/fs-error.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-atomic-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the file with its mode and leaves no temporary file', () => {
    const dir = join(root, 'modes');
    mkdirSync(dir);
    const umask = process.umask(0);
    try {
      writeFileAtomic(join(dir, 'x.key'), 'secret', { mode: 0o600 });
      writeFileAtomic(join(dir, 'x.crt'), 'public');
    } finally {
      process.umask(umask);
    }
    assert.equal(statSync(join(dir, 'x.key')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'x.crt')).mode & 0o777, 0o644);
    assert.equal(readFileSync(join(dir, 'x.key'), 'utf8'), 'secret');
    assert.deepEqual(readdirSync(dir).sort(), ['x.crt', 'x.key']);
  });

  it('replaces an existing file whole, and a wider mode it had with the one asked for', () => {
    const path = join(root, 'replace.key');
    writeFileSync(path, 'old', { mode: 0o644 });
    writeFileAtomic(path, 'new', { mode: 0o600 });
    assert.equal(readFileSync(path, 'utf8'), 'new');
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it('never follows a symlink planted at the temporary name', () => {
    const dir = join(root, 'planted');
    mkdirSync(dir);
    const victim = join(root, 'victim');
    writeFileSync(victim, 'untouched');
    const target = join(dir, 'issuer.key');
    symlinkSync(victim, tempPathFor(target, 0));
    writeFileAtomic(target, 'KEY', { mode: 0o600 });
    assert.equal(readFileSync(victim, 'utf8'), 'untouched');
    assert.equal(readFileSync(target, 'utf8'), 'KEY');
    assert.ok(lstatSync(tempPathFor(target, 0)).isSymbolicLink(), 'the planted link is not ours to remove');
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length, 1);
  });

  it('removes its temporary file when the rename fails, and leaves the target as it was', () => {
    const dir = join(root, 'rename-fails');
    mkdirSync(join(dir, 'busy'), { recursive: true });
    writeFileSync(join(dir, 'busy', 'inside'), 'x');
    assert.throws(() => writeFileAtomic(join(dir, 'busy'), 'text'), (e: unknown) => /cannot rename .*busy.* to .*busy/.test(describeFsError(e) ?? ''));
    assert.deepEqual(readdirSync(dir), ['busy']);
    assert.deepEqual(readdirSync(join(dir, 'busy')), ['inside']);
  });

  it('removes its temporary file when writing it fails, and leaves the target as it was', () => {
    const dir = join(root, 'write-fails');
    mkdirSync(dir);
    writeFileSync(join(dir, 'f.yaml'), 'old');
    assert.throws(() => writeFileAtomic(join(dir, 'f.yaml'), 42 as unknown as string));
    assert.deepEqual(readdirSync(dir), ['f.yaml']);
    assert.equal(readFileSync(join(dir, 'f.yaml'), 'utf8'), 'old');
  });

  it('stageFile: nothing is visible under the name until commit; discard removes the temporary file', () => {
    const path = join(root, 'staged.yaml');
    const staged = stageFile(path, 'a: 1\n');
    assert.equal(existsSync(path), false);
    assert.equal(readFileSync(staged.tempPath, 'utf8'), 'a: 1\n');
    staged.discard();
    assert.equal(existsSync(staged.tempPath), false);
    const kept = stageFile(path, 'b: 2\n');
    kept.commit();
    kept.discard();
    assert.equal(readFileSync(path, 'utf8'), 'b: 2\n');
  });
});

describe('ensurePrivateDir', () => {
  it('creates the directory 0700, and narrows an existing one to 0700', () => {
    const fresh = join(root, 'fresh', 'store');
    ensurePrivateDir(fresh);
    assert.equal(statSync(fresh).mode & 0o777, 0o700);
    const existing = join(root, 'existing');
    mkdirSync(existing, { mode: 0o755 });
    chmodSync(existing, 0o755);
    ensurePrivateDir(existing);
    assert.equal(statSync(existing).mode & 0o777, 0o700);
  });
});

describe('describeFsError', () => {
  it('says what failed on which path, in one line', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: 'dist/00-crds.yaml' });
    assert.equal(describeFsError(enospc), 'cannot write dist/00-crds.yaml: no space left on device (ENOSPC)');
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/x' });
    assert.equal(describeFsError(eacces), 'cannot open /x: permission denied (EACCES)');
    assert.equal(describeFsError(new Error('a bug')), undefined);
    assert.equal(describeFsError('text'), undefined);
  });
});
