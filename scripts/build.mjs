// `npm run build`: compiles lib/, constructs/, stacks/ and cli/ to build/ (tsconfig.build.json), then
// stamps build/.built, which bin/meshform.mjs compares with the sources' mtimes. tsc emits even when
// it reports type errors (exit 2); the stamp then still records that build/ matches the sources,
// while the exit status keeps the failure visible to npm test and CI.
import { spawnSync } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const started = Date.now();
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const OUTPUTS_GENERATED = [0, 2];
if (OUTPUTS_GENERATED.includes(run.status ?? -1)) {
  const stamp = new URL('build/.built', root);
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  // Dated when tsc started: a source saved while it ran is newer than the stamp, so not masked.
  utimesSync(stamp, new Date(started), new Date(started));
}
process.exit(run.status ?? 1);
