/**
 * Writing a GitOps tree into a directory that may hold other files (it is part of a repository):
 * every file is staged under a temporary name first and renamed into place only when all were
 * written, so a failure leaves the previous tree as it was. The files written are listed in
 * `.meshform-gitops.json`; the next write removes those it no longer has (a phase dropped, another
 * engine chosen) — and no other file.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { MeshformError } from '../errors.js';
import { stageFile, type AtomicWriteOptions, type StagedFile } from '../fs/atomic-write.js';
import type { GitOpsFile } from './types.js';

export const GITOPS_MANIFEST = '.meshform-gitops.json';
/** What meshform writes: relative paths of plain names, never `..`, never absolute. */
const TREE_PATH = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export interface WriteTreeOptions {
  /**
   * Writes one file to its temporary name (the seam a test uses to make a write fail).
   * @default stageFile from lib/fs/atomic-write
   */
  readonly stage?: (path: string, text: string, opts: AtomicWriteOptions) => StagedFile;
}

const isTreePath = (path: string): boolean => TREE_PATH.test(path) && !path.split('/').includes('..');

/** Writes `files` under `outdir` and returns their paths; see the module comment. */
export function writeGitOpsTree(outdir: string, files: readonly GitOpsFile[], opts: WriteTreeOptions = {}): string[] {
  const stage = opts.stage ?? stageFile;
  const paths = files.map((f) => f.path);
  const bad = paths.filter((p) => !isTreePath(p));
  if (bad.length) throw new MeshformError(`not a path inside the tree: ${bad.join(', ')}`);
  mkdirSync(outdir, { recursive: true });
  const previous = readGitOpsManifest(outdir) ?? [];
  const blocked = paths.filter((p) => blockedBy(outdir, p) !== undefined).map((p) => `${join(outdir, p)} (${blockedBy(outdir, p)})`);
  if (blocked.length) throw new MeshformError(`cannot write ${blocked.join(', ')} (nothing written)`);

  const staged: StagedFile[] = [];
  try {
    for (const f of files) {
      mkdirSync(join(outdir, dirname(f.path)), { recursive: true });
      staged.push(stage(join(outdir, f.path), f.text, { mode: f.mode }));
    }
  } catch (e) {
    for (const s of staged) s.discard();
    throw e;
  }
  for (const s of staged) s.commit();
  for (const stale of previous.filter((p) => !paths.includes(p))) removeWithEmptyParents(outdir, stale);
  // Last: until it is in place, the previous list still names every file a crash could leave behind.
  stage(join(outdir, GITOPS_MANIFEST), manifestText(paths), {}).commit();
  return paths;
}

/** Why `path` cannot be written: a directory where the file goes, or a file where a directory goes. */
function blockedBy(outdir: string, path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const stat = lstatSync(join(outdir, ...parts.slice(0, i)), { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (i === parts.length) return stat.isDirectory() ? 'a directory is in the way' : undefined;
    if (!stat.isDirectory()) return `${parts.slice(0, i).join('/')} is not a directory`;
  }
  return undefined;
}

function removeWithEmptyParents(outdir: string, path: string): void {
  const target = join(outdir, path);
  if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) return;
  rmSync(target, { force: true });
  for (let dir = posix.dirname(path); dir !== '.'; dir = posix.dirname(dir)) {
    const full = join(outdir, dir);
    if (!existsSync(full) || readdirSync(full).length) return;
    rmdirSync(full);
  }
}

/**
 * The files the last write put in `outdir`; undefined when there is no list. An edited list naming
 * paths outside the tree is refused: its names are deleted by the next write.
 */
export function readGitOpsManifest(outdir: string): string[] | undefined {
  const path = join(outdir, GITOPS_MANIFEST);
  if (!existsSync(path)) return undefined;
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown } | null)?.files;
  } catch {
    files = undefined;
  }
  const bad = Array.isArray(files) ? files.filter((f) => typeof f !== 'string' || !isTreePath(f)) : [files];
  if (bad.length) {
    throw new MeshformError(`${path} is not meshform's list of GitOps files (delete it; meshform then removes none of the old files)`, [
      { path: 'files', value: Array.isArray(files) ? bad[0] : undefined, message: 'must be a list of relative paths like 02-control-plane/control-plane.yaml' },
    ]);
  }
  return files as string[];
}

function manifestText(paths: readonly string[]): string {
  const record = { comment: 'files written by meshform (GitOps layout): the next synth replaces or removes them, and no other file', files: [...paths].sort() };
  return `${JSON.stringify(record, null, 2)}\n`;
}
