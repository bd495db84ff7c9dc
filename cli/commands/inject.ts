/**
 * `meshform inject [--manual] [-f MESH_VALUES]... [--set K=V]... [flags] FILE|DIR|-`: meshes the
 * workloads of a manifest. The `-f` files describe the installed mesh; flags and `--set` build the
 * per-workload values, and whatever differs from the mesh becomes `config.linkerd.io/*` annotations.
 * Exit 0 with YAML on stdout and a report on stderr; 1 with the reasons and nothing on stdout when a
 * resource is refused; 2 on usage errors.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  type InjectFlagType,
  type ManifestDocument,
  type RawFlagValue,
} from '../../lib/inject/index.js';
import { manualReferenceIssues, resolveMeshReference } from '../../lib/mesh-reference/resolve.js';
import { resolveMeshValues } from '../../lib/values/mesh/index.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';
import { mergeUserValues, userValues } from '../../lib/values/tree.js';
import type { FlagSpec, FlagTable } from '../help.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { formatObjects, outputFormat, RENDER_OPTIONS } from '../render.js';
import { parseValueFlags, readValuesFile } from '../value-flags.js';
import { readFailure, readInputFile } from '../read-input.js';

/** Help's placeholder for each kind of proxy flag value (cobra's type names). */
const VALUE_NAMES: Record<InjectFlagType, string> = { string: 'string', int: 'int', boolean: '', list: 'strings', cpu: 'quantity', quantity: 'quantity' };

const INJECT_OPTIONS: FlagTable = {
  manual: { type: 'boolean', description: 'add the proxy containers to the pod specs instead of the annotation the injector acts on' },
  'enable-debug-sidecar': { type: 'boolean', description: 'add the debug sidecar (tcpdump, tshark) to the pods' },
  'close-wait-timeout': { type: 'string', valueName: 'DURATION', description: "sets the kernel's conntrack close-wait timeout for the pods (needs proxyInit.runAsRoot)" },
  'disable-identity': { type: 'boolean', hidden: true, description: 'no longer supported: always refused' },
  // Accepted only to point at -L: inject installs nothing into a namespace.
  namespace: { type: 'string', short: 'n', hidden: true, description: 'not for inject: see -L/--linkerd-namespace' },
  'linkerd-namespace': { type: 'string', short: 'L', valueName: 'NS', description: 'namespace of the control plane (default linkerd, or the --mesh-reference\'s)' },
  'mesh-reference': { type: 'string', valueName: 'FILE', description: 'the installed mesh as a MeshReference (meshform reference prints it), instead of -f MESH_VALUES' },
  ...RENDER_OPTIONS,
  ...Object.fromEntries(
    INJECT_VALUE_FLAGS.map((f): [string, FlagSpec] => [
      f.name,
      {
        type: f.type === 'boolean' ? 'boolean' : 'string',
        ...(f.type === 'list' ? { multiple: true } : {}),
        ...(f.short ? { short: f.short } : {}),
        ...(f.type === 'boolean' ? {} : { valueName: VALUE_NAMES[f.type] }),
        description: f.description,
      },
    ]),
  ),
};

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
  } catch (e) {
    throw new MeshformError(`${operand}: ${readFailure(e)}`);
  }
  const files = isDir ? yamlFilesUnder(full) : [full];
  return files.flatMap((f) => parseManifestStream(readInputFile(f, io.cwd, 'manifest'), f === full ? operand : f));
}

export const inject: Command = async (args, io) => {
  const parsed = parseValueFlags(args, io, INJECT_OPTIONS, true);
  const options = parsed.options;
  if (options['disable-identity']) {
    throw new UsageError('--disable-identity is no longer supported: every meshed pod takes part in mTLS identity');
  }
  if (parsed.namespace !== undefined) throw new UsageError('--namespace does not apply to inject (use -L/--linkerd-namespace for the control plane)');
  const output = outputFormat(options);
  let closeWaitTimeoutNs: number | undefined;
  if (typeof options['close-wait-timeout'] === 'string') {
    closeWaitTimeoutNs = parseGoDuration(options['close-wait-timeout']);
    if (closeWaitTimeoutNs === undefined || closeWaitTimeoutNs < 0) {
      throw new UsageError(`invalid --close-wait-timeout "${options['close-wait-timeout']}": must be a duration such as 30s or 1m`);
    }
  }
  const flags = injectFlagTree(options as Record<string, RawFlagValue | undefined>);
  if (flags.issues.length) throw new UsageError(new MeshformError('invalid flags', flags.issues).message);

  // The installed mesh: the -f files alone (or the reference). The workload: that, --set, then the flags.
  const referenceFile = options['mesh-reference'] as string | undefined;
  if (referenceFile !== undefined && (options.values !== undefined || parsed.ha)) {
    throw new UsageError('--mesh-reference describes the installed mesh: -f/--values and --ha cannot be combined with it (use --set for the workload)');
  }
  const reference = referenceFile === undefined ? undefined : resolveMeshReference(parseYamlDocument(readInputFile(referenceFile, io.cwd, '--mesh-reference'), `--mesh-reference ${referenceFile}`), `--mesh-reference ${referenceFile}`);
  const files = ((options.values as string[] | undefined) ?? []).map((f) => readValuesFile(f, io.cwd));
  const meshUser = reference ? reference.valueTree : userValues(files);
  const meshValues = reference ? reference.values : resolveMeshValues({ user: meshUser, ha: parsed.ha, crdsOnly: true });
  const values = resolveMeshValues({ user: mergeUserValues([reference ? meshUser : {}, parsed.user, flags.tree]), ha: parsed.ha, crdsOnly: true });
  const manual = options.manual === true;
  // With a reference, missing anchors are named as the reference spells them.
  const manualIssues = !manual ? [] : reference && !values.identityTrustAnchorsPEM ? manualReferenceIssues(reference.reference) : manualInjectionIssues(values);
  if (manualIssues.length) throw new MeshformError('cannot inject the proxy', manualIssues);

  const docs = await readManifestInput(parsed.positionals, io);
  const result = injectManifest(docs, {
    values,
    meshValues,
    manual,
    controlPlaneNamespace: (options['linkerd-namespace'] as string | undefined) ?? reference?.reference.controlPlaneNamespace ?? 'linkerd',
    enableDebugSidecar: options['enable-debug-sidecar'] === true,
    closeWaitTimeoutNs,
  });
  if (result.refusals.length) {
    io.stderr(formatRefusals(result.refusals));
    return 1;
  }
  io.stdout(output === 'json' ? formatObjects(result.documents, 'json') : serializeManifestStream(result.documents));
  io.stderr(formatInjectReport(result.reports));
  return 0;
};
