#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx so `meshform` works right after `npm ci`.
import { register } from 'tsx/esm/api';

// `meshform install | head -1`: the reader went away, which is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
