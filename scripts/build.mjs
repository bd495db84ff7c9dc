// `npm run build`: compiles lib/, constructs/, stacks/ and cli/ to build/ (tsconfig.build.json: the
// library entries, ESM + .d.ts + maps), bundles the CLI from that output into build/cli-bundle/
// (one module graph per verb, dependencies inlined: a cold `meshform` then resolves and reads a few
// files instead of ~600, see `npm run bench`), and stamps build/.built, which bin/meshform.mjs
// compares with the sources' mtimes.
// tsc emits even when it reports type errors (exit 2); the bundle and stamp are still made, so
// build/ matches the sources, while the exit status keeps the failure visible to npm test and CI.
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const started = new Date();
const run = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const OUTPUTS_GENERATED = [0, 2];
if (!OUTPUTS_GENERATED.includes(run.status ?? -1)) process.exit(run.status ?? 1);

const outdir = `${root}build/cli-bundle`;
rmSync(outdir, { recursive: true, force: true });
const { build } = await import('esbuild');
await build({
  entryPoints: [`${root}build/cli/main.js`],
  outdir,
  bundle: true,
  splitting: true, // each verb's import() stays lazy: `install` does not load inject's code
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Inlined CommonJS dependencies call require() for node builtins, which ESM lacks.
  banner: { js: "import { createRequire as __meshformCreateRequire } from 'node:module'; const require = __meshformCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const stamp = `${root}build/.built`;
writeFileSync(stamp, `${started.toISOString()}\n`);
// Dated when tsc started: a source saved while it ran is newer than the stamp, so not masked.
utimesSync(stamp, started, started);
process.exit(run.status ?? 1);
