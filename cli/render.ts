/** Shared tail of every render command: synthesize a chart in memory and print it as YAML. */
import { App, type Chart } from 'cdk8s';
import { toYamlStream } from '../lib/manifest.js';
import { chartObjects } from '../constructs/kube-object.js';
import type { CommandIO } from './io.js';

/** Builds one chart in a fresh in-memory app and writes its objects to stdout. */
export function printChart(io: CommandIO, build: (app: App) => Chart): number {
  const chart = build(new App());
  io.stdout(toYamlStream(chartObjects(chart)));
  return 0;
}
