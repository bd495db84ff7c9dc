// Is build/ the compiled form of the sources beside it? The launchers (bin/meshform.mjs,
// scripts/synth.mjs) run the compiled JavaScript when it is, and the TypeScript sources through tsx
// when a source is newer than the last build, so an edit is never answered by stale output. A packed
// install has no sources: there the build is always the one to run.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('build/.built', root);
/** The folders the build compiles that a launcher's program reads. */
const SOURCE_DIRS = ['lib/', 'constructs/', 'cli/'];

/** 'missing' (no build), 'stale' (a source is newer than the build) or 'current'. */
export function buildState() {
  if (!existsSync(stamp)) return 'missing';
  if (!existsSync(new URL('cli/main.ts', root))) return 'current';
  return newestSource() > statSync(stamp).mtimeMs ? 'stale' : 'current';
}

/** The newest mtime of the TypeScript sources the build compiles (a source checkout only). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(new URL(entry.name, dir)).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) walk(new URL(dir, root));
  return newest;
}
