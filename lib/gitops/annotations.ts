/**
 * The Argo CD and Flux annotation names the layout writes, named once. (Linkerd's own names, and the
 * cert-manager CA-injection annotations its charts write, live in lib/k8s/labels.ts.)
 */

/** Argo CD: the wave an object (here: a phase's Application) syncs in; lower waves first. */
export const ARGOCD_SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/** Argo CD: per-object sync options, comma-separated. */
export const ARGOCD_SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** Never pruned by a sync, never deleted with the Application, always applied server-side. */
export const ARGOCD_PROTECTED_SYNC_OPTIONS = 'Prune=false,Delete=false,ServerSideApply=true';
/** Flux kustomize-controller: `disabled` keeps an object when it leaves the source (or the Kustomization goes). */
export const FLUX_PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';
export const FLUX_PRUNE_DISABLED = 'disabled';
/** On the restart Job: the value its name derives from (by default the mesh revision). */
export const ROLLOUT_TRIGGER_ANNOTATION = 'meshform.io/rollout-trigger';
