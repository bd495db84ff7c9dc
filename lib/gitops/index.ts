/** The GitOps layout (framework-free): phase directories and the Argo CD, Flux or plain objects that apply them in order. */
export * from './types.js';
export * from './annotations.js';
export { CERT_MANAGER_CA_INJECTION_ANNOTATIONS } from '../k8s/labels.js';
export { phaseDirectory, phaseFileName, engineObjects, isProtected, kustomizationText } from './phase-directory.js';
export * from './object-scope.js';
export * from './readiness.js';
export * from './argocd-options.js';
export * from './argocd-applications.js';
export * from './argocd-project.js';
export * from './argocd-health.js';
export * from './flux.js';
export * from './rollout-restart.js';
export * from './apply-script.js';
export * from './private-keys.js';
export * from './tree.js';
export * from './write-tree.js';
