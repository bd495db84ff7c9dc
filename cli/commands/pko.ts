/**
 * `meshform pulumi-operator --repo URL [flags]`: the objects the Pulumi Kubernetes Operator v2 needs
 * to run this repository's Pulumi program from git (Namespace kept out of the mesh, workspace
 * ServiceAccount, RBAC, Stack), as YAML to apply once the operator is installed
 * (docs/pulumi-operator.md). The credentials Secret is yours to create: it is never rendered.
 */
import { MeshformError } from '../../lib/errors.js';
import { PKO_DEFAULTS, resolvePulumiOperator, type PulumiOperatorProps } from '../../lib/pko/index.js';
import type { FlagTable } from '../help.js';
import { UsageError, type Command } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { OUTPUT_OPTION, outputFormat, printChart } from '../render.js';

export const PKO_OPTIONS: FlagTable = {
  repo: { type: 'string', valueName: 'URL', description: 'git repository holding Pulumi.yaml (https:// or ssh; required)' },
  branch: { type: 'string', valueName: 'BRANCH', description: `branch to follow (default ${PKO_DEFAULTS.branch})` },
  commit: { type: 'string', valueName: 'SHA', description: 'commit to pin instead of following a branch' },
  'repo-dir': { type: 'string', valueName: 'DIR', description: 'directory of Pulumi.yaml in the repository (default: the root)' },
  stack: { type: 'string', valueName: 'NAME', description: `stack: <stack> (self-managed backend) or <org>/<stack> (Pulumi Cloud) (default ${PKO_DEFAULTS.stack})` },
  namespace: { type: 'string', short: 'n', valueName: 'NS', description: `namespace of the Stack and its workspace (default ${PKO_DEFAULTS.namespace})` },
  name: { type: 'string', valueName: 'NAME', description: `name of the Stack object, prefix of the others (default ${PKO_DEFAULTS.name})` },
  'resync-seconds': { type: 'string', valueName: 'N', description: `seconds between re-runs of the same commit, 60 to 86400 (default ${PKO_DEFAULTS.resyncFrequencySeconds})` },
  backend: { type: 'string', valueName: 'URL', description: 'state backend: s3://, gs://, azblob:// or a Pulumi Cloud URL (default Pulumi Cloud)' },
  'secrets-provider': { type: 'string', valueName: 'PROVIDER', description: 'passphrase, default (Pulumi Cloud) or a KMS URL (default passphrase, or default with Pulumi Cloud)' },
  'secret-name': { type: 'string', valueName: 'NAME', description: 'the Secret you create with the credentials (default <name>-credentials)' },
  'secret-env': { type: 'string', multiple: true, valueName: 'VAR', description: 'a further key of the Secret passed as that environment variable (backend credentials)' },
  'git-auth': { type: 'string', valueName: 'none|token|ssh', description: 'git authentication from the Secret: GIT_ACCESS_TOKEN or GIT_SSH_PRIVATE_KEY (default none)' },
  image: { type: 'string', valueName: 'IMAGE', description: `workspace image with the pulumi CLI and Node (default ${PKO_DEFAULTS.image})` },
  'memory-request': { type: 'string', valueName: 'QUANTITY', description: `workspace memory request (default ${PKO_DEFAULTS.memoryRequest})` },
  'memory-limit': { type: 'string', valueName: 'QUANTITY', description: `workspace memory limit (default ${PKO_DEFAULTS.memoryLimit})` },
  'cpu-request': { type: 'string', valueName: 'QUANTITY', description: `workspace CPU request (default ${PKO_DEFAULTS.cpuRequest})` },
  rbac: { type: 'string', valueName: 'mesh|cluster-admin', description: "the program's permissions: the mesh's kinds (default) or cluster-admin" },
  config: { type: 'string', multiple: true, valueName: 'KEY=VALUE', description: 'stack config on the Stack object (meshform:ha=true), over Pulumi.<stack>.yaml' },
  ...OUTPUT_OPTION,
};

function configPairs(pairs: readonly string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--config needs KEY=VALUE (e.g. meshform:ha=true), got "${pair}"`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function resyncSeconds(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(String(raw))) throw new UsageError(`--resync-seconds must be a whole number of seconds, not "${String(raw)}"`);
  return Number(raw);
}

/** The prop each flag sets (one table: flags → props, and the props' issues → flags). */
const PROP_OF_FLAG: Readonly<Record<string, keyof PulumiOperatorProps>> = {
  repo: 'projectRepo',
  branch: 'branch',
  commit: 'commit',
  'repo-dir': 'repoDir',
  stack: 'stack',
  namespace: 'namespace',
  name: 'name',
  'resync-seconds': 'resyncFrequencySeconds',
  backend: 'backend',
  'secrets-provider': 'secretsProvider',
  'secret-name': 'secretName',
  'secret-env': 'secretEnv',
  'git-auth': 'gitAuth',
  image: 'image',
  'memory-request': 'memoryRequest',
  'memory-limit': 'memoryLimit',
  'cpu-request': 'cpuRequest',
  rbac: 'rbac',
  config: 'config',
};

/** The flags as construct props (validation is the props', so flags and code are checked alike). */
export function pkoPropsFromFlags(v: Readonly<Record<string, unknown>>): PulumiOperatorProps {
  if (typeof v.repo !== 'string') throw new UsageError('--repo URL is required: the git repository holding Pulumi.yaml');
  const props: Record<string, unknown> = {};
  for (const [flag, prop] of Object.entries(PROP_OF_FLAG)) {
    const raw = v[flag];
    if (raw === undefined) continue;
    props[prop] = flag === 'resync-seconds' ? resyncSeconds(raw) : flag === 'config' ? configPairs(raw as string[]) : raw;
  }
  return props as unknown as PulumiOperatorProps;
}

/** The props' issues named by the flags that set them (`--resync-seconds`, `--secret-env[1]`). */
function asFlagError(e: MeshformError): MeshformError {
  const flagOf = new Map(Object.entries(PROP_OF_FLAG).map(([flag, prop]) => [prop as string, flag]));
  const issues = e.issues.map((issue) => {
    const m = /^([A-Za-z]+)(.*)$/.exec(issue.path);
    const flag = m ? flagOf.get(m[1]) : undefined;
    return flag ? { ...issue, path: `--${flag}${m![2]}` } : issue;
  });
  return new MeshformError(e.message.split('\n')[0], issues);
}

export const pulumiOperator: Command = async (args, io) => {
  const { values } = parseFlags(args, PKO_OPTIONS);
  const format = outputFormat(values);
  const stack = pkoPropsFromFlags(values);
  try {
    resolvePulumiOperator(stack, '');
  } catch (e) {
    throw e instanceof MeshformError ? asFlagError(e) : e;
  }
  const { PulumiOperatorChart } = await import('../../constructs/pko/index.js');
  return printChart(io, (app) => new PulumiOperatorChart(app, 'pulumi-operator', { stack }), format);
};
