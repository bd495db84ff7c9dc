/**
 * Synth of the full default mesh (CRDs with Gateway API, control plane, viz), as `npm run synth` does:
 * - cold: a fresh `node scripts/synth.mjs` process per run, as `npm run synth` starts it (the compiled
 *   app when the build is current, else the sources through tsx; what a user waits for),
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
import { buildState } from '../bin/build-freshness.mjs';
import { fmtMs, median, runNode, tempDir } from './measure.js';

export interface SynthMeshResult {
  readonly coldMs: readonly number[];
  readonly coldMedianMs: number;
  readonly inProcessMedianMs: number;
  /** A `node` process running an empty script: the floor no synth change can go below. */
  readonly nodeFloorMedianMs: number;
  /** Why the cold runs are not the compiled app, when they are not. @default - they are */
  readonly warning?: string;
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
    runNode('scripts/synth.mjs', [], env, { tsx: false }); // creates the identity; not measured
    const coldMs = Array.from({ length: runs }, () => runNode('scripts/synth.mjs', [], env, { tsx: false }).wallMs);
    const empty = `${dir.path}/empty.mjs`;
    writeFileSync(empty, 'export {};\n');
    const floor = Array.from({ length: runs }, () => runNode(empty, [], env, { tsx: false }).wallMs);
    const state = buildState();
    return {
      coldMs,
      coldMedianMs: median(coldMs),
      inProcessMedianMs: await inProcess(env.MESHFORM_IDENTITY_DIR, runs),
      nodeFloorMedianMs: median(floor),
      ...(state === 'current' ? {} : { warning: `the build is ${state} (npm run build): the cold runs are the tsx fallback, not the compiled app` }),
    };
  } finally {
    dir.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchSynthMesh(Number(process.argv[2] ?? 5));
  console.log(`full mesh synth, cold process: median ${fmtMs(r.coldMedianMs)} (runs: ${r.coldMs.map(fmtMs).join(', ')})`);
  console.log(`full mesh synth, in-process:   median ${fmtMs(r.inProcessMedianMs)}`);
  console.log(`empty node process (floor):    median ${fmtMs(r.nodeFloorMedianMs)}`);
  if (r.warning) console.log(`warning: ${r.warning}`);
}
