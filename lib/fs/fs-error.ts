/**
 * A file-system error (no space left, permission denied, a file where a directory should be) as the
 * one line a user needs — what could not be done to which path, and why — instead of a stack trace.
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a file of that name is in the way',
  ENOENT: 'no such file or directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

const ACTIONS: Readonly<Record<string, string>> = {
  mkdir: 'create directory',
  open: 'open',
  write: 'write',
  fsync: 'write',
  read: 'read',
  scandir: 'read directory',
  rename: 'rename',
  unlink: 'remove',
  rm: 'remove',
  chmod: 'change the mode of',
  stat: 'read',
  lstat: 'read',
};

/** The one-line description of a Node.js file-system error; undefined for any other error. */
export function describeFsError(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, syscall, path, dest } = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || typeof syscall !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const action = ACTIONS[syscall] ?? syscall;
  const target = path === undefined ? '' : ` ${path}${dest ? ` to ${dest}` : ''}`;
  return `cannot ${action}${target}: ${REASONS[code] ?? code.toLowerCase()} (${code})`;
}
