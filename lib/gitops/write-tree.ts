/**
 * Writing a GitOps tree into a directory that may hold other files (it is part of a repository),
 * through lib/fs/owned-files: every file is staged under a temporary name first and renamed into
 * place only when all were written, so a failure leaves the previous tree as it was. The files
 * written are listed in `.meshform-gitops.json`; the next write removes those it no longer has (a
 * phase dropped, another engine chosen) — and no other file.
 */
import { readOwnedFiles, writeOwnedFiles, type OwnedFilesList, type OwnedFilesOptions } from '../fs/owned-files.js';
import type { GitOpsFile } from './types.js';

export const GITOPS_MANIFEST = '.meshform-gitops.json';
/** What meshform writes: relative paths of plain names, never `..`, never absolute. */
const TREE_PATH = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

const GITOPS_FILES: OwnedFilesList = {
  fileName: GITOPS_MANIFEST,
  holds: 'GitOps files',
  writtenBy: 'meshform (GitOps layout)',
  accepts: (path) => TREE_PATH.test(path),
  shape: 'relative paths like 02-control-plane/control-plane.yaml',
};

export type WriteTreeOptions = OwnedFilesOptions;

/** Writes `files` under `outdir` and returns their paths; see the module comment. */
export function writeGitOpsTree(outdir: string, files: readonly GitOpsFile[], opts: WriteTreeOptions = {}): string[] {
  return writeOwnedFiles(outdir, files, GITOPS_FILES, opts);
}

/**
 * The files the last write put in `outdir`; undefined when there is no list. An edited list naming
 * paths outside the tree is refused: its names are deleted by the next write.
 */
export function readGitOpsManifest(outdir: string): string[] | undefined {
  return readOwnedFiles(outdir, GITOPS_FILES);
}
