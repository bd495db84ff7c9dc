/**
 * Synth of the full default mesh (CRDs with Gateway API, control plane, viz), as `npm run synth` does:
 * - cold: a fresh `node --import tsx constructs/app.ts` process per run (what a user waits for),
 *   with its own CDK8S_OUTDIR and an identity generated once beforehand (first-run key generation is
 *   a one-off cost, not synth);
 * - in-process: building the `Mesh` and serializing every phase, after a warm-up.
 *
 *   node --import tsx bench/synth-mesh.ts [runs]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { App } from 'cdk8s';
import { identityValuesOverlay, loadOrCreateIdentity, vizTlsOverlay } from '../lib/identity/store.js';
import { toYamlStream } from '../lib/manifest.js';
import { chartObjects } from '../constructs/kube-object.js';
import { Mesh } from '../constructs/mesh.js';
import { fmtMs, median, runNode, tempDir } from './measure.js';

export interface SynthMeshResult {
  readonly coldMs: readonly number[];
  readonly coldMedianMs: number;
  readonly inProcessMedianMs: number;
  /** A `node --import tsx` process running an empty script: the floor no synth change can go below. */
  readonly tsxFloorMedianMs: number;
}

async function inProcess(identityDir: string, runs: number): Promise<number> {
  const identity = await loadOrCreateIdentity(identityDir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
  const once = () => {
    const app = new App({ outdir: identityDir });
    new Mesh(app, 'mesh', {
      mesh: { installGatewayAPI: true, values: identityValuesOverlay(identity) },
      viz: { values: vizTlsOverlay(identity) },
    });
    return app.charts.map((c) => toYamlStream(chartObjects(c))).join('').length;
  };
  once(); // warm-up: module-level caches, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    once();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchSynthMesh(runs = 5): Promise<SynthMeshResult> {
  const dir = tempDir('meshform-bench-');
  try {
    const env = { CDK8S_OUTDIR: `${dir.path}/dist`, MESHFORM_IDENTITY_DIR: `${dir.path}/identity` };
    runNode('constructs/app.ts', [], env); // creates the identity; not measured
    const coldMs = Array.from({ length: runs }, () => runNode('constructs/app.ts', [], env).wallMs);
    const empty = `${dir.path}/empty.ts`;
    writeFileSync(empty, 'export {};\n');
    const floor = Array.from({ length: runs }, () => runNode(empty, [], env).wallMs);
    return {
      coldMs,
      coldMedianMs: median(coldMs),
      inProcessMedianMs: await inProcess(env.MESHFORM_IDENTITY_DIR, runs),
      tsxFloorMedianMs: median(floor),
    };
  } finally {
    dir.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchSynthMesh(Number(process.argv[2] ?? 5));
  console.log(`full mesh synth, cold process: median ${fmtMs(r.coldMedianMs)} (runs: ${r.coldMs.map(fmtMs).join(', ')})`);
  console.log(`full mesh synth, in-process:   median ${fmtMs(r.inProcessMedianMs)}`);
  console.log(`empty tsx process (floor):     median ${fmtMs(r.tsxFloorMedianMs)}`);
}
