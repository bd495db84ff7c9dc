/**
 * Image references of the containers the proxy partials add. The proxy image also carries
 * proxy-init, the network validator and linkerd-await, so all three use it; tags fall back to
 * `linkerdVersion` and pull policies to the global `imagePullPolicy`, as upstream's templates do.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ImageValues, MeshValues } from '../values/mesh/types.js';

/** `Always`, `IfNotPresent` or `Never` (values validation rejects anything else). */
export type PullPolicy = NonNullable<IContainer['imagePullPolicy']>;

/** A pull-policy value (or the global fallback when it is empty). */
export function pullPolicy(value: string, fallback: string): PullPolicy {
  return (value || fallback) as PullPolicy;
}

function reference(image: ImageValues, linkerdVersion: string): string {
  return `${image.name}:${image.version || linkerdVersion}`;
}

/** `proxy.image.name:(proxy.image.version | default linkerdVersion)`. */
export function proxyImage(values: MeshValues): string {
  return reference(values.proxy.image, values.linkerdVersion);
}

/** The `linkerd.io/proxy-version` annotation value (the proxy image's tag). */
export function proxyVersion(values: MeshValues): string {
  return values.proxy.image.version || values.linkerdVersion;
}

export function proxyImagePullPolicy(values: MeshValues): PullPolicy {
  return pullPolicy(values.proxy.image.pullPolicy, values.imagePullPolicy);
}

export function debugImage(values: MeshValues): string {
  return reference(values.debugContainer.image, values.linkerdVersion);
}

export function debugImagePullPolicy(values: MeshValues): PullPolicy {
  return pullPolicy(values.debugContainer.image.pullPolicy, values.imagePullPolicy);
}
