// `npm run build`: compiles lib/, constructs/, stacks/ and cli/ to build/ (tsconfig.build.json: the
// library entries, ESM + .d.ts + maps), bundles the CLI and the default cdk8s app from that output
// into one file each, build/cli-bundle/{meshform,synth}.cjs (dependencies inlined: a cold start reads
// one file instead of resolving ~600), saves V8's code cache for each (scripts/cli-code-cache.mjs;
// see `npm run bench`),
// and stamps build/.built, which bin/meshform.mjs compares with the sources' mtimes.
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
// One CommonJS file per program: bin/cli-loader.mjs compiles it through V8's code cache (vm.Script),
// which Node 20 offers for scripts only. Each verb's import() becomes a lazy initialiser: `install`
// does not run inject's code.
const PROGRAMS = { meshform: 'build/cli/main.js', synth: 'build/constructs/app.js' };
for (const [name, entry] of Object.entries(PROGRAMS)) {
  await build({
    entryPoints: [`${root}${entry}`],
    outfile: `${outdir}/${name}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Large and needed by one verb each (`policy graph -o svg`, `profile --proto`): loaded from
    // node_modules when asked for, so every other cold start reads less.
    external: ['@viz-js/viz', 'protobufjs'],
    // version.ts finds package.json from its own URL; in the bundle that is the bundle's.
    define: { 'import.meta.url': '__meshformBundleUrl' },
    banner: { js: "const __meshformBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  const cache = spawnSync(process.execPath, [`${root}scripts/cli-code-cache.mjs`, name], { cwd: root, stdio: 'inherit' });
  if (cache.status !== 0) process.stderr.write(`meshform build: no code cache for ${name} (it runs, compiling at each start)\n`);
}

const stamp = `${root}build/.built`;
writeFileSync(stamp, `${started.toISOString()}\n`);
// Dated when tsc started: a source saved while it ran is newer than the stamp, so not masked.
utimesSync(stamp, started, started);
process.exit(run.status ?? 1);
