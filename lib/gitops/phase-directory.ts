/**
 * One directory per phase (`<nn>-<phase>/`): the phase's objects in one file and a
 * `kustomization.yaml` listing it, so `kubectl kustomize`, Argo CD and Flux all build exactly the
 * phase. CRDs and namespaces are marked for the engine so that no sync ever prunes or deletes them:
 * deleting a CRD deletes every resource of its kind, deleting a namespace everything in it.
 */
import { toYaml, type KubeObject } from '../manifest.js';
import {
  ARGOCD_PROTECTED_SYNC_OPTIONS,
  ARGOCD_SYNC_OPTIONS_ANNOTATION,
  FLUX_PRUNE_ANNOTATION,
  FLUX_PRUNE_DISABLED,
} from './annotations.js';
import type { GitOpsEngine, GitOpsPhase } from './types.js';

/** Kinds whose removal by a sync would take other objects with it. */
const PROTECTED_KINDS: ReadonlySet<string> = new Set(['CustomResourceDefinition', 'Namespace']);

/** `00-crds`, `02-control-plane`, ...: numbered in apply order. */
export function phaseDirectory(index: number, phase: Pick<GitOpsPhase, 'name'>): string {
  return `${String(index).padStart(2, '0')}-${phase.name}`;
}

/** The file in a phase directory holding its objects. */
export function phaseFileName(phase: Pick<GitOpsPhase, 'name'>): string {
  return `${phase.name}.yaml`;
}

export function isProtected(object: KubeObject): boolean {
  return PROTECTED_KINDS.has(object.kind) && isBuiltInCore(object);
}

function isBuiltInCore(object: KubeObject): boolean {
  return object.apiVersion === 'v1' || object.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** The annotations that keep a protected object out of the engine's pruning. */
function protectionAnnotations(engine: GitOpsEngine): Readonly<Record<string, string>> {
  if (engine === 'argocd') return { [ARGOCD_SYNC_OPTIONS_ANNOTATION]: ARGOCD_PROTECTED_SYNC_OPTIONS };
  if (engine === 'flux') return { [FLUX_PRUNE_ANNOTATION]: FLUX_PRUNE_DISABLED };
  return {};
}

/** The phase's objects as the engine should apply them (a copy: the input is left alone). */
export function engineObjects(phase: GitOpsPhase, engine: GitOpsEngine): KubeObject[] {
  const extra = protectionAnnotations(engine);
  if (!Object.keys(extra).length) return [...phase.objects];
  return phase.objects.map((object) => {
    if (!isProtected(object)) return object;
    const metadata = object.metadata ?? {};
    const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}), ...extra };
    return { ...object, metadata: { ...metadata, annotations } };
  });
}

/** The `kustomization.yaml` of a phase directory: its one file, nothing transformed. */
export function kustomizationText(resources: readonly string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] });
}
