#!/usr/bin/env node
// Launcher: runs the compiled, bundled CLI (build/cli-bundle/, made by `npm run build`, which
// `npm ci` runs through `prepare`) through V8's code cache (cli-loader.mjs); no TypeScript loader
// at run time. In a source checkout whose build is older than a source file (an edit since the
// last build), the sources run through tsx instead, so an edit is never answered by stale output;
// a packed install has no sources.
import { existsSync, readdirSync, statSync } from 'node:fs';

// `meshform install | head -1`: the reader went away, which is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const root = new URL('../', import.meta.url);
const stamp = new URL('build/.built', root);
const sourceCheckout = existsSync(new URL('cli/main.ts', root));

/** The newest mtime of the TypeScript sources the build compiles (a source checkout only). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(new URL(entry.name, dir)).mtimeMs);
    }
  };
  for (const dir of ['lib/', 'constructs/', 'cli/']) walk(new URL(dir, root));
  return newest;
}

let main;
if (!existsSync(stamp)) {
  process.stderr.write('meshform: the compiled CLI (build/) is missing: run npm run build\n');
  process.exit(1);
} else if (sourceCheckout && newestSource() > statSync(stamp).mtimeMs) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
} else {
  ({ main } = (await import('./cli-loader.mjs')).loadCli());
}
process.exitCode = await main(process.argv.slice(2));
