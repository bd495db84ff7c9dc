/** Shared tail of every render command: synthesize a chart in memory and print it as YAML or JSON. */
import type { App, Chart } from 'cdk8s';
import { toJsonStream, toYamlStream } from '../lib/manifest.js';
import type { FlagTable } from './help.js';
import { UsageError, type CommandIO } from './io.js';

/** `-o/--output`, on every verb that prints manifests. */
export const OUTPUT_OPTION = {
  output: { type: 'string', short: 'o', valueName: 'yaml|json', description: 'output format: yaml (default) or json (each object as one line of JSON, as upstream)' },
} as const satisfies FlagTable;

/** Upstream's `--ignore-cluster` (install, upgrade, viz/multicluster install, inject): offline it is the only mode. */
export const IGNORE_CLUSTER_OPTION = {
  'ignore-cluster': { type: 'boolean', description: 'accepted for compatibility: meshform never reads a cluster' },
} as const satisfies FlagTable;

/** The flags every render verb takes beside its value flags. */
export const RENDER_OPTIONS = { ...OUTPUT_OPTION, ...IGNORE_CLUSTER_OPTION } as const satisfies FlagTable;

export type OutputFormat = 'yaml' | 'json';

/** The `-o` value; anything but yaml or json is a usage error. */
export function outputFormat(options: Readonly<Record<string, unknown>>): OutputFormat {
  const output = options.output ?? 'yaml';
  if (output !== 'yaml' && output !== 'json') throw new UsageError(`--output must be yaml or json, not "${String(output)}"`);
  return output;
}

/** Objects in the chosen format: yaml is a `---` stream, json one object per line. */
export function formatObjects(objects: readonly unknown[], format: OutputFormat): string {
  return format === 'json' ? toJsonStream(objects) : toYamlStream(objects);
}

/** Builds one chart in a fresh in-memory app and writes its objects to stdout. */
export async function printChart(io: CommandIO, build: (app: App) => Chart, format: OutputFormat = 'yaml'): Promise<number> {
  const { chartOutput } = await import('./chart-output.js');
  io.stdout(formatObjects(chartOutput(build), format));
  return 0;
}
