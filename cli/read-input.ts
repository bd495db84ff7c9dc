/**
 * Reading a file the user named (`-f`, `--deployed`, a manifest, a certificate file): every failure
 * is one line naming the flag and the path — a directory, a missing file, no permission — never a
 * stack trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeshformError } from '../lib/errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory (a file is needed)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
};

/** Why reading failed, in a few words (the error code when unknown). */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (code ? `cannot be read (${code})` : 'cannot be read');
}

/** The UTF-8 text of `path` (relative to `cwd`); a failure is a MeshformError `<label> <path>: <reason>`. */
export function readInputFile(path: string, cwd: string, label: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new MeshformError(`${label} ${path}: ${readFailure(e)}`);
  }
}
