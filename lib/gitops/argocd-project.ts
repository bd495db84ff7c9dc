/**
 * The AppProject of the phase Applications, limited to what the render needs: the one repository,
 * the namespaces the phases write to, and exactly the kinds they emit — cluster-scoped and namespaced
 * — computed from the objects. It syncs in wave -1 of the root, before the Applications that name it.
 */
import type { KubeObject } from '../manifest.js';
import { ARGOCD_SYNC_WAVE_ANNOTATION } from './annotations.js';
import { ARGOCD_API } from './argocd-applications.js';
import type { ResolvedArgoCdOptions } from './argocd-options.js';
import { groupKinds, isClusterScoped, namespacesOf } from './object-scope.js';

export function argoCdProject(objects: readonly KubeObject[], options: ResolvedArgoCdOptions, extraNamespaces: readonly string[]): KubeObject {
  const namespaces = [...new Set([...namespacesOf(objects), ...extraNamespaces])].sort();
  return {
    apiVersion: ARGOCD_API,
    kind: 'AppProject',
    metadata: { name: options.project, namespace: options.namespace, annotations: { [ARGOCD_SYNC_WAVE_ANNOTATION]: '-1' } },
    spec: {
      description: 'The Linkerd mesh as meshform renders it: only its repository, namespaces and kinds',
      sourceRepos: [options.repoURL],
      destinations: namespaces.map((namespace) => ({ server: options.server, namespace })),
      clusterResourceWhitelist: groupKinds(objects.filter(isClusterScoped)),
      namespaceResourceWhitelist: groupKinds(objects.filter((o) => !isClusterScoped(o))),
    },
  };
}
