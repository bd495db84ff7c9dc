/**
 * Rolling meshed workloads on a mesh upgrade. In annotation mode the webhook injects the proxy at pod
 * admission, so nothing in a workload's manifest changes when the mesh's proxy version or trust
 * anchors change, and its pods keep the old proxy (or distrust the new roots) until something else
 * restarts them. A pod-template annotation derived from both makes the template differ, so the
 * workload controller rolls the pods exactly when one of them changes, and never otherwise.
 */
import { proxyVersion } from '../proxy/images.js';
import { trustRootSha256 } from '../proxy/metadata.js';
import type { MeshValues } from '../values/mesh/types.js';

export const MESH_REVISION_ANNOTATION = 'meshform.io/mesh-revision';

/** Hex digits of the trust-anchor digest kept: plenty to tell bundles apart, short enough to read. */
const DIGEST_CHARS = 16;

/** `<proxy version>.<sha256 of the trust anchors, first 16 hex digits>`, e.g. `edge-26.8.3.9f86d081884c7d65`. */
export function meshRevision(values: MeshValues): string {
  return `${proxyVersion(values)}.${trustRootSha256(values).slice(0, DIGEST_CHARS)}`;
}
