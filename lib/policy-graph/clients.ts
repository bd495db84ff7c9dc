/**
 * The clients an authentication or default policy admits, as graph edges: the workloads whose
 * identity matches, or a cluster-wide node (any client, a network, an identity no workload here has).
 */
import { identityMatches, serviceAccountIdentity, type IdentityDomain } from '../traffic-check/identity.js';
import { listOf, stringOf, type IndexedObject, type JsonMap, type ObjectIndex } from '../traffic-check/objects.js';
import type { PodTemplate } from '../traffic-check/workloads.js';
import type { GraphBuilder } from './graph-builder.js';
import type { Mark } from './model.js';

/** What every step of the graph reads and writes. */
export interface GraphContext {
  readonly index: ObjectIndex;
  readonly templates: readonly PodTemplate[];
  readonly mesh: IdentityDomain;
  readonly g: GraphBuilder;
  /** Servers some authorization (or their access policy) reaches. */
  readonly reached: Set<string>;
  /** Inbound route id → the Servers it is attached to. */
  readonly routeServers: Map<string, string[]>;
}

const EVERYONE_NETWORKS = new Set(['0.0.0.0/0', '::/0']);

/** A network admitting every address: `0.0.0.0/0` or `::/0` without exceptions. */
export function isEveryoneNetwork(network: JsonMap): boolean {
  return EVERYONE_NETWORKS.has(stringOf(network.cidr) ?? '') && !listOf(network.except).length;
}

/** The mark of a default/access policy: anything but `deny` admits clients nobody named. */
export function policyMark(policy: string): Mark | undefined {
  if (policy === 'deny') return undefined;
  return policy === 'audit' ? 'audit' : 'everyone';
}

const POLICY_CLIENTS: Readonly<Record<string, string>> = {
  'all-unauthenticated': 'any client, any network (unauthenticated)',
  'all-authenticated': 'any meshed client (any identity)',
  'cluster-unauthenticated': 'any client in the cluster networks (unauthenticated)',
  'cluster-authenticated': 'any meshed client in the cluster networks',
  audit: 'any client (audit: allowed and logged)',
};

export const workloadId = (t: PodTemplate): string => `workload:${t.owner.namespace}/${t.owner.kind}/${t.owner.name}`;
export const objectId = (prefix: string, o: IndexedObject): string => `${prefix}:${o.namespace}/${o.kind}/${o.name}`;

function clientNode(ctx: GraphContext, id: string, line: string, mark?: Mark): string {
  return ctx.g.node({ id: `clients:${id}`, kind: 'clients', lines: [line], mark });
}

/** The clients a default policy name (`all-unauthenticated`, `audit`, ...) admits, into `to`. */
export function admitPolicy(ctx: GraphContext, policy: string, to: string, label: string): void {
  const mark = policyMark(policy);
  ctx.g.edge({ from: clientNode(ctx, `default/${policy}`, POLICY_CLIENTS[policy] ?? policy, mark), to, label, mark });
}

/** Edges from every client an identity pattern admits into `to`. */
export function admitIdentity(ctx: GraphContext, pattern: string, to: string): void {
  // `*` admits every workload: one "any meshed identity" node says it without an edge from each.
  if (pattern === '*') {
    ctx.g.edge({ from: clientNode(ctx, 'any-identity', 'any meshed identity (*)', 'everyone'), to, label: 'identity *', mark: 'everyone' });
    return;
  }
  const matching = ctx.templates.filter((t) => identityMatches(pattern, serviceAccountIdentity(t.serviceAccountName, t.owner.namespace, ctx.mesh)));
  if (!matching.length) ctx.g.edge({ from: clientNode(ctx, `identity/${pattern}`, pattern), to, label: 'identity' });
  for (const t of matching) ctx.g.edge({ from: workloadId(t), to, label: pattern.startsWith('*.') ? 'namespace identity' : 'identity' });
}

/** Edges from each network into `to`; an every-address network is marked. */
export function admitNetworks(ctx: GraphContext, networks: readonly JsonMap[], to: string): void {
  for (const n of networks) {
    const except = listOf(n.except).filter((e): e is string => typeof e === 'string');
    const line = `network ${stringOf(n.cidr) ?? ''}${except.length ? ` except ${except.join(', ')}` : ''}`;
    const mark: Mark | undefined = isEveryoneNetwork(n) ? 'everyone' : undefined;
    ctx.g.edge({ from: clientNode(ctx, `network/${line}`, line, mark), to, label: 'network', mark });
  }
}
