/**
 * Cold `meshform` against the floor, in one run: a fresh `node` process that writes the same bytes
 * (reads a precomputed file, writes it to stdout) is the least any CLI written for node can cost;
 * `meshform install` (control plane, identity generated once beforehand into a temporary
 * --identity-dir) and `meshform inject` of one Deployment are timed as the user runs them, through
 * `bin/meshform.mjs`. Runs interleave, so load from elsewhere on the machine hits all three alike.
 * Goal: each <= 3x the floor.
 *
 *   node --import tsx bench/cold-cli.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildState } from '../bin/build-freshness.mjs';
import { fmtMs, median, ROOT, tempDir } from './measure.js';

export interface ColdCliResult {
  /** Medians: a node process writing install's bytes, then inject's (each verb's own floor). */
  readonly installFloorMs: number;
  readonly injectFloorMs: number;
  readonly installMs: number;
  readonly injectMs: number;
  /** Why the figures do not measure the compiled CLI, when they do not. @default - they do */
  readonly warning?: string;
}

const BIN = join(ROOT, 'bin/meshform.mjs');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: emojivoto
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: buoyantio/emojivoto-web:v11
          ports:
            - containerPort: 8080
`;

/** Runs `node ...args` in `cwd`, timed; its stdout. Throws on failure. */
function timed(args: readonly string[], cwd: string): { readonly ms: number; readonly stdout: Buffer } {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The launcher runs the sources through tsx when a source is newer than the build; say so. */
function staleBuild(): string | undefined {
  const state = buildState();
  if (state === 'missing') return 'build/ is missing (npm run build): the launcher refuses to run';
  return state === 'stale' ? 'a source is newer than build/ (npm run build): these figures are the tsx fallback, not the compiled CLI' : undefined;
}

export function benchColdCli(runs = 7): ColdCliResult {
  const dir = tempDir('meshform-bench-cli-');
  try {
    const install = [BIN, 'install', '--identity-dir', join(dir.path, 'identity')];
    const inject = [BIN, 'inject', join(dir.path, 'deployment.yaml')];
    writeFileSync(join(dir.path, 'deployment.yaml'), DEPLOYMENT);
    // The first install generates the identity (a one-off, not what a cold start costs); the second
    // must give the same bytes.
    const installBytes = timed(install, dir.path).stdout;
    if (!timed(install, dir.path).stdout.equals(installBytes)) throw new Error('meshform install is not deterministic');
    const floor = (name: string, bytes: Buffer): string[] => {
      const file = join(dir.path, name);
      writeFileSync(file, bytes);
      return ['-e', `process.stdout.write(require('node:fs').readFileSync(${JSON.stringify(file)}))`];
    };
    const installFloor = floor('install.yaml', installBytes);
    const injectFloor = floor('inject.yaml', timed(inject, dir.path).stdout);
    const runsOf = { installFloor: [] as number[], injectFloor: [] as number[], install: [] as number[], inject: [] as number[] };
    for (let i = 0; i < runs; i++) {
      runsOf.installFloor.push(timed(installFloor, dir.path).ms);
      runsOf.install.push(timed(install, dir.path).ms);
      runsOf.injectFloor.push(timed(injectFloor, dir.path).ms);
      runsOf.inject.push(timed(inject, dir.path).ms);
    }
    return {
      installFloorMs: median(runsOf.installFloor),
      injectFloorMs: median(runsOf.injectFloor),
      installMs: median(runsOf.install),
      injectMs: median(runsOf.inject),
      warning: staleBuild(),
    };
  } finally {
    dir.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchColdCli(Number(process.argv[2] ?? 7));
  console.log(`meshform install: ${fmtMs(r.installMs)}, floor ${fmtMs(r.installFloorMs)}: ${(r.installMs / r.installFloorMs).toFixed(2)}x`);
  console.log(`meshform inject:  ${fmtMs(r.injectMs)}, floor ${fmtMs(r.injectFloorMs)}: ${(r.injectMs / r.injectFloorMs).toFixed(2)}x`);
  if (r.warning) console.log(`warning: ${r.warning}`);
}
