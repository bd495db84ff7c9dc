/**
 * Shared measuring helpers for the bench scripts: child processes (so each figure is a cold process
 * with its own peak RSS), and a temporary identity so benches never touch the user's `.meshform/`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = new URL('..', import.meta.url).pathname;

export interface ChildRun {
  readonly wallMs: number;
  readonly stdout: string;
}

/** Runs `node --import tsx <script> ...args` from the repo root and times it. Throws on failure. */
export function runNode(script: string, args: readonly string[], env: Readonly<Record<string, string>>, opts: { readonly tsx?: boolean } = {}): ChildRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...(opts.tsx === false ? [] : ['--import', 'tsx']), script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, CDK8S_CHECK_UPGRADE: 'false' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { wallMs, stdout: r.stdout };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { readonly path: string; readonly remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Peak resident set size of this process so far, in MiB (`maxRSS` is in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
