/**
 * EgressNetwork (`policy.linkerd.io/v1alpha1`): destinations outside the cluster, for clients in the
 * object's namespace (or every namespace, in the global egress namespace `linkerd-egress`).
 * `trafficPolicy` decides what happens to traffic no route attached to it matches.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { EGRESS_NETWORK_API_VERSION, EGRESS_TRAFFIC_POLICIES, type EgressTrafficPolicy } from './api.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';
import { checkNetworks, renderNetworks, type NetworkSpec } from './networks.js';

export interface EgressNetworkSpec {
  /** `Deny`: only traffic an attached route matches leaves; `Allow`: everything leaves, routes add control. */
  readonly trafficPolicy: EgressTrafficPolicy;
  /**
   * The external networks covered (non-empty if given; must not overlap the cluster networks).
   * @default - every address outside the cluster networks
   */
  readonly networks?: readonly NetworkSpec[];
}

export type EgressNetworkObjectSpec = EgressNetworkSpec & PolicyObjectMeta;

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildEgressNetwork(spec: EgressNetworkObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  if (!EGRESS_TRAFFIC_POLICIES.includes(spec.trafficPolicy)) {
    issues.add(joinPath(at, 'trafficPolicy'), spec.trafficPolicy, `must be one of ${EGRESS_TRAFFIC_POLICIES.join(', ')}`);
  }
  if (spec.networks !== undefined && spec.networks.length === 0) {
    issues.add(joinPath(at, 'networks'), [], 'must not be empty (Linkerd refuses it): omit networks for everything outside the cluster');
  }
  checkNetworks(spec.networks ?? [], joinPath(at, 'networks'), issues);
  return {
    apiVersion: EGRESS_NETWORK_API_VERSION,
    kind: 'EgressNetwork',
    metadata: renderMeta(spec),
    spec: { ...(spec.networks ? { networks: renderNetworks(spec.networks) } : {}), trafficPolicy: spec.trafficPolicy },
  };
}

/** The EgressNetwork for `spec`; throws a MeshformError with every problem found. */
export function egressNetworkObject(spec: EgressNetworkObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('EgressNetwork', at, (issues) => buildEgressNetwork(spec, at, issues));
}
