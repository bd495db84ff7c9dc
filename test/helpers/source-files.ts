/** The repository's TypeScript sources, for tests that check a name or rule is written in one place only. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;

/** Every `.ts` file below `dir` (a path relative to the repository root), as such relative paths. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(REPO_ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(name) ? [rel] : [];
  });
}
