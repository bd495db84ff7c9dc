/**
 * The default app's GitOps switch: `MESHFORM_GITOPS=argocd|flux|plain` (or `--gitops ENGINE`) and
 * its parameters, from the environment and the command line (a flag wins over its variable).
 *
 * | flag | variable | meaning |
 * |---|---|---|
 * | `--gitops ENGINE` | `MESHFORM_GITOPS` | write the GitOps layout for `argocd`, `flux` or `plain` |
 * | `--repo-url URL` | `MESHFORM_GITOPS_REPO_URL` | Argo CD: the repository the tree is committed to |
 * | `--revision REV` | `MESHFORM_GITOPS_REVISION` | Argo CD: branch, tag or commit (default HEAD) |
 * | `--repo-path PATH` | `MESHFORM_GITOPS_PATH` | the output directory's path in the repository (default: the outdir relative to the working directory) |
 * | `--source-url URL` | `MESHFORM_GITOPS_SOURCE_URL` | Flux: write a GitRepository (or, for `oci://`, an OCIRepository) named `linkerd` for this URL |
 * | `--restart-namespaces A,B` | `MESHFORM_GITOPS_RESTART_NAMESPACES` | add the data-plane restart phase for these namespaces |
 * | `--gitops-inline-keys` | `MESHFORM_GITOPS_INLINE_KEYS=1` | use the generated identity, private keys included (default: cert-manager identity) |
 */
import { isAbsolute, relative, sep } from 'node:path';
import { IssueCollector } from '../../lib/errors.js';
import type { FluxOptions } from '../../lib/gitops/flux.js';
import type { GitOpsTreeOptions } from '../../lib/gitops/tree.js';
import { GITOPS_ENGINES, type GitOpsEngine } from '../../lib/gitops/types.js';

/** Argo CD needs a repository URL; without one the Applications name this and a warning says so. */
export const PLACEHOLDER_REPO_URL = 'https://git.example.com/REPLACE-ME.git';
/** Where the default app writes the layout when CDK8S_OUTDIR is not set. */
export const DEFAULT_GITOPS_OUTDIR = 'dist/gitops';

export interface AppGitOpsOptions {
  readonly tree: GitOpsTreeOptions;
  /** Things to tell the user (a placeholder repository URL). */
  readonly warnings: readonly string[];
}

const VALUE_FLAGS: Readonly<Record<string, string>> = {
  '--gitops': 'MESHFORM_GITOPS',
  '--repo-url': 'MESHFORM_GITOPS_REPO_URL',
  '--revision': 'MESHFORM_GITOPS_REVISION',
  '--repo-path': 'MESHFORM_GITOPS_PATH',
  '--source-url': 'MESHFORM_GITOPS_SOURCE_URL',
  '--restart-namespaces': 'MESHFORM_GITOPS_RESTART_NAMESPACES',
};
const INLINE_KEYS_FLAG = '--gitops-inline-keys';
const INLINE_KEYS_VARIABLE = 'MESHFORM_GITOPS_INLINE_KEYS';

/** The settings by variable name: the environment, overridden by `--flag VALUE` / `--flag=VALUE` arguments. */
export function gitOpsSettings(argv: readonly string[], env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const issues = new IssueCollector();
  const settings: Record<string, string | undefined> = {};
  for (const variable of [...Object.values(VALUE_FLAGS), INLINE_KEYS_VARIABLE]) settings[variable] = env[variable] || undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === INLINE_KEYS_FLAG) {
      settings[INLINE_KEYS_VARIABLE] = '1';
    } else if (VALUE_FLAGS[flag]) {
      const next = argv[i + 1];
      const value = inline ?? (next === undefined || next.startsWith('--') ? undefined : argv[++i]);
      if (value === undefined) issues.add(flag, undefined, 'needs a value');
      else settings[VALUE_FLAGS[flag]] = value;
    } else {
      issues.add(argv[i], undefined, `unknown argument: the default app takes ${[...Object.keys(VALUE_FLAGS), INLINE_KEYS_FLAG].join(', ')}`);
    }
  }
  issues.throwIfAny('invalid arguments to the default app');
  return settings;
}

/** The layout options, or undefined when no engine is chosen (the app then writes numbered files). */
export function appGitOpsOptions(settings: Record<string, string | undefined>, outdir: string, cwd: string): AppGitOpsOptions | undefined {
  const engine = settings.MESHFORM_GITOPS;
  if (engine === undefined) return undefined;
  const issues = new IssueCollector();
  if (!(GITOPS_ENGINES as readonly string[]).includes(engine)) issues.add('MESHFORM_GITOPS', engine, `must be one of ${GITOPS_ENGINES.join(', ')}`);
  const inline = settings[INLINE_KEYS_VARIABLE];
  if (inline !== undefined && !['1', 'true'].includes(inline)) issues.add(INLINE_KEYS_VARIABLE, inline, 'must be 1 or true (unset: no private keys in the tree)');
  const fromCwd = relative(cwd, outdir);
  const repoPath = settings.MESHFORM_GITOPS_PATH ?? (isAbsolute(fromCwd) || fromCwd.startsWith('..') ? undefined : fromCwd.split(sep).join('/') || '.');
  if (repoPath === undefined) issues.add('MESHFORM_GITOPS_PATH', undefined, `is required when the outdir (${outdir}) is outside the working directory: its path in the repository`);
  issues.throwIfAny('invalid GitOps settings');

  const warnings: string[] = [];
  const repoURL = settings.MESHFORM_GITOPS_REPO_URL ?? PLACEHOLDER_REPO_URL;
  if (engine === 'argocd' && !settings.MESHFORM_GITOPS_REPO_URL) {
    warnings.push(`warning: no --repo-url (MESHFORM_GITOPS_REPO_URL): the Applications name ${PLACEHOLDER_REPO_URL}; set it to the repository this tree is committed to`);
  }
  const sourceUrl = settings.MESHFORM_GITOPS_SOURCE_URL;
  const flux: FluxOptions = sourceUrl ? { source: { url: sourceUrl, kind: sourceUrl.startsWith('oci://') ? 'OCIRepository' : 'GitRepository' } } : {};
  const restart = settings.MESHFORM_GITOPS_RESTART_NAMESPACES?.split(',').map((ns) => ns.trim());
  return {
    tree: {
      engine: engine as GitOpsEngine,
      repoPath,
      argocd: { repoURL, ...(settings.MESHFORM_GITOPS_REVISION ? { targetRevision: settings.MESHFORM_GITOPS_REVISION } : {}) },
      flux,
      ...(restart ? { rolloutRestart: { namespaces: restart } } : {}),
      inlineKeys: inline !== undefined,
    },
    warnings,
  };
}

/** Whether the arguments or environment ask for a GitOps layout (decides the default outdir). */
export function wantsGitOps(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.MESHFORM_GITOPS) || argv.some((a) => a === '--gitops' || a.startsWith('--gitops='));
}
