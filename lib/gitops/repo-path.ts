/** Paths inside the GitOps repository, as Argo CD (`a/b`) and Flux (`./a/b`) spell them. */
import { posix } from 'node:path';
import type { IssueCollector } from '../errors.js';

/** `clusters/prod/linkerd` + `00-crds` → `clusters/prod/linkerd/00-crds`; `.` + `00-crds` → `00-crds`. */
export function repoJoin(repoPath: string, ...parts: string[]): string {
  return posix.join(repoPath, ...parts);
}

/** A repository path must be relative and stay inside the repository. */
export function checkRepoPath(issues: IssueCollector, field: string, repoPath: string): void {
  const normal = posix.normalize(repoPath);
  issues.check(
    field,
    repoPath,
    repoPath === '' || repoPath.startsWith('/') || normal === '..' || normal.startsWith('../') || repoPath.includes('\\')
      ? 'must be a relative POSIX path inside the repository (e.g. clusters/prod/linkerd, or . for its root)'
      : undefined,
  );
}
