#!/usr/bin/env node
// Launcher: runs the compiled, bundled CLI (build/cli-bundle/, made by `npm run build`, which
// `npm ci` runs through `prepare`) through V8's code cache (cli-loader.mjs); no TypeScript loader
// at run time. In a source checkout whose build is older than a source file (an edit since the
// last build), the sources run through tsx instead (build-freshness.mjs).
import { buildState } from './build-freshness.mjs';

// `meshform install | head -1`: the reader went away, which is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let main;
const state = buildState();
if (state === 'missing') {
  process.stderr.write('meshform: the compiled CLI (build/) is missing: run npm run build\n');
  process.exit(1);
} else if (state === 'stale') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
} else {
  ({ main } = (await import('./cli-loader.mjs')).loadCli());
}
process.exitCode = await main(process.argv.slice(2));
