/**
 * The whole GitOps layout as files: a directory per phase (objects + kustomization.yaml), and the
 * chosen engine's objects — Argo CD Applications, app-of-apps root and AppProject; Flux
 * Kustomizations (and source); or the plain apply script. Pure: same phases and options, same bytes.
 */
import { IssueCollector, MeshformError } from '../errors.js';
import { toYamlStream, type KubeObject } from '../manifest.js';
import { PRIVATE_FILE_MODE } from '../fs/atomic-write.js';
import { applyScript } from './apply-script.js';
import { argoCdPhaseApplications, argoCdRootApplication } from './argocd-applications.js';
import { argoCdHealthConfigMap } from './argocd-health.js';
import { checkArgoCdOptions, resolveArgoCdOptions, type ArgoCdOptions } from './argocd-options.js';
import { argoCdProject } from './argocd-project.js';
import { checkFluxOptions, fluxKustomizations, fluxSource, type FluxOptions } from './flux.js';
import { mainNamespace } from './object-scope.js';
import { engineObjects, kustomizationText, phaseDirectory, phaseFileName } from './phase-directory.js';
import { privateKeyFields } from './private-keys.js';
import { checkRepoPath, repoJoin } from './repo-path.js';
import { checkRolloutRestartOptions, rolloutRestartObjects, type RolloutRestartOptions } from './rollout-restart.js';
import { GITOPS_ENGINES, type GitOpsEngine, type GitOpsFile, type GitOpsPhase } from './types.js';

export interface GitOpsTreeOptions {
  readonly engine: GitOpsEngine;
  /**
   * Where the output directory is inside the repository (the Applications' and Kustomizations' paths start there).
   * @default '.' (the repository's root)
   */
  readonly repoPath?: string;
  /** Argo CD's parameters; required with engine `argocd` (its `repoURL` at least). @default - none */
  readonly argocd?: ArgoCdOptions;
  /** Flux's parameters. @default - the defaults of FluxOptions */
  readonly flux?: FluxOptions;
  /**
   * Add the restart phase after the others (Argo CD, Flux), or its `kubectl rollout restart`
   * commands to the apply script (plain). `trigger` and `namespace` are required here (synthGitOps sets them).
   * @default - no restart phase
   */
  readonly rolloutRestart?: RolloutRestartOptions;
  /**
   * Allow private keys (a generated identity's Secrets) in the tree; each is then reported in `warnings`.
   * @default false - a private key in a phase is an error
   */
  readonly inlineKeys?: boolean;
}

export interface GitOpsTree {
  readonly files: readonly GitOpsFile[];
  /** What the caller must tell the user (private keys written with `inlineKeys`). */
  readonly warnings: readonly string[];
}

/** The name of the restart phase (its directory: `<nn>-rollout-restart`). */
export const ROLLOUT_RESTART_PHASE = 'rollout-restart';
/** Engine files' directories in the tree. */
export const ARGOCD_DIRECTORY = 'argocd';
export const ARGOCD_APPS_DIRECTORY = 'argocd/apps';
/** The argocd-cm key enabling Application health (outside argocd/apps: the root does not apply it). */
export const ARGOCD_HEALTH_CONFIG = 'argocd/argocd-cm-health.yaml';
export const FLUX_DIRECTORY = 'flux';
export const APPLY_SCRIPT = 'apply.sh';

interface LaidOutPhase {
  readonly name: string;
  readonly directory: string;
  readonly repoDirectory: string;
  readonly file: string;
  readonly objects: readonly KubeObject[];
}

export function gitOpsTree(chartPhases: readonly GitOpsPhase[], options: GitOpsTreeOptions): GitOpsTree {
  checkTreeOptions(options);
  const repoPath = options.repoPath ?? '.';
  const restart = options.engine === 'plain' ? undefined : options.rolloutRestart;
  // checkTreeOptions made sure a restart phase has its namespace and trigger.
  const restartObjects = restart && rolloutRestartObjects(restart as Parameters<typeof rolloutRestartObjects>[0]);
  const withRestart = restartObjects ? [...chartPhases, { name: ROLLOUT_RESTART_PHASE, source: ROLLOUT_RESTART_PHASE, objects: restartObjects }] : chartPhases;
  const phases: LaidOutPhase[] = withRestart.map((phase, index) => {
    const directory = phaseDirectory(index, phase);
    return { name: phase.name, directory, repoDirectory: repoJoin(repoPath, directory), file: phaseFileName(phase), objects: engineObjects(phase, options.engine) };
  });
  const warnings = privateKeyWarnings(withRestart, phases, options.inlineKeys ?? false);

  const files: GitOpsFile[] = phases.flatMap((phase) => [
    { path: `${phase.directory}/${phase.file}`, text: toYamlStream(phase.objects), mode: phase.objects.some((o) => o.kind === 'Secret') ? PRIVATE_FILE_MODE : 0o644 },
    { path: `${phase.directory}/kustomization.yaml`, text: kustomizationText([phase.file]), mode: 0o644 },
  ]);
  files.push(...engineFiles(phases, options, repoPath));
  return { files, warnings };
}

function engineFiles(phases: readonly LaidOutPhase[], options: GitOpsTreeOptions, repoPath: string): GitOpsFile[] {
  const yamlFile = (path: string, objects: readonly KubeObject[]): GitOpsFile => ({ path, text: toYamlStream(objects), mode: 0o644 });
  const allObjects = phases.flatMap((p) => p.objects);
  if (options.engine === 'argocd') {
    const argocd = resolveArgoCdOptions(options.argocd as ArgoCdOptions);
    // Cluster-scoped phases (the CRDs) still need a destination namespace the project allows: the mesh's.
    const fallbackNamespace = allObjects.find((o) => o.kind === 'Namespace' && o.apiVersion === 'v1')?.metadata?.name ?? mainNamespace(allObjects) ?? 'default';
    const applications = argoCdPhaseApplications(phases, argocd, fallbackNamespace);
    return [
      yamlFile(`${ARGOCD_DIRECTORY}/root.yaml`, [argoCdRootApplication(repoJoin(repoPath, ARGOCD_APPS_DIRECTORY), argocd)]),
      yamlFile(ARGOCD_HEALTH_CONFIG, [argoCdHealthConfigMap(argocd.namespace)]),
      yamlFile(`${ARGOCD_APPS_DIRECTORY}/project.yaml`, [argoCdProject(allObjects, argocd, [fallbackNamespace])]),
      ...phases.map((phase, i) => yamlFile(`${ARGOCD_APPS_DIRECTORY}/${phase.directory}.yaml`, [applications[i]])),
    ];
  }
  if (options.engine === 'flux') {
    const source = fluxSource(options.flux);
    const listed = [...(source ? ['source.yaml'] : []), 'kustomizations.yaml'];
    return [
      ...(source ? [yamlFile(`${FLUX_DIRECTORY}/source.yaml`, [source])] : []),
      yamlFile(`${FLUX_DIRECTORY}/kustomizations.yaml`, fluxKustomizations(phases, options.flux)),
      { path: `${FLUX_DIRECTORY}/kustomization.yaml`, text: kustomizationText(listed), mode: 0o644 },
    ];
  }
  const script = applyScript(phases, options.rolloutRestart?.namespaces ?? []);
  return [{ path: APPLY_SCRIPT, text: script, mode: 0o755 }];
}

function checkTreeOptions(options: GitOpsTreeOptions): void {
  const issues = new IssueCollector();
  if (!(GITOPS_ENGINES as readonly string[]).includes(options.engine)) issues.add('engine', options.engine, `must be one of ${GITOPS_ENGINES.join(', ')}`);
  if (options.repoPath !== undefined) checkRepoPath(issues, 'repoPath', options.repoPath);
  if (options.engine === 'argocd') checkArgoCdOptions(issues, options.argocd);
  if (options.engine === 'flux') checkFluxOptions(issues, options.flux ?? {});
  if (options.rolloutRestart) {
    checkRolloutRestartOptions(issues, options.rolloutRestart);
    if (options.engine !== 'plain') {
      if (options.rolloutRestart.trigger === undefined) issues.add('rolloutRestart.trigger', undefined, 'is required: the value the restart Job is named after (synthGitOps sets the mesh revision)');
      if (options.rolloutRestart.namespace === undefined) issues.add('rolloutRestart.namespace', undefined, "is required: the Job's namespace (synthGitOps sets the control plane's)");
    }
  }
  issues.throwIfAny('invalid GitOps layout options');
}

/** Refuses private keys unless `inlineKeys`; with it, one warning per object holding one. */
function privateKeyWarnings(sources: readonly GitOpsPhase[], phases: readonly LaidOutPhase[], inlineKeys: boolean): string[] {
  const found = phases.flatMap((phase, i) =>
    phase.objects.flatMap((o) => {
      const fields = privateKeyFields(o);
      const where = `${sources[i].source}/${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? ''}`;
      return fields.length ? [{ where, fields, file: `${phase.directory}/${phase.file}` }] : [];
    }),
  );
  if (!found.length) return [];
  if (!inlineKeys) {
    throw new MeshformError(
      'refusing to write private keys into a GitOps tree (nothing written): use cert-manager identity (identity: { certManager: {} }), or allow them explicitly with inlineKeys (--gitops-inline-keys) and encrypt the files before committing',
      found.flatMap((f) => f.fields.map((field) => ({ path: `${f.where}.${field}`, value: undefined, message: 'holds a private key' }))),
    );
  }
  return found.map((f) => `warning: ${f.file} holds a private key (${f.where}: ${f.fields.join(', ')}); do not commit it unencrypted`);
}
