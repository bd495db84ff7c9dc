/**
 * Writing the files one meshform writer owns into a directory that may hold other files (the
 * user's, a repository's): the writer keeps a list of what it wrote (`.meshform-files.json` for the
 * synth, `.meshform-gitops.json` for the GitOps tree), and the next write removes the listed files
 * it no longer has — and no other file. Every file is staged under a temporary name first and
 * renamed into place only once all were written, so a failure leaves the previous files as they were.
 *
 * The list is trusted only as far as it names paths the writer itself would write: its names are
 * deleted by the next write, so an edited list (`../x`) is refused, and so is a path the writer was
 * asked to write but could not read back from its own list.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { MeshformError } from '../errors.js';
import { stageFile, type AtomicWriteOptions, type StagedFile } from './atomic-write.js';

/** Writes one file to its temporary name; `commit()` puts it in place. */
export type StageFile = (path: string, text: string, opts: AtomicWriteOptions) => StagedFile;

export interface OwnedFilesOptions {
  /**
   * Writes one file to its temporary name (the seam a test uses to make a write fail halfway).
   * @default stageFile from lib/fs/atomic-write
   */
  readonly stage?: StageFile;
}

/** One writer's list of the files it owns in an output directory. */
export interface OwnedFilesList {
  /** The list's file name in the output directory, e.g. `.meshform-files.json`. */
  readonly fileName: string;
  /** What the list holds, for messages: e.g. `synthesized files`. */
  readonly holds: string;
  /** Who writes it, for the list's own comment: e.g. `meshform synth`. */
  readonly writtenBy: string;
  /** The paths the writer writes (relative, `/`-separated); nothing else is written or trusted. */
  readonly accepts: (path: string) => boolean;
  /** What `accepts` allows, for messages: e.g. `phase file names like 01-control-plane.yaml`. */
  readonly shape: string;
}

/** A file to write, relative to the output directory. */
export interface OwnedFile {
  readonly path: string;
  readonly text: string;
  /** @default 0o644 */
  readonly mode?: number;
}

/** Writes `files` under `outdir` and returns their paths; see the module comment. */
export function writeOwnedFiles(outdir: string, files: readonly OwnedFile[], list: OwnedFilesList, opts: OwnedFilesOptions = {}): string[] {
  const stage = opts.stage ?? stageFile;
  const paths = files.map((f) => f.path);
  const bad = paths.filter((p) => !owns(list, p));
  if (bad.length) {
    throw new MeshformError(
      `not a path inside the tree: ${bad.join(', ')} (nothing written)`,
      bad.map((p) => ({ path: p, value: undefined, message: `meshform writes only ${list.shape}` })),
    );
  }
  // A rename cannot replace a directory: refuse before writing, not halfway through the renames.
  const blocked = [...paths, list.fileName].flatMap((p) => {
    const reason = blockedBy(outdir, p);
    return reason === undefined ? [] : [`${join(outdir, p)} (${reason})`];
  });
  if (blocked.length) throw new MeshformError(`cannot write ${blocked.join(', ')} (nothing written)`);
  mkdirSync(outdir, { recursive: true });
  const previous = readOwnedFiles(outdir, list) ?? [];

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
  stage(join(outdir, list.fileName), listText(list, paths), {}).commit();
  return paths;
}

/**
 * The files the last write put in `outdir`, from its list; undefined when there is none. Throws a
 * `MeshformError` when the list is not one this writer writes (see the module comment).
 */
export function readOwnedFiles(outdir: string, list: OwnedFilesList): string[] | undefined {
  const path = join(outdir, list.fileName);
  if (!existsSync(path)) return undefined;
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown } | null)?.files;
  } catch {
    files = undefined;
  }
  const bad = Array.isArray(files) ? files.filter((f) => typeof f !== 'string' || !owns(list, f)) : [files];
  if (bad.length) {
    throw new MeshformError(`${path} is not meshform's list of ${list.holds} (delete it; meshform then removes none of the old files)`, [
      { path: 'files', value: Array.isArray(files) ? bad[0] : undefined, message: `must be a list of ${list.shape}` },
    ]);
  }
  return files as string[];
}

/** Never `..`, whatever the writer's own rule says: the list's names are deleted. */
function owns(list: OwnedFilesList, path: string): boolean {
  return list.accepts(path) && !path.split('/').includes('..');
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

/** Removes a listed file the write no longer has (a directory there now is the user's), and its emptied parents. */
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

/** Deterministic: sorted paths only. */
function listText(list: OwnedFilesList, paths: readonly string[]): string {
  const record = { comment: `files written by ${list.writtenBy}: the next synth replaces or removes them, and no other file`, files: [...paths].sort() };
  return `${JSON.stringify(record, null, 2)}\n`;
}
