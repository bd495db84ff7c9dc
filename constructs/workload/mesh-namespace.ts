/**
 * `meshNamespace`: every pod created in the namespace is meshed by the webhook, with the namespace's
 * `config.linkerd.io/*` values as defaults (a pod's own annotations win). Namespaces get no revision
 * annotation: changing a namespace never restarts its pods, so it could not roll them anyway.
 */
import type { ApiObjectMetadataDefinition } from 'cdk8s';
import type { MeshNamespaceOptions } from './options.js';
import { injectAnnotations } from './pod-annotations.js';

/** Anything with cdk8s metadata: a cdk8s-plus `Namespace`, or a raw `ApiObject` of kind Namespace. */
export interface HasMetadata {
  readonly metadata: ApiObjectMetadataDefinition;
}

export function meshNamespace(namespace: HasMetadata, options: MeshNamespaceOptions = {}): void {
  for (const [key, value] of Object.entries(injectAnnotations(options))) namespace.metadata.addAnnotation(key, value);
}
