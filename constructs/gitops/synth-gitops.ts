/**
 * `synthGitOps(app, outdir, options)`: the app's charts as a GitOps layout (lib/gitops) — one
 * directory per phase in the order `synthPhases` numbers them (app.charts is sorted by the charts'
 * dependencies), plus the chosen engine's Argo CD, Flux or plain files — written so that two synths
 * of the same app are byte-identical and a failed write changes nothing.
 */
import type { App } from 'cdk8s';
import { meshRevision } from '../../lib/proxy-config/revision.js';
import { gitOpsTree, type GitOpsTreeOptions } from '../../lib/gitops/tree.js';
import type { GitOpsPhase } from '../../lib/gitops/types.js';
import { writeGitOpsTree, type WriteTreeOptions } from '../../lib/gitops/write-tree.js';
import { chartObjects } from '../kube-object.js';
import { Mesh } from '../mesh.js';

export interface SynthGitOpsOptions extends GitOpsTreeOptions, WriteTreeOptions {
  /**
   * Where warnings go (private keys written with `inlineKeys`).
   * @default - standard error
   */
  readonly log?: (message: string) => void;
}

/** The app's charts as GitOps phases, in apply order. */
export function gitOpsPhases(app: App): GitOpsPhase[] {
  return app.charts.map((chart) => ({ name: chart.node.id, source: chart.node.path, objects: chartObjects(chart) }));
}

/** Writes the layout to `outdir` and returns the paths written (relative to it). */
export function synthGitOps(app: App, outdir: string, options: SynthGitOpsOptions): string[] {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const tree = gitOpsTree(gitOpsPhases(app), { ...options, rolloutRestart: withMeshDefaults(app, options.rolloutRestart) });
  for (const warning of tree.warnings) log(`meshform: ${warning}`);
  return writeGitOpsTree(outdir, tree.files, options);
}

/** The restart Job runs in the mesh's namespace and is named after its revision, unless told otherwise. */
function withMeshDefaults(app: App, restart: GitOpsTreeOptions['rolloutRestart']): GitOpsTreeOptions['rolloutRestart'] {
  if (!restart) return undefined;
  const mesh = app.node.findAll().find((c): c is Mesh => c instanceof Mesh);
  if (!mesh) return restart;
  return { ...restart, namespace: restart.namespace ?? mesh.namespace, trigger: restart.trigger ?? meshRevision(mesh.values) };
}
