/**
 * The GitOps layout's model: install phases in apply order, each written to its own directory, and
 * what one engine (Argo CD, Flux, or plain `kubectl`) needs to apply them in that order.
 */
import type { KubeObject } from '../manifest.js';

/** The engines the layout writes for. */
export const GITOPS_ENGINES = ['argocd', 'flux', 'plain'] as const;
export type GitOpsEngine = (typeof GITOPS_ENGINES)[number];

/** One install phase: a chart's objects, in apply order among the phases. */
export interface GitOpsPhase {
  /** The phase name (the chart id), e.g. `crds`, `control-plane`, `viz`. */
  readonly name: string;
  /** Where the objects came from (a construct path), for messages. */
  readonly source: string;
  readonly objects: readonly KubeObject[];
}

/** One file of the layout, relative to the output directory. */
export interface GitOpsFile {
  /** POSIX path relative to the output directory, e.g. `02-control-plane/control-plane.yaml`. */
  readonly path: string;
  readonly text: string;
  /** 0600 for a file holding a Secret, 0755 for a script, else 0644. */
  readonly mode: number;
}
