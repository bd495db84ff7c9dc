/**
 * A namespace's egress in one call: an EgressNetwork (deny by default) and one route per allowed
 * destination, e.g. only `api.github.com:443` out of `emojivoto`.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import type { EgressTrafficPolicy } from './api.js';
import { buildEgressNetwork } from './egress-network.js';
import { buildEgressRoute, checkEgressAllows, type EgressAllowSpec } from './egress-routes.js';
import { buildOrThrow } from './meta.js';
import type { NetworkSpec } from './networks.js';

export interface EgressPolicySpec {
  /** The namespace whose clients the policy applies to (`linkerd-egress`: every namespace). */
  readonly namespace: string;
  /** @default 'egress' */
  readonly name?: string;
  /** What leaves; empty with `Deny` means nothing leaves. */
  readonly allow: readonly EgressAllowSpec[];
  /** What happens to everything else. @default 'Deny' */
  readonly trafficPolicy?: EgressTrafficPolicy;
  /** The external networks covered. @default - every address outside the cluster networks */
  readonly networks?: readonly NetworkSpec[];
}

export const DEFAULT_EGRESS_NETWORK_NAME = 'egress';

/** Collects the problems of `spec` under `at`; the EgressNetwork first, then its routes. */
export function buildEgressPolicy(spec: EgressPolicySpec, at: string, issues: IssueCollector): KubeObject[] {
  const name = spec.name ?? DEFAULT_EGRESS_NETWORK_NAME;
  const network = buildEgressNetwork({ name, namespace: spec.namespace, trafficPolicy: spec.trafficPolicy ?? 'Deny', networks: spec.networks }, at, issues);
  const allows = spec.allow ?? [];
  checkEgressAllows(allows, joinPath(at, 'allow'), issues);
  const routes = allows.map((a) => buildEgressRoute(a, name, spec.namespace));
  return [network, ...routes];
}

/** The objects of `spec`; throws a MeshformError with every problem found. */
export function egressPolicyObjects(spec: EgressPolicySpec, at = `${spec.namespace}/${spec.name ?? DEFAULT_EGRESS_NETWORK_NAME}`): KubeObject[] {
  return buildOrThrow('egress policy', at, (issues) => buildEgressPolicy(spec, at, issues));
}
