// The one writer of owned files (synth and GitOps tree): only listed files are replaced or removed,
// the list only ever names what the writer would write, and nothing is written when any file cannot be.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { stageFile } from '../../lib/fs/atomic-write.js';
import { readOwnedFiles, writeOwnedFiles, type OwnedFilesList } from '../../lib/fs/owned-files.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-owned-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

const LIST: OwnedFilesList = {
  fileName: '.owned.json',
  holds: 'test files',
  writtenBy: 'the test',
  accepts: (path) => /^[a-z][a-z/.]*$/.test(path),
  shape: 'lowercase paths like a/b.yaml',
};

const file = (path: string, text = path) => ({ path, text });
/** Every file under `dir`, relative, sorted. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

describe('writeOwnedFiles', () => {
  it('writes the files and a sorted list, then replaces and removes only what the list names', () => {
    const dir = join(root, 'own');
    assert.deepEqual(writeOwnedFiles(dir, [file('z.yaml'), file('a/b/c.yaml')], LIST), ['z.yaml', 'a/b/c.yaml']);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, LIST.fileName), 'utf8')), {
      comment: 'files written by the test: the next synth replaces or removes them, and no other file',
      files: ['a/b/c.yaml', 'z.yaml'],
    });
    writeFileSync(join(dir, 'mine.yaml'), 'mine');
    mkdirSync(join(dir, 'a/keep'));
    writeFileSync(join(dir, 'a/keep/notes.yaml'), 'mine');
    writeOwnedFiles(dir, [file('z.yaml', 'v2')], LIST);
    assert.deepEqual(tree(dir), ['.owned.json', 'a/keep/notes.yaml', 'mine.yaml', 'z.yaml']);
    assert.ok(!existsSync(join(dir, 'a/b')), 'the emptied directory of a removed file goes too');
    assert.equal(readFileSync(join(dir, 'z.yaml'), 'utf8'), 'v2');
    assert.deepEqual(readOwnedFiles(dir, LIST), ['z.yaml']);
  });

  it('writes each file with its mode', () => {
    const dir = join(root, 'modes');
    writeOwnedFiles(dir, [{ path: 'key.yaml', text: 'k', mode: 0o600 }, file('plain.yaml')], LIST);
    assert.equal(statSync(join(dir, 'key.yaml')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'plain.yaml')).mode & 0o777, 0o644);
  });

  it('refuses a path its own list would refuse, writing nothing', () => {
    const dir = join(root, 'bad-path');
    assert.throws(
      () => writeOwnedFiles(dir, [file('ok.yaml'), file('Upper.yaml'), file('a/../x')], LIST),
      (e: unknown) =>
        e instanceof MeshformError &&
        /not a path inside the tree: Upper\.yaml, a\/\.\.\/x \(nothing written\)/.test(e.message) &&
        e.issues.length === 2 &&
        e.issues[0].message === 'meshform writes only lowercase paths like a/b.yaml',
    );
    assert.ok(!existsSync(dir));
  });

  it('refuses a directory in the way of a file or of the list, and a file in the way of a directory, before writing', () => {
    const dir = join(root, 'blocked');
    mkdirSync(join(dir, LIST.fileName), { recursive: true });
    mkdirSync(join(dir, 'd.yaml'));
    writeFileSync(join(dir, 'f'), 'mine');
    assert.throws(
      () => writeOwnedFiles(dir, [file('ok.yaml'), file('d.yaml'), file('f/x.yaml')], LIST),
      (e: unknown) =>
        e instanceof MeshformError &&
        e.message.includes(`${join(dir, 'd.yaml')} (a directory is in the way)`) &&
        e.message.includes(`${join(dir, 'f/x.yaml')} (f is not a directory)`) &&
        e.message.includes(`${join(dir, LIST.fileName)} (a directory is in the way)`),
    );
    assert.deepEqual(tree(dir), ['f']);
  });

  it('a stage failing halfway discards what was staged and keeps the previous files', () => {
    const dir = join(root, 'fail');
    writeOwnedFiles(dir, [file('a.yaml', 'v1'), file('b.yaml', 'v1')], LIST);
    let calls = 0;
    const failing: typeof stageFile = (path, text, opts) => {
      if (++calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return stageFile(path, text, opts);
    };
    assert.throws(() => writeOwnedFiles(dir, [file('a.yaml', 'v2'), file('b.yaml', 'v2')], LIST, { stage: failing }), /ENOSPC/);
    assert.deepEqual(tree(dir), ['.owned.json', 'a.yaml', 'b.yaml']);
    assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), 'v1');
  });
});

describe('readOwnedFiles', () => {
  it('is undefined without a list, and refuses a list naming what the writer would not write', () => {
    const dir = join(root, 'read');
    mkdirSync(dir);
    assert.equal(readOwnedFiles(dir, LIST), undefined);
    for (const [text, shown] of [
      [JSON.stringify({ files: ['ok.yaml', '../victim'] }), '"../victim"'],
      [JSON.stringify({ files: 'ok.yaml' }), undefined],
      ['not json', undefined],
    ] as const) {
      writeFileSync(join(dir, LIST.fileName), text);
      assert.throws(
        () => readOwnedFiles(dir, LIST),
        (e: unknown) =>
          e instanceof MeshformError &&
          e.message.startsWith(`${join(dir, LIST.fileName)} is not meshform's list of test files`) &&
          e.issues[0].message === 'must be a list of lowercase paths like a/b.yaml' &&
          (shown === undefined || e.message.includes(shown)),
      );
    }
  });
});
