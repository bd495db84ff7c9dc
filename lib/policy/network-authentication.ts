/**
 * NetworkAuthentication (`policy.linkerd.io/v1alpha1`): clients authenticated by source address.
 * Alone it admits unauthenticated (plaintext) clients from those networks; next to a
 * MeshTLSAuthentication in one AuthorizationPolicy, a client must match both.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { NETWORK_AUTHENTICATION_API_VERSION } from './api.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';
import { checkNetworks, renderNetworks, type NetworkSpec } from './networks.js';

export interface NetworkAuthenticationSpec {
  /** The client networks (at least one; `ALL_NETWORKS` for any address). */
  readonly networks: readonly NetworkSpec[];
}

export type NetworkAuthenticationObjectSpec = NetworkAuthenticationSpec & PolicyObjectMeta;

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildNetworkAuthentication(spec: NetworkAuthenticationObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  if (!spec.networks?.length) issues.add(joinPath(at, 'networks'), spec.networks, 'must list at least one network (Linkerd refuses an empty list)');
  checkNetworks(spec.networks ?? [], joinPath(at, 'networks'), issues);
  return {
    apiVersion: NETWORK_AUTHENTICATION_API_VERSION,
    kind: 'NetworkAuthentication',
    metadata: renderMeta(spec),
    spec: { networks: renderNetworks(spec.networks ?? []) },
  };
}

/** The NetworkAuthentication for `spec`; throws a MeshformError with every problem found. */
export function networkAuthenticationObject(spec: NetworkAuthenticationObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('NetworkAuthentication', at, (issues) => buildNetworkAuthentication(spec, at, issues));
}
