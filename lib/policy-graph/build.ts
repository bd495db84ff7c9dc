/**
 * Who may call whom, read from rendered manifests: workloads (pod templates and their identities),
 * Servers and the pods they select, inbound routes, authorizations with the clients they admit, and
 * EgressNetworks with the routes that let traffic out (TRAFFIC.md §1, §5, §6). Each step adds one
 * kind of object; the last marks the Servers nothing reaches.
 */
import { ANNOTATIONS } from '../k8s/labels.js';
import type { KubeObject } from '../manifest.js';
import { identityDomain, type MeshIdentityContext } from '../traffic-check/identity.js';
import { annotationsOf, isMap, listOf, mapsOf, ObjectIndex, specOf, stringOf, type IndexedObject } from '../traffic-check/objects.js';
import { localKey } from '../traffic-check/policy.js';
import { isRoute, parentKey, parentKind } from '../traffic-check/routes.js';
import { podTemplates, selectedTemplates } from '../traffic-check/workloads.js';
import { addAuthentications, addAuthorizationPolicies, addServerAuthorizations } from './authorizations.js';
import { admitPolicy, objectId, policyMark, workloadId, type GraphContext } from './clients.js';
import { GraphBuilder } from './graph-builder.js';
import type { PolicyGraph } from './model.js';

export interface PolicyGraphOptions extends MeshIdentityContext {
  /**
   * The cluster-wide default inbound policy (`proxy.defaultInboundPolicy`), for pods whose namespace
   * and template set none.
   * @default 'all-unauthenticated'
   */
  readonly defaultInboundPolicy?: string;
}

const POLICY = 'policy.linkerd.io';

function namespaceDefaults(ctx: GraphContext): Map<string, string | undefined> {
  return new Map(ctx.index.ofKind('Namespace', '').map((ns) => [ns.name, annotationsOf(ns.object)[ANNOTATIONS.defaultInboundPolicy]] as const));
}

/** Workloads with their ServiceAccount and the policy of their ports that no Server covers (§5.1). */
function addWorkloads(ctx: GraphContext, defaults: Map<string, string | undefined>, clusterDefault: string): void {
  for (const t of ctx.templates) {
    const policy = t.annotations[ANNOTATIONS.defaultInboundPolicy] ?? defaults.get(t.owner.namespace) ?? clusterDefault;
    ctx.g.node({ id: workloadId(t), kind: 'workload', namespace: t.owner.namespace, lines: [`${t.owner.kind} ${t.owner.name}`, `sa ${t.serviceAccountName}`, `ports without a Server: ${policy}`], mark: policyMark(policy) });
  }
}

/** `rate limit total 100/s, per identity 10/s, web 50/s` for each Server with an HTTPLocalRateLimitPolicy. */
function rateLimits(ctx: GraphContext): Map<string, string> {
  const limits = new Map<string, string>();
  const rps = (part: unknown) => (isMap(part) && typeof part.requestsPerSecond === 'number' ? `${part.requestsPerSecond}/s` : undefined);
  for (const limit of ctx.index.ofKind('HTTPLocalRateLimitPolicy', POLICY)) {
    const spec = specOf(limit);
    if (!isMap(spec.targetRef)) continue;
    const target = localKey(limit, spec.targetRef);
    const parts = [rps(spec.total) && `total ${rps(spec.total)}`, rps(spec.identity) && `per identity ${rps(spec.identity)}`, ...mapsOf(spec.overrides).map(([o]) => `${mapsOf(o.clientRefs).map(([c]) => stringOf(c.name)).join('+')} ${rps(o)}`)];
    limits.set(`server:${target.namespace}/Server/${target.name}`, `rate limit ${parts.filter(Boolean).join(', ')}`);
  }
  return limits;
}

/** Servers, the pods each selects, and the clients a non-deny access policy admits. */
function addServers(ctx: GraphContext): void {
  const limits = rateLimits(ctx);
  for (const server of ctx.index.ofKind('Server', POLICY)) {
    const spec = specOf(server);
    const access = stringOf(spec.accessPolicy) ?? 'deny';
    const id = objectId('server', server);
    const port = `port ${String(spec.port)}${spec.proxyProtocol ? ` (${String(spec.proxyProtocol)})` : ''}`;
    ctx.g.node({ id, kind: 'server', namespace: server.namespace, lines: [`Server ${server.name}`, port, `accessPolicy ${access}`, ...(limits.has(id) ? [limits.get(id)!] : [])], mark: policyMark(access) });
    if (access !== 'deny') {
      admitPolicy(ctx, access, id, `accessPolicy ${access}`);
      ctx.reached.add(id);
    }
    if (isMap(spec.podSelector)) for (const t of selectedTemplates(ctx.templates, server.namespace, spec.podSelector)) ctx.g.edge({ from: id, to: workloadId(t), label: 'selects', structural: true });
  }
}

/** Inbound routes (Server parents) and egress routes (EgressNetwork parents, to their hosts). */
function addRoutes(ctx: GraphContext): void {
  for (const route of ctx.index.all.filter(isRoute)) {
    const parents = mapsOf(specOf(route).parentRefs).map(([ref]) => ({ ref, key: parentKey(route, ref) }));
    const inbound = parents.filter((p) => parentKind(p.key) === 'Server');
    const egress = parents.filter((p) => parentKind(p.key) === 'EgressNetwork');
    if (!inbound.length && !egress.length) continue;
    const id = ctx.g.node({ id: objectId('route', route), kind: 'route', namespace: route.namespace, lines: [`${route.kind} ${route.name}`, ...routeMatchLines(route)] });
    for (const p of inbound) {
      const server = `server:${p.key.namespace}/Server/${p.key.name}`;
      ctx.g.edge({ from: id, to: server, label: 'route on', structural: true });
      ctx.routeServers.set(id, [...(ctx.routeServers.get(id) ?? []), server]);
    }
    const hostnames = listOf(specOf(route).hostnames).filter((h): h is string => typeof h === 'string');
    for (const p of egress) {
      const port = typeof p.ref.port === 'number' ? `:${p.ref.port}` : '';
      ctx.g.edge({ from: `egress:${p.key.namespace}/EgressNetwork/${p.key.name}`, to: id, label: 'allows out' });
      for (const host of hostnames.length ? hostnames : ['any host']) ctx.g.edge({ from: id, to: ctx.g.node({ id: `host:${host}${port}`, kind: 'host', lines: [`${host}${port}`] }), label: 'to' });
    }
  }
}

/** EgressNetworks: what happens to traffic no route matches (`Allow` is marked). */
function addEgressNetworks(ctx: GraphContext): void {
  for (const egress of ctx.index.ofKind('EgressNetwork', POLICY)) {
    const spec = specOf(egress);
    const traffic = stringOf(spec.trafficPolicy) ?? 'Allow';
    const networks = mapsOf(spec.networks).map(([n]) => stringOf(n.cidr) ?? '');
    const lines = [`EgressNetwork ${egress.name}`, `unmatched traffic: ${traffic}`, networks.length ? `networks ${networks.join(', ')}` : 'networks: everything outside the cluster'];
    ctx.g.node({ id: objectId('egress', egress), kind: 'egress', namespace: egress.namespace, lines, mark: traffic === 'Allow' ? 'everyone' : undefined });
  }
}

/** A Server nothing reaches: denied by default and no authorization attached (§1.1). */
function markUnreachable(ctx: GraphContext): void {
  for (const server of ctx.index.ofKind('Server', POLICY)) {
    const id = objectId('server', server);
    const node = ctx.g.get(id);
    if (node && !ctx.reached.has(id)) ctx.g.replace({ ...node, lines: [...node.lines, 'unreachable: no authorization'], mark: 'unreachable' });
  }
}

export function buildPolicyGraph(objects: readonly KubeObject[], options: PolicyGraphOptions = {}): PolicyGraph {
  const index = new ObjectIndex(objects);
  const ctx: GraphContext = { index, templates: podTemplates(index), mesh: identityDomain(options), g: new GraphBuilder(), reached: new Set(), routeServers: new Map() };
  const defaults = namespaceDefaults(ctx);
  addWorkloads(ctx, defaults, options.defaultInboundPolicy ?? 'all-unauthenticated');
  addAuthentications(ctx);
  addServers(ctx);
  // Routes before authorizations: a route-targeted policy reaches the route's Servers.
  addRoutes(ctx);
  addEgressNetworks(ctx);
  addAuthorizationPolicies(ctx);
  addServerAuthorizations(ctx);
  markUnreachable(ctx);
  const namespaces = new Set([...index.all.map((o) => o.namespace).filter(Boolean), ...defaults.keys()]);
  return ctx.g.result(
    [...namespaces].map((name) => {
      const defaultPolicy = defaults.get(name);
      return { name, ...(defaultPolicy ? { defaultPolicy, mark: policyMark(defaultPolicy) } : {}) };
    }),
  );
}

/** A short summary of an inbound route's matches (method, path), for its label. */
function routeMatchLines(route: IndexedObject): string[] {
  const lines: string[] = [];
  for (const [rule] of mapsOf(specOf(route).rules)) {
    for (const [match] of mapsOf(rule.matches)) {
      const path = isMap(match.path) ? `${stringOf(match.path.type) ?? 'PathPrefix'} ${stringOf(match.path.value) ?? '/'}` : undefined;
      const method = isMap(match.method) ? [stringOf(match.method.service), stringOf(match.method.method)].filter(Boolean).join('/') : stringOf(match.method);
      const line = [method, path].filter(Boolean).join(' ');
      if (line) lines.push(line);
    }
  }
  return lines.slice(0, 4);
}
