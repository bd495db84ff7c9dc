/**
 * All workload/synth benches against their targets (2 cores):
 * - full default mesh synth, cold process: <= 0.8 s
 * - 1,000 meshed Deployments: <= 3 s, and <= 1.3x the unmeshed time and peak RSS
 * - cold `meshform install` and `meshform inject` of one Deployment: <= 3x a node process writing
 *   the same bytes, measured in the same run (`npm run bench` builds first: the compiled CLI)
 *
 *   node --import tsx bench/run.ts
 */
import { cpus } from 'node:os';
import { benchColdCli } from './cold-cli.js';
import { benchMesh1000, describe } from './mesh-1000.js';
import { fmtMs } from './measure.js';
import { benchSynthMesh } from './synth-mesh.js';

const line = (name: string, value: string, target: string, ok: boolean) =>
  console.log(`${ok ? 'PASS' : 'MISS'}  ${name.padEnd(44)} ${value.padStart(10)}   target ${target}`);

console.log(`node ${process.version}, ${cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const synth = await benchSynthMesh(5);
line('full mesh synth, cold process (median of 5)', fmtMs(synth.coldMedianMs), '<= 800 ms', synth.coldMedianMs <= 800);
if (synth.warning) console.log(`      warning: ${synth.warning}`);
console.log(`      (in-process: ${fmtMs(synth.inProcessMedianMs)}; empty node process: ${fmtMs(synth.nodeFloorMedianMs)}; cold runs ${synth.coldMs.map(fmtMs).join(', ')})`);

const m = benchMesh1000(['unmeshed', 'meshed', 'manual']);
for (const s of [m.unmeshed, m.meshed, ...m.extra]) console.log(`      ${describe(s)}`);
line('1,000 meshed Deployments, build + serialize', fmtMs(m.meshed.ms), '<= 3000 ms', m.meshed.ms <= 3000);
line('meshed / unmeshed time', `${m.timeRatio.toFixed(2)}x`, '<= 1.30x', m.timeRatio <= 1.3);
line('meshed / unmeshed peak RSS', `${m.rssRatio.toFixed(2)}x`, '<= 1.30x', m.rssRatio <= 1.3);

const cli = benchColdCli(7);
const ratio = (ms: number, floor: number) => ms / floor;
line('cold meshform install / node writing its bytes', `${ratio(cli.installMs, cli.installFloorMs).toFixed(2)}x`, '<= 3.00x', ratio(cli.installMs, cli.installFloorMs) <= 3);
line('cold meshform inject (1 Deployment) / floor', `${ratio(cli.injectMs, cli.injectFloorMs).toFixed(2)}x`, '<= 3.00x', ratio(cli.injectMs, cli.injectFloorMs) <= 3);
console.log(`      (medians of 7: install ${fmtMs(cli.installMs)}, floor ${fmtMs(cli.installFloorMs)}; inject ${fmtMs(cli.injectMs)}, floor ${fmtMs(cli.injectFloorMs)})`);
if (cli.warning) console.log(`      warning: ${cli.warning}`);
