/**
 * 1,000 cdk8s-plus Deployments, meshed through `meshWorkload` (annotation mode) vs the same 1,000
 * unmeshed: build + serialize time and peak RSS. Each scenario runs in its own process, so peak RSS
 * is that scenario's alone; the time excludes module loading (identical for both).
 *
 *   node --import tsx bench/mesh-1000.ts                      # both scenarios and ratios
 *   node --import tsx bench/mesh-1000.ts --scenario meshed    # one scenario, JSON (used by the parent)
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { identityValuesOverlay, loadOrCreateIdentity } from '../lib/identity/store.js';
import { toYamlStream } from '../lib/manifest.js';
import { resolveMeshValues } from '../lib/values/mesh/resolve.js';
import { meshWorkload, type MeshMode } from '../constructs/workload/index.js';
import { fmtMs, peakRssMiB, runNode, tempDir } from './measure.js';

export type Scenario = 'unmeshed' | 'meshed' | 'manual';
export const WORKLOADS = 1000;

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly bytes: number;
}

export interface Mesh1000Result {
  readonly unmeshed: ScenarioResult;
  readonly meshed: ScenarioResult;
  readonly timeRatio: number;
  readonly rssRatio: number;
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const identityDir = process.env.MESHFORM_IDENTITY_DIR ?? '.meshform/identity';
  const identity = await loadOrCreateIdentity(identityDir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
  const meshValues = resolveMeshValues({ user: identityValuesOverlay(identity) });
  const mode: MeshMode = scenario === 'manual' ? 'manual' : 'annotation';
  const started = performance.now();
  const chart = new Chart(new App(), 'apps');
  for (let i = 0; i < WORKLOADS; i++) {
    const d = new kplus.Deployment(chart, `app-${i}`, {
      metadata: { name: `app-${i}`, namespace: 'apps' },
      containers: [{ image: `registry.example/app-${i}:1.0`, portNumber: 8080, securityContext: { ensureNonRoot: false } }],
    });
    if (scenario !== 'unmeshed') meshWorkload(d, { meshValues, mode, proxyConfig: { opaquePorts: [3306] } });
  }
  const bytes = toYamlStream(chart.toJson()).length;
  return { scenario, ms: performance.now() - started, peakRssMiB: peakRssMiB(), bytes };
}

export function benchMesh1000(scenarios: readonly Scenario[] = ['unmeshed', 'meshed']): Mesh1000Result & { readonly extra: ScenarioResult[] } {
  const dir = tempDir('meshform-bench-');
  try {
    const env = { MESHFORM_IDENTITY_DIR: `${dir.path}/identity` };
    const run = (s: Scenario) => JSON.parse(runNode('bench/mesh-1000.ts', ['--scenario', s], env).stdout) as ScenarioResult;
    run('unmeshed'); // creates the identity and warms tsx's transform cache; not measured
    const results = scenarios.map(run);
    const unmeshed = results.find((r) => r.scenario === 'unmeshed') ?? run('unmeshed');
    const meshed = results.find((r) => r.scenario === 'meshed') ?? run('meshed');
    return {
      unmeshed,
      meshed,
      timeRatio: meshed.ms / unmeshed.ms,
      rssRatio: meshed.peakRssMiB / unmeshed.peakRssMiB,
      extra: results.filter((r) => r.scenario === 'manual'),
    };
  } finally {
    dir.remove();
  }
}

export function describe(r: ScenarioResult): string {
  return `${r.scenario.padEnd(9)} ${fmtMs(r.ms).padStart(8)}  peak RSS ${r.peakRssMiB.toFixed(0)} MiB  (${(r.bytes / 1e6).toFixed(1)} MB YAML)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--scenario');
  if (i > 0) {
    console.log(JSON.stringify(await runScenario(process.argv[i + 1] as Scenario)));
  } else {
    const r = benchMesh1000(['unmeshed', 'meshed', 'manual']);
    for (const s of [r.unmeshed, r.meshed, ...r.extra]) console.log(describe(s));
    console.log(`meshed/unmeshed: time ${r.timeRatio.toFixed(2)}x, peak RSS ${r.rssRatio.toFixed(2)}x`);
  }
}
