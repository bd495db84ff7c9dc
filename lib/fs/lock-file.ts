/**
 * An exclusive lock file, so two processes (two synths at once, or a synth and `meshform install`)
 * never both create what only one may create — two different trust anchors for one store.
 *
 * The lock is a file created with O_EXCL holding the holder's pid. A waiter polls until it is
 * removed. A lock is stale — left by a process that crashed — when its pid no longer runs, or when
 * it is older than `staleMs` (a pid can be reused); a stale lock is removed and taken.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { MeshformError } from '../errors.js';
import { PRIVATE_FILE_MODE } from './atomic-write.js';

export interface LockFileOptions {
  /**
   * How long to wait for another holder before giving up with an error.
   * @default 30000 (ms)
   */
  readonly timeoutMs?: number;
  /**
   * A lock older than this is taken to be left by a crash.
   * @default 120000 (ms)
   */
  readonly staleMs?: number;
  /**
   * What the lock protects, for the timeout's message (e.g. `creating the identity in .meshform/identity`).
   * @default 'the lock'
   */
  readonly purpose?: string;
}

const POLL_MS = 50;

/** Runs `fn` holding the lock file `path`; the lock is released when `fn` settles. */
export async function withLockFile<T>(path: string, fn: () => Promise<T>, opts: LockFileOptions = {}): Promise<T> {
  const ino = await acquire(path, opts);
  try {
    return await fn();
  } finally {
    release(path, ino);
  }
}

async function acquire(path: string, opts: LockFileOptions): Promise<number> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const staleMs = opts.staleMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ino = tryCreate(path);
    if (ino !== undefined) return ino;
    const holder = readHolder(path);
    if (holder === undefined) continue; // released between our two looks: try again at once
    if (!isAlive(holder.pid) || Date.now() - holder.mtimeMs > staleMs) {
      removeIfSame(path, holder.ino);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new MeshformError(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${opts.purpose ?? 'the lock'}: ${path} is held by process ${holder.pid ?? '(unknown)'}; ` +
          `if no meshform is running, delete ${path}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Creates the lock file; its inode, or undefined when another holder has it. */
function tryCreate(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    return statSync(path).ino;
  } finally {
    closeSync(fd);
  }
}

interface Holder {
  /** Undefined while the holder has created the file but not yet written its pid. */
  readonly pid?: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

function readHolder(path: string): Holder | undefined {
  try {
    const { mtimeMs, ino } = statSync(path);
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, mtimeMs, ino };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return true; // being written: judged by age only
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock only if it is still the file that was looked at, not one a third process just took. */
function removeIfSame(path: string, ino: number): void {
  try {
    if (statSync(path).ino === ino) unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

function release(path: string, ino: number): void {
  removeIfSame(path, ino);
}
