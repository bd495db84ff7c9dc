/**
 * Rolling meshed workloads on a mesh upgrade. In annotation mode the webhook injects the proxy at pod
 * admission, so nothing in a workload's manifest changes when the mesh's proxy version or trust
 * anchors change, and its pods keep the old proxy (or distrust the new roots) until something else
 * restarts them. A pod-template annotation derived from both makes the template differ, so the
 * workload controller rolls the pods exactly when one of them changes, and never otherwise.
 */
import { createHash } from 'node:crypto';
import { resolveMeshReference } from '../mesh-reference/resolve.js';
import type { MeshReference } from '../mesh-reference/types.js';
import { proxyVersion } from '../proxy/images.js';
import type { MeshValues } from '../values/mesh/types.js';

export const MESH_REVISION_ANNOTATION = 'meshform.io/mesh-revision';

/** Hex digits of the digest kept: plenty to tell bundles apart, short enough to read. */
const DIGEST_CHARS = 16;

/** What the revision is made of. */
interface RevisionFacts {
  readonly proxyVersion: string;
  readonly trustAnchorsPem?: string;
  readonly trustDomain: string;
}

/**
 * `<proxy version>.<16 hex digits>`, e.g. `edge-26.8.3.9f86d081884c7d65`: the digits are the sha256
 * of the trust anchors; without anchors (a reference for annotation mode only, or an external CA's
 * values) they are the sha256 of the proxy version and trust domain, never of an empty string — such
 * a revision rolls pods on a proxy upgrade but cannot see an anchor rotation.
 */
function revisionOf(facts: RevisionFacts): string {
  const anchors = facts.trustAnchorsPem?.trim() ? facts.trustAnchorsPem : undefined;
  const digested = anchors ?? `proxy-version=${facts.proxyVersion}\ntrust-domain=${facts.trustDomain}`;
  return `${facts.proxyVersion}.${createHash('sha256').update(digested).digest('hex').slice(0, DIGEST_CHARS)}`;
}

/** The revision of the control plane's resolved values. */
export function meshRevision(values: MeshValues): string {
  return revisionOf({
    proxyVersion: proxyVersion(values),
    trustAnchorsPem: values.identityTrustAnchorsPEM,
    trustDomain: values.identityTrustDomain || values.clusterDomain,
  });
}

/** The revision of a mesh reference (validated: throws a MeshformError naming the bad field). */
export function meshReferenceRevision(reference: MeshReference): string {
  return revisionOf(resolveMeshReference(reference).reference);
}
