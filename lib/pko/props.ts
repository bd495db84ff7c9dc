/**
 * What the Pulumi Kubernetes Operator (v2) needs to run this repository's Pulumi program
 * (`Pulumi.yaml` at the repository root, `stacks/index.ts`) from git, as typed props with their
 * defaults, and their validation: every problem collected, each naming the prop, the value (never a
 * credential) and what is allowed.
 */
import { IssueCollector } from '../errors.js';
import { dns1123LabelProblem, dns1123LabelProblemUpTo, dns1123SubdomainProblem } from '../k8s/name-rules.js';

/** How the workspace authenticates to git. */
export type PkoGitAuth = 'none' | 'token' | 'ssh';

/** What the program's ServiceAccount may do in the cluster. */
export type PkoRbac = 'mesh' | 'cluster-admin';

export interface PulumiOperatorProps {
  /** The git repository holding `Pulumi.yaml`: `https://host/path` or an ssh URL (`ssh://git@host/path`, `git@host:path`). */
  readonly projectRepo: string;
  /**
   * The branch to follow (the operator polls it every `resyncFrequencySeconds`).
   * @default 'main' unless `commit` is given
   */
  readonly branch?: string;
  /**
   * A commit to pin instead of following a branch (40 or 64 hex digits).
   * @default - follow `branch`
   */
  readonly commit?: string;
  /**
   * The directory of `Pulumi.yaml` inside the repository.
   * @default - the repository root (this repository's layout)
   */
  readonly repoDir?: string;
  /**
   * The stack: `dev` for a self-managed backend (its config is `Pulumi.dev.yaml`), `<org>/<stack>` or
   * `<org>/<project>/<stack>` for Pulumi Cloud.
   * @default 'dev'
   */
  readonly stack?: string;
  /**
   * The namespace of the Stack, its ServiceAccount and workspace pod; the injector skips it.
   * @default 'meshform-pulumi'
   */
  readonly namespace?: string;
  /**
   * The Stack object's name, and the prefix of the other objects' names.
   * @default 'meshform'
   */
  readonly name?: string;
  /**
   * How often the operator re-runs the program (refresh + update) when the commit did not change, so
   * drift is repaired and certificates are renewed on time; also how often the branch is polled.
   * Between 60 (the operator's minimum) and 86400.
   * @default 600
   */
  readonly resyncFrequencySeconds?: number;
  /**
   * The state backend: `s3://`, `gs://`, `azblob://`, or a Pulumi Cloud URL (`https://...`).
   * @default - Pulumi Cloud (https://api.pulumi.com), authenticated with `PULUMI_ACCESS_TOKEN`
   */
  readonly backend?: string;
  /**
   * How stack secrets (the generated issuer key) are encrypted: `passphrase`, `awskms://...`,
   * `gcpkms://...`, `azurekeyvault://...`, `hashivault://...`; `default` is Pulumi Cloud's own.
   * @default 'passphrase' with a self-managed backend, 'default' with Pulumi Cloud
   */
  readonly secretsProvider?: string;
  /**
   * The Secret (in `namespace`, created by you, never rendered) whose keys become the workspace's
   * environment: `PULUMI_CONFIG_PASSPHRASE` (secrets provider passphrase), `PULUMI_ACCESS_TOKEN`
   * (Pulumi Cloud), `GIT_ACCESS_TOKEN` / `GIT_SSH_PRIVATE_KEY` (gitAuth), plus `secretEnv`.
   * @default `${name}-credentials`
   */
  readonly secretName?: string;
  /**
   * Further keys of the Secret to pass as environment variables of the same name (the backend's
   * credentials, e.g. `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
   * @default - none
   */
  readonly secretEnv?: readonly string[];
  /**
   * Git authentication for a private repository: `token` (https, key `GIT_ACCESS_TOKEN`) or `ssh`
   * (ssh URL, key `GIT_SSH_PRIVATE_KEY`).
   * @default 'none'
   */
  readonly gitAuth?: PkoGitAuth;
  /**
   * The workspace image: it runs the pulumi CLI and the program under Node, so it needs both.
   * @default 'pulumi/pulumi:3.248.0-nonroot' (the pulumi release of this repository's @pulumi/pulumi)
   */
  readonly image?: string;
  /**
   * Memory the workspace pod requests (the pulumi CLI, the Kubernetes provider and the Node program).
   * @default '1Gi'
   */
  readonly memoryRequest?: string;
  /**
   * Memory limit of the workspace pod: an update killed for memory leaves the stack locked.
   * @default '2Gi'
   */
  readonly memoryLimit?: string;
  /** CPU the workspace pod requests. @default '500m' */
  readonly cpuRequest?: string;
  /**
   * The program's permissions: `mesh` (the kinds the mesh's charts emit, plus escalate/bind on RBAC
   * so it can create the control plane's roles) or `cluster-admin`.
   * @default 'mesh'
   */
  readonly rbac?: PkoRbac;
  /**
   * Stack configuration set on the Stack object (`meshform:ha: true`), over the repository's
   * `Pulumi.<stack>.yaml`. Plain values only: secrets belong in the stack file, encrypted.
   * @default - the repository's stack file alone
   */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
}

export interface ResolvedPulumiOperator {
  readonly projectRepo: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly repoDir?: string;
  readonly stack: string;
  readonly namespace: string;
  readonly name: string;
  readonly resyncFrequencySeconds: number;
  readonly backend?: string;
  readonly secretsProvider: string;
  readonly secretName: string;
  /** Environment variable → key of `secretName`, sorted by name. */
  readonly secretEnv: readonly string[];
  readonly gitAuth: PkoGitAuth;
  readonly image: string;
  readonly memoryRequest: string;
  readonly memoryLimit: string;
  readonly cpuRequest: string;
  readonly rbac: PkoRbac;
  readonly config?: Readonly<Record<string, string | number | boolean>>;
}

export const PKO_DEFAULTS = {
  branch: 'main',
  stack: 'dev',
  namespace: 'meshform-pulumi',
  name: 'meshform',
  resyncFrequencySeconds: 600,
  image: 'pulumi/pulumi:3.248.0-nonroot',
  memoryRequest: '1Gi',
  memoryLimit: '2Gi',
  cpuRequest: '500m',
} as const;

/** The operator treats anything below 60 s as 60 s; more than a day risks missing a renewal window. */
export const MIN_RESYNC_SECONDS = 60;
export const MAX_RESYNC_SECONDS = 86400;

/** The Secret keys meshform's objects read, by purpose. */
export const PKO_SECRET_KEYS = {
  passphrase: 'PULUMI_CONFIG_PASSPHRASE',
  accessToken: 'PULUMI_ACCESS_TOKEN',
  gitToken: 'GIT_ACCESS_TOKEN',
  gitSshKey: 'GIT_SSH_PRIVATE_KEY',
} as const;

/** The Stack's name: the other objects' names add suffixes to it. */
const stackNameProblem = dns1123LabelProblemUpTo(40);
const SSH_SCP = /^[\w.-]+@[\w.-]+:[^\s]+$/;
const QUANTITY = /^\d+(\.\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STACK = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/;
const CONFIG_KEY = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;

/** The URL with any user:password part replaced, so a message never shows a credential. */
function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1***@');
}

function repoProblem(repo: unknown): string | undefined {
  if (typeof repo !== 'string' || !repo.trim()) return 'is required: the git URL of the repository holding Pulumi.yaml';
  if (SSH_SCP.test(repo)) return undefined;
  let url: URL;
  try {
    url = new URL(repo);
  } catch {
    return 'must be an https:// or ssh URL (https://host/org/repo.git, ssh://git@host/org/repo.git, git@host:org/repo.git)';
  }
  if (url.protocol === 'http:') return 'must not be http://: code and credentials would travel unencrypted; use https://';
  if (url.protocol !== 'https:' && url.protocol !== 'ssh:') return `has scheme ${url.protocol}: must be https:// or ssh://`;
  if (url.password || (url.protocol === 'https:' && url.username)) return 'must not carry credentials: give them with gitAuth (a key of the Secret)';
  if (!url.hostname || url.pathname.length < 2) return 'must name a host and a repository path';
  return undefined;
}

const isSshRepo = (repo: string): boolean => SSH_SCP.test(repo) || repo.startsWith('ssh://');

function backendProblem(backend: string): string | undefined {
  if (backend.startsWith('file:')) return "must not be file://: the workspace pod's files are not kept, and the stack's state with them; use s3://, gs://, azblob:// or Pulumi Cloud";
  if (!/^(https|s3|gs|azblob):\/\/\S+$/.test(backend)) return 'must be s3://, gs://, azblob:// or an https:// Pulumi Cloud URL';
  return undefined;
}

function secretsProviderProblem(provider: string, selfManaged: boolean): string | undefined {
  if (provider === 'passphrase') return undefined;
  if (provider === 'default') return selfManaged ? "is Pulumi Cloud's own encryption: with a self-managed backend use passphrase or a KMS" : undefined;
  if (/^(awskms|gcpkms|azurekeyvault|hashivault):\/\/\S+$/.test(provider)) return undefined;
  return 'must be passphrase, default (Pulumi Cloud), or an awskms://, gcpkms://, azurekeyvault:// or hashivault:// URL';
}

/** Fills the defaults and checks every prop; throws a MeshformError listing every problem. */
export function resolvePulumiOperator(props: PulumiOperatorProps, path = 'pulumiOperator'): ResolvedPulumiOperator {
  const issues = new IssueCollector();
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  const p = props;
  const repoIssue = repoProblem(p.projectRepo);
  issues.check(at('projectRepo'), typeof p.projectRepo === 'string' ? redactUrl(p.projectRepo) : p.projectRepo, repoIssue);

  if (p.branch !== undefined && p.commit !== undefined) issues.add(at('commit'), p.commit, 'give a branch or a commit, not both');
  if (p.commit !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(p.commit)) issues.add(at('commit'), p.commit, 'must be a full commit hash (40 or 64 lowercase hex digits)');
  if (p.branch !== undefined && (!/^[\w./-]+$/.test(p.branch) || p.branch.includes('..') || p.branch.startsWith('-') || p.branch.endsWith('/'))) {
    issues.add(at('branch'), p.branch, 'must be a git branch name (letters, digits, . _ - /; no "..")');
  }
  if (p.repoDir !== undefined && (!/^[\w.-]+(\/[\w.-]+)*$/.test(p.repoDir) || p.repoDir.split('/').includes('..'))) {
    issues.add(at('repoDir'), p.repoDir, 'must be a relative path inside the repository (no leading /, no ..)');
  }
  const stack = p.stack ?? PKO_DEFAULTS.stack;
  if (!STACK.test(stack)) issues.add(at('stack'), stack, 'must be a stack name: <stack>, <org>/<stack> or <org>/<project>/<stack>');
  const namespace = p.namespace ?? PKO_DEFAULTS.namespace;
  issues.check(at('namespace'), namespace, dns1123LabelProblem(namespace));
  const name = p.name ?? PKO_DEFAULTS.name;
  const nameProblem = stackNameProblem(name);
  issues.check(at('name'), name, nameProblem && `${nameProblem} (other objects add suffixes)`);

  const resync = p.resyncFrequencySeconds ?? PKO_DEFAULTS.resyncFrequencySeconds;
  if (!Number.isInteger(resync) || resync < MIN_RESYNC_SECONDS || resync > MAX_RESYNC_SECONDS) {
    issues.add(at('resyncFrequencySeconds'), resync, `must be a whole number of seconds from ${MIN_RESYNC_SECONDS} (the operator's minimum) to ${MAX_RESYNC_SECONDS} (a day: certificates must renew on time)`);
  }
  if (p.backend !== undefined) issues.check(at('backend'), p.backend, backendProblem(p.backend));
  const selfManaged = p.backend !== undefined && !p.backend.startsWith('https://');
  const secretsProvider = p.secretsProvider ?? (selfManaged ? 'passphrase' : 'default');
  issues.check(at('secretsProvider'), secretsProvider, secretsProviderProblem(secretsProvider, selfManaged));

  const secretName = p.secretName ?? `${name}-credentials`;
  issues.check(at('secretName'), secretName, dns1123SubdomainProblem(secretName));
  const gitAuth = p.gitAuth ?? 'none';
  if (!['none', 'token', 'ssh'].includes(gitAuth)) issues.add(at('gitAuth'), gitAuth, 'must be none, token or ssh');
  if (!repoIssue && gitAuth === 'ssh' && !isSshRepo(p.projectRepo)) issues.add(at('gitAuth'), gitAuth, 'ssh needs an ssh repository URL (ssh://... or git@host:path)');
  if (!repoIssue && gitAuth === 'token' && isSshRepo(p.projectRepo)) issues.add(at('gitAuth'), gitAuth, 'token needs an https:// repository URL');
  const implied: string[] = [
    ...(secretsProvider === 'passphrase' ? [PKO_SECRET_KEYS.passphrase] : []),
    ...(selfManaged ? [] : [PKO_SECRET_KEYS.accessToken]),
  ];
  (p.secretEnv ?? []).forEach((env, i) => {
    if (!ENV_NAME.test(env)) issues.add(`${at('secretEnv')}[${i}]`, env, 'must be an environment variable name (letters, digits, _)');
    else if (implied.includes(env) || (p.secretEnv ?? []).indexOf(env) !== i) issues.add(`${at('secretEnv')}[${i}]`, env, 'is already passed (listed twice, or implied by backend/secretsProvider)');
  });

  const image = p.image ?? PKO_DEFAULTS.image;
  if (!/^[\w./:@-]+$/.test(image) || !/(:[\w.-]+|@sha256:[0-9a-f]{64})$/.test(image.replace(/^[^/]*:\d+\//, '')) || /:latest(-nonroot)?$/.test(image)) {
    issues.add(at('image'), image, 'must be an image with a pinned tag or digest (not latest) that has the pulumi CLI and Node, e.g. pulumi/pulumi:3.248.0-nonroot');
  }
  const quantities = { memoryRequest: p.memoryRequest ?? PKO_DEFAULTS.memoryRequest, memoryLimit: p.memoryLimit ?? PKO_DEFAULTS.memoryLimit, cpuRequest: p.cpuRequest ?? PKO_DEFAULTS.cpuRequest };
  for (const [key, value] of Object.entries(quantities)) if (!QUANTITY.test(value)) issues.add(at(key), value, 'must be a Kubernetes quantity (e.g. 1Gi, 500m)');
  const rbac = p.rbac ?? 'mesh';
  if (rbac !== 'mesh' && rbac !== 'cluster-admin') issues.add(at('rbac'), rbac, 'must be mesh or cluster-admin');
  for (const [key, value] of Object.entries(p.config ?? {})) {
    if (!CONFIG_KEY.test(key)) issues.add(`${at('config')}.${key}`, undefined, 'must be a namespaced config key such as meshform:ha');
    if (!['string', 'number', 'boolean'].includes(typeof value)) issues.add(`${at('config')}.${key}`, undefined, 'must be a string, number or boolean');
  }
  issues.throwIfAny('invalid Pulumi Kubernetes Operator settings');

  const secretEnv = [...implied, ...(p.secretEnv ?? [])].sort();
  return {
    projectRepo: p.projectRepo,
    ...(p.commit !== undefined ? { commit: p.commit } : { branch: p.branch ?? PKO_DEFAULTS.branch }),
    ...(p.repoDir !== undefined ? { repoDir: p.repoDir } : {}),
    stack,
    namespace,
    name,
    resyncFrequencySeconds: resync,
    ...(p.backend !== undefined ? { backend: p.backend } : {}),
    secretsProvider,
    secretName,
    secretEnv,
    gitAuth,
    image,
    ...quantities,
    rbac,
    ...(p.config ? { config: p.config } : {}),
  };
}
