/**
 * `meshform inject [--manual] [-f MESH_VALUES]... [--set K=V]... [flags] FILE|DIR|-`: meshes the
 * workloads of a manifest. The `-f` files describe the installed mesh; flags and `--set` build the
 * per-workload values, and whatever differs from the mesh becomes `config.linkerd.io/*` annotations.
 * Exit 0 with YAML on stdout and a report on stderr; 1 with the reasons and nothing on stdout when a
 * resource is refused; 2 on usage errors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { MeshformError } from '../../lib/errors.js';
import {
  formatInjectReport,
  formatRefusals,
  injectFlagTree,
  injectManifest,
  manualInjectionIssues,
  INJECT_VALUE_FLAGS,
  parseGoDuration,
  parseManifestStream,
  serializeManifestStream,
  type ManifestDocument,
  type RawFlagValue,
} from '../../lib/inject/index.js';
import { resolveMeshValues } from '../../lib/values/mesh/index.js';
import { mergeUserValues, userValues } from '../../lib/values/tree.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { parseValueFlags, readValuesFile } from '../value-flags.js';

const INJECT_OPTIONS: ParseArgsConfig['options'] = {
  manual: { type: 'boolean' },
  'enable-debug-sidecar': { type: 'boolean' },
  'close-wait-timeout': { type: 'string' },
  'disable-identity': { type: 'boolean' },
  'linkerd-namespace': { type: 'string', short: 'L' },
  'ignore-cluster': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  ...Object.fromEntries(
    INJECT_VALUE_FLAGS.map((f) => [
      f.name,
      { type: f.type === 'boolean' ? 'boolean' : 'string', ...(f.type === 'list' ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) },
    ]),
  ),
};

const BOOLEAN_FLAGS = new Set(Object.entries(INJECT_OPTIONS ?? {}).filter(([, o]) => o.type === 'boolean').map(([n]) => n));

/**
 * Go's flag package accepts `--native-sidecar=false`; node's parseArgs does not take a value for a
 * boolean. Such arguments are taken out here and their values returned separately.
 */
function splitBooleanAssignments(args: readonly string[]): { rest: string[]; booleans: Record<string, boolean> } {
  const rest: string[] = [];
  const booleans: Record<string, boolean> = {};
  for (const arg of args) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (m && BOOLEAN_FLAGS.has(m[1])) {
      const v = m[2].toLowerCase();
      if (!['true', 'false', '1', '0', 't', 'f'].includes(v)) throw new UsageError(`invalid value "${m[2]}" for --${m[1]}: must be true or false`);
      booleans[m[1]] = ['true', '1', 't'].includes(v);
    } else {
      rest.push(arg);
    }
  }
  return { rest, booleans };
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  // Code-unit order, not localeCompare: the same files in the same order in every locale.
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Reads the manifest operand: a file, a directory of YAML/JSON files, or `-` for stdin. */
export async function readManifestInput(positionals: readonly string[], io: CommandIO): Promise<ManifestDocument[]> {
  if (positionals.length !== 1) throw new UsageError('expected exactly one manifest: FILE, DIR or - for stdin');
  const operand = positionals[0];
  if (operand === '-') return parseManifestStream(await io.stdin(), 'stdin');
  if (/^https?:\/\//.test(operand)) throw new UsageError('reading a manifest from a URL is not supported offline: download it first');
  const full = resolve(io.cwd, operand);
  let isDir: boolean;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    throw new MeshformError(`${operand}: no such file or directory`);
  }
  const files = isDir ? yamlFilesUnder(full) : [full];
  return files.flatMap((f) => parseManifestStream(readFileSync(f, 'utf8'), f === full ? operand : f));
}

export const inject: Command = async (args, io) => {
  const { rest, booleans } = splitBooleanAssignments(args);
  const parsed = parseValueFlags(rest, io, INJECT_OPTIONS, true);
  const options = { ...parsed.options, ...booleans };
  if (options['disable-identity']) {
    throw new UsageError('--disable-identity is no longer supported: every meshed pod takes part in mTLS identity');
  }
  if (parsed.namespace !== undefined) throw new UsageError('--namespace does not apply to inject (use -L/--linkerd-namespace for the control plane)');
  const output = (options.output as string | undefined) ?? 'yaml';
  if (output !== 'yaml' && output !== 'json') throw new UsageError(`--output must be yaml or json, not "${output}"`);
  let closeWaitTimeoutNs: number | undefined;
  if (typeof options['close-wait-timeout'] === 'string') {
    closeWaitTimeoutNs = parseGoDuration(options['close-wait-timeout']);
    if (closeWaitTimeoutNs === undefined || closeWaitTimeoutNs < 0) {
      throw new UsageError(`invalid --close-wait-timeout "${options['close-wait-timeout']}": must be a duration such as 30s or 1m`);
    }
  }
  const flags = injectFlagTree(options as Record<string, RawFlagValue | undefined>);
  if (flags.issues.length) throw new UsageError(new MeshformError('invalid flags', flags.issues).message);

  // The installed mesh: the -f files alone. The workload: files, --set, then the flags.
  const files = ((options.values as string[] | undefined) ?? []).map((f) => readValuesFile(f, io.cwd));
  const meshValues = resolveMeshValues({ user: userValues(files), ha: parsed.ha, crdsOnly: true });
  const values = resolveMeshValues({ user: mergeUserValues([parsed.user, flags.tree]), ha: parsed.ha, crdsOnly: true });
  const manual = options.manual === true;
  const manualIssues = manual ? manualInjectionIssues(values) : [];
  if (manualIssues.length) throw new MeshformError('cannot inject the proxy', manualIssues);

  const docs = await readManifestInput(parsed.positionals, io);
  const result = injectManifest(docs, {
    values,
    meshValues,
    manual,
    controlPlaneNamespace: (options['linkerd-namespace'] as string | undefined) ?? 'linkerd',
    enableDebugSidecar: options['enable-debug-sidecar'] === true,
    closeWaitTimeoutNs,
  });
  if (result.refusals.length) {
    io.stderr(formatRefusals(result.refusals));
    return 1;
  }
  io.stdout(output === 'json' ? result.documents.map((d) => `${JSON.stringify(d, null, 2)}\n`).join('') : serializeManifestStream(result.documents));
  io.stderr(formatInjectReport(result.reports));
  return 0;
};
