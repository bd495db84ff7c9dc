/**
 * Who may call whom, read from rendered manifests: workloads (pod templates and their identities),
 * Servers and the pods they select, Services with their routes and weighted backends, inbound
 * routes, authorizations with the clients they admit, and EgressNetworks with the routes that let
 * traffic out (TRAFFIC.md §1, §4, §5, §6). Each step adds one kind of object; the last marks the
 * Servers nothing reaches.
 */
import { ANNOTATIONS, INJECT_ANNOTATION, INJECT_DISABLED, PROXY_VERSION_ANNOTATION } from '../k8s/labels.js';
import { PROXY_INBOUND_PORT_NAME } from '../k8s/names.js';
import type { KubeObject } from '../manifest.js';
import { identityDomain, type MeshIdentityContext } from '../traffic-check/identity.js';
import { annotationsOf, isMap, listOf, mapsOf, ObjectIndex, specOf, stringOf } from '../traffic-check/objects.js';
import { localKey } from '../traffic-check/policy.js';
import { isRoute, parentKey, parentKind } from '../traffic-check/routes.js';
import { podTemplates, selectedTemplates, type PodTemplate } from '../traffic-check/workloads.js';
import { addAuthentications, addAuthorizationPolicies, addServerAuthorizations } from './authorizations.js';
import { admitPolicy, objectId, policyMark, workloadId, type GraphContext } from './clients.js';
import { GraphBuilder } from './graph-builder.js';
import { matchText } from './matches.js';
import { resilienceLines, ruleTimeoutLines } from './resilience.js';
import { addServiceRouteEdges, addServices, serviceParents } from './service-routes.js';
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

/**
 * Does a proxy run in the template's pods? Injected by hand (the proxy's `linkerd-proxy` port, the
 * proxy-version annotation), or asked of the injector by the pod or, unless the pod opts out, its namespace.
 */
function isMeshed(ctx: GraphContext, t: PodTemplate): boolean {
  if (t.annotations[PROXY_VERSION_ANNOTATION] !== undefined || t.ports.some((p) => p.name === PROXY_INBOUND_PORT_NAME)) return true;
  const namespace = ctx.index.get({ group: '', kind: 'Namespace', namespace: '', name: t.owner.namespace });
  const inject = t.annotations[INJECT_ANNOTATION] ?? (namespace ? annotationsOf(namespace.object)[INJECT_ANNOTATION] : undefined);
  return inject !== undefined && inject !== INJECT_DISABLED;
}

/**
 * Workloads with their ServiceAccount and the policy of their ports that no Server covers (§5.1).
 * A pod without a proxy enforces no policy at all: it admits everyone, and is marked so.
 */
function addWorkloads(ctx: GraphContext, defaults: Map<string, string | undefined>, clusterDefault: string): void {
  for (const t of ctx.templates) {
    const policy = t.annotations[ANNOTATIONS.defaultInboundPolicy] ?? defaults.get(t.owner.namespace) ?? clusterDefault;
    const meshed = isMeshed(ctx, t);
    const inbound = meshed ? `ports without a Server: ${policy}` : 'not meshed: no proxy, no policy (admits everyone)';
    ctx.g.node({ id: workloadId(t), kind: 'workload', namespace: t.owner.namespace, lines: [`${t.owner.kind} ${t.owner.name}`, `sa ${t.serviceAccountName}`, inbound], mark: meshed ? policyMark(policy) : 'everyone' });
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

/**
 * Routes: inbound (Server parents, with their matches), on Services (to their backends, see
 * service-routes.ts) and egress (EgressNetwork parents, to their hosts). Routes on Services and
 * EgressNetworks list their resilience annotations (route annotations override the parent's, §2.4).
 */
function addRoutes(ctx: GraphContext): void {
  for (const route of ctx.index.all.filter(isRoute)) {
    const spec = specOf(route);
    const parents = mapsOf(spec.parentRefs).map(([ref]) => ({ ref, key: parentKey(route, ref) }));
    const inbound = parents.filter((p) => parentKind(p.key) === 'Server');
    const egress = parents.filter((p) => parentKind(p.key) === 'EgressNetwork');
    const services = serviceParents(route);
    if (!inbound.length && !egress.length && !services.length) continue;
    const outbound = services.length || egress.length ? [...resilienceLines(annotationsOf(route.object)), ...ruleTimeoutLines(spec.rules)] : [];
    const lines = [`${route.kind} ${route.name}`, ...(inbound.length ? inboundMatchLines(spec.rules) : []), ...outbound];
    const id = ctx.g.node({ id: objectId('route', route), kind: 'route', namespace: route.namespace, lines });
    for (const p of inbound) {
      const server = `server:${p.key.namespace}/Server/${p.key.name}`;
      ctx.g.edge({ from: id, to: server, label: 'route on', structural: true });
      ctx.routeServers.set(id, [...(ctx.routeServers.get(id) ?? []), server]);
    }
    if (services.length) addServiceRouteEdges(ctx, route, id, services);
    const hostnames = listOf(spec.hostnames).filter((h): h is string => typeof h === 'string');
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
    const lines = [
      `EgressNetwork ${egress.name}`,
      `unmatched traffic: ${traffic}`,
      networks.length ? `networks ${networks.join(', ')}` : 'networks: everything outside the cluster',
      ...resilienceLines(annotationsOf(egress.object)),
    ];
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
  addServices(ctx);
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

/** An inbound route's matches, one line each (at most four), for its label. */
function inboundMatchLines(rules: unknown): string[] {
  return mapsOf(rules)
    .flatMap(([rule]) => mapsOf(rule.matches).map(([m]) => matchText(m)))
    .slice(0, 4);
}
