/**
 * Writes an app's charts to a directory, one file per install phase, numbered in apply order
 * (`00-crds.yaml`, `01-control-plane.yaml`, ...). Files we wrote before are removed first, so the
 * directory always holds exactly one render and two renders of the same input are byte-identical.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'cdk8s';
import { toYamlStream } from '../lib/manifest.js';
import { chartObjects } from './kube-object.js';

export const PHASE_FILE = /^\d\d-[a-z0-9-]+\.yaml$/;

export function synthPhases(app: App, outdir: string): string[] {
  mkdirSync(outdir, { recursive: true });
  for (const name of readdirSync(outdir)) if (PHASE_FILE.test(name)) rmSync(join(outdir, name));
  // app.charts is topologically sorted by the charts' addDependency edges.
  return app.charts.map((chart, index) => {
    const file = `${String(index).padStart(2, '0')}-${chart.node.id}.yaml`;
    writeFileSync(join(outdir, file), toYamlStream(chartObjects(chart)));
    return file;
  });
}
