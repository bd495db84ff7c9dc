/**
 * Writing a file so that no reader, and no crash, ever sees half of it, and a private key is never
 * readable by others, even briefly: the text goes to a temporary file in the target's directory,
 * created exclusively (O_CREAT|O_EXCL: a name that exists — a planted symlink included — is refused,
 * never followed or truncated), flushed, then renamed over the target. A failure removes the
 * temporary file and leaves the target as it was.
 *
 * `stageFile` splits the two steps so a caller writing several files (the synth) can create every
 * temporary file first and rename only once all of them were written.
 */
import { chmodSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Mode of files holding private keys. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of directories holding private keys. */
export const PRIVATE_DIR_MODE = 0o700;

export interface AtomicWriteOptions {
  /**
   * Mode the file is created with (narrowed by the umask, never widened).
   * @default 0o644
   */
  readonly mode?: number;
}

/** A file written to its temporary name, not yet in place. */
export interface StagedFile {
  /** Where `commit` puts it. */
  readonly path: string;
  /** Where it is until then. */
  readonly tempPath: string;
  /** Renames the temporary file over `path` (removing the temporary file if that fails). */
  commit(): void;
  /** Removes the temporary file; `path` is untouched. Safe to call after `commit`. */
  discard(): void;
}

/** How many temporary names are tried before giving up (each later one is random). */
const TEMP_ATTEMPTS = 8;

/**
 * The temporary name of attempt `attempt` for `path`: first `<path>.<pid>.tmp`, then with a random
 * part, so a name planted in advance only costs a retry.
 */
export function tempPathFor(path: string, attempt: number): string {
  const random = attempt === 0 ? '' : `.${randomBytes(6).toString('hex')}`;
  return `${path}.${process.pid}${random}.tmp`;
}

/** Writes `data` to a new temporary file next to `path`; `commit()` puts it in place. */
export function stageFile(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): StagedFile {
  const mode = opts.mode ?? 0o644;
  const { fd, tempPath } = createExclusive(path, mode);
  let done = false;
  const discard = (): void => {
    if (done) return;
    done = true;
    try {
      unlinkSync(tempPath);
    } catch {
      // already gone: nothing to clean
    }
  };
  try {
    writeFileSync(fd, data);
    // Flushed before the rename, so a crash cannot leave the new name pointing at empty blocks.
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    discard();
    // A write through a descriptor (ENOSPC, EIO) names no path: name the file it was for.
    if (e instanceof Error && (e as NodeJS.ErrnoException).path === undefined) Object.assign(e, { path });
    throw e;
  }
  closeSync(fd);
  return {
    path,
    tempPath,
    commit: () => {
      if (done) return;
      try {
        renameSync(tempPath, path);
        done = true;
      } catch (e) {
        discard();
        throw e;
      }
    },
    discard,
  };
}

/** Writes `data` to `path` through a temporary file and a rename (see the module comment). */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  stageFile(path, data, opts).commit();
}

/**
 * Creates `dir` (and its parents) and makes it mode 0700 even if it existed: `mkdir`'s mode applies
 * only to directories it creates.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

function createExclusive(path: string, mode: number): { fd: number; tempPath: string } {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  for (let attempt = 0; ; attempt++) {
    const tempPath = tempPathFor(path, attempt);
    try {
      return { fd: openSync(tempPath, flags, mode), tempPath };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt + 1 >= TEMP_ATTEMPTS) throw e;
    }
  }
}
