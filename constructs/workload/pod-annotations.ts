/**
 * The annotations every annotation-mode helper puts on a pod template (or namespace): the inject
 * switch, the typed proxy overrides, and the mesh revision that rolls pods on a mesh upgrade.
 */
import { INJECT_ANNOTATION, INJECT_ENABLED, INJECT_INGRESS } from '../../lib/inject/keys.js';
import { proxyConfigAnnotations } from '../../lib/proxy-config/annotations.js';
import { MESH_REVISION_ANNOTATION } from '../../lib/proxy-config/revision.js';
import type { MeshNamespaceOptions, MeshWorkloadOptions } from './options.js';
import { workloadMesh } from './workload-mesh.js';

/** `linkerd.io/inject` plus the ProxyConfig annotations (validated: throws a MeshformError). */
export function injectAnnotations(options: MeshNamespaceOptions): Record<string, string> {
  return {
    [INJECT_ANNOTATION]: options.ingressMode ? INJECT_INGRESS : INJECT_ENABLED,
    ...proxyConfigAnnotations(options.proxyConfig ?? {}),
  };
}

/** The revision annotation, unless the caller opted out. */
export function revisionAnnotations(options: MeshWorkloadOptions): Record<string, string> {
  return options.rollOnMeshChange === false ? {} : { [MESH_REVISION_ANNOTATION]: workloadMesh(options).revision };
}

/** Everything an annotation-mode pod template gets. */
export function podTemplateAnnotations(options: MeshWorkloadOptions): Record<string, string> {
  return { ...injectAnnotations(options), ...revisionAnnotations(options) };
}
