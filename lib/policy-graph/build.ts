/**
 * Who may call whom, read from rendered manifests: workloads (pod templates and their identities),
 * Servers and the pods they select, inbound routes, AuthorizationPolicies (and legacy
 * ServerAuthorizations) with the authentications they require and the clients those admit, and
 * EgressNetworks with the routes that let traffic out (TRAFFIC.md §1, §5, §6).
 */
import { ANNOTATIONS } from '../k8s/labels.js';
import type { KubeObject } from '../manifest.js';
import { identityMatches, serviceAccountIdentity, type MeshIdentityContext } from '../traffic-check/identity.js';
import { annotationsOf, isMap, labelsOf, listOf, mapsOf, ObjectIndex, specOf, stringOf, type IndexedObject, type JsonMap } from '../traffic-check/objects.js';
import { localKey } from '../traffic-check/policy.js';
import { isRoute, parentKey, parentKind } from '../traffic-check/routes.js';
import { podTemplates, selectedTemplates, selectorMatches, type PodTemplate } from '../traffic-check/workloads.js';
import { byText, type GraphEdge, type GraphNode, type Mark, type NamespaceBox, type PolicyGraph } from './model.js';

export interface PolicyGraphOptions extends MeshIdentityContext {
  /**
   * The cluster-wide default inbound policy (`proxy.defaultInboundPolicy`), for pods whose namespace
   * and template set none.
   * @default 'all-unauthenticated'
   */
  readonly defaultInboundPolicy?: string;
}

const POLICY = 'policy.linkerd.io';
const EVERYONE_NETWORKS = new Set(['0.0.0.0/0', '::/0']);

/** The mark of a default/access policy: anything but `deny` admits clients nobody named. */
function policyMark(policy: string): Mark | undefined {
  if (policy === 'deny') return undefined;
  return policy === 'audit' ? 'audit' : 'everyone';
}

const CLIENT_LABELS: Readonly<Record<string, string>> = {
  'all-unauthenticated': 'any client, any network (unauthenticated)',
  'all-authenticated': 'any meshed client (any identity)',
  'cluster-unauthenticated': 'any client in the cluster networks (unauthenticated)',
  'cluster-authenticated': 'any meshed client in the cluster networks',
  audit: 'any client (audit: allowed and logged)',
};

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(node: GraphNode): string {
    const known = this.nodes.get(node.id);
    // A node reached twice keeps the strongest mark (everyone/audit over none).
    if (!known || (!known.mark && node.mark)) this.nodes.set(node.id, node);
    return node.id;
  }

  replace(node: GraphNode): void {
    this.nodes.set(node.id, node);
  }

  edge(edge: GraphEdge): void {
    this.edges.set(`${edge.from}\u0000${edge.to}\u0000${edge.label}`, edge);
  }

  get(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Sorted nodes and edges; an edge to an object the set lacks is left out (the traffic checks report it). */
  result(namespaces: readonly NamespaceBox[]): PolicyGraph {
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.id, b.id));
    const edges = [...this.edges.entries()]
      .filter(([, e]) => this.nodes.has(e.from) && this.nodes.has(e.to))
      .sort(([a], [b]) => byText(a, b))
      .map(([, e]) => e);
    return { namespaces: [...namespaces].sort((a, b) => byText(a.name, b.name)), nodes, edges };
  }
}

const workloadId = (t: PodTemplate) => `workload:${t.owner.namespace}/${t.owner.kind}/${t.owner.name}`;
const objectId = (prefix: string, o: IndexedObject) => `${prefix}:${o.namespace}/${o.kind}/${o.name}`;

export function buildPolicyGraph(objects: readonly KubeObject[], options: PolicyGraphOptions = {}): PolicyGraph {
  const index = new ObjectIndex(objects);
  const templates = podTemplates(index);
  const g = new GraphBuilder();
  const clusterDefault = options.defaultInboundPolicy ?? 'all-unauthenticated';
  const nsDefaults = new Map(index.ofKind('Namespace', '').map((ns) => [ns.name, annotationsOf(ns.object)[ANNOTATIONS.defaultInboundPolicy]] as const));

  const identityOf = (t: PodTemplate) => serviceAccountIdentity(t.serviceAccountName, t.owner.namespace, options);
  for (const t of templates) {
    const policy = t.annotations[ANNOTATIONS.defaultInboundPolicy] ?? nsDefaults.get(t.owner.namespace) ?? clusterDefault;
    g.node({ id: workloadId(t), kind: 'workload', namespace: t.owner.namespace, lines: [`${t.owner.kind} ${t.owner.name}`, `sa ${t.serviceAccountName}`, `ports without a Server: ${policy}`], mark: policyMark(policy) });
  }

  /** A cluster-wide client node (any client, a network, an identity no workload here has). */
  const clients = (id: string, line: string, mark?: Mark) => g.node({ id: `clients:${id}`, kind: 'clients', lines: [line], mark });

  /** Edges from every client an identity pattern admits into `to`. */
  const admitIdentity = (pattern: string, to: string) => {
    // `*` admits every workload: one "any meshed identity" node says it without an edge from each.
    if (pattern === '*') return g.edge({ from: clients('any-identity', 'any meshed identity (*)', 'everyone'), to, label: 'identity *', mark: 'everyone' });
    const matching = templates.filter((t) => identityMatches(pattern, identityOf(t)));
    if (!matching.length) g.edge({ from: clients(`identity/${pattern}`, pattern), to, label: 'identity' });
    for (const t of matching) g.edge({ from: workloadId(t), to, label: pattern.startsWith('*.') ? 'namespace identity' : 'identity' });
  };
  const admitNetworks = (networks: readonly JsonMap[], to: string) => {
    for (const n of networks) {
      const cidr = stringOf(n.cidr) ?? '';
      const except = listOf(n.except).filter((e): e is string => typeof e === 'string');
      const mark: Mark | undefined = EVERYONE_NETWORKS.has(cidr) && !except.length ? 'everyone' : undefined;
      const line = except.length ? `network ${cidr} except ${except.join(', ')}` : `network ${cidr}`;
      g.edge({ from: clients(`network/${line}`, line, mark), to, label: 'network', mark });
    }
  };

  // Authentications: what each admits, drawn once and shared by the policies requiring it.
  for (const authn of index.ofKind('MeshTLSAuthentication', POLICY)) {
    const spec = specOf(authn);
    const identities = listOf(spec.identities).filter((i): i is string => typeof i === 'string');
    for (const [ref] of mapsOf(spec.identityRefs)) {
      const name = stringOf(ref.name) ?? '';
      if (ref.kind === 'ServiceAccount') identities.push(serviceAccountIdentity(name, stringOf(ref.namespace) ?? authn.namespace, options));
      if (ref.kind === 'Namespace') identities.push(`*.${serviceAccountIdentity('', name, options).slice(1)}`);
    }
    const id = g.node({ id: objectId('authn', authn), kind: 'authentication', namespace: authn.namespace, lines: [`MeshTLSAuthentication ${authn.name}`, ...identities], mark: identities.includes('*') ? 'everyone' : undefined });
    for (const identity of identities) admitIdentity(identity, id);
  }
  for (const authn of index.ofKind('NetworkAuthentication', POLICY)) {
    const networks = mapsOf(specOf(authn).networks).map(([n]) => n);
    const everyone = networks.some((n) => EVERYONE_NETWORKS.has(stringOf(n.cidr) ?? '') && !listOf(n.except).length);
    const id = g.node({ id: objectId('authn', authn), kind: 'authentication', namespace: authn.namespace, lines: [`NetworkAuthentication ${authn.name}`], mark: everyone ? 'everyone' : undefined });
    admitNetworks(networks, id);
  }

  // Servers (with the rate limit on each), and the pods each selects.
  const limits = new Map<string, string>();
  for (const limit of index.ofKind('HTTPLocalRateLimitPolicy', POLICY)) {
    const spec = specOf(limit);
    const target = isMap(spec.targetRef) ? localKey(limit, spec.targetRef) : undefined;
    const rps = (part: unknown) => (isMap(part) && typeof part.requestsPerSecond === 'number' ? `${part.requestsPerSecond}/s` : undefined);
    const parts = [rps(spec.total) && `total ${rps(spec.total)}`, rps(spec.identity) && `per identity ${rps(spec.identity)}`, ...mapsOf(spec.overrides).map(([o]) => `${mapsOf(o.clientRefs).map(([c]) => stringOf(c.name)).join('+')} ${rps(o)}`)];
    if (target) limits.set(`server:${target.namespace}/Server/${target.name}`, `rate limit ${parts.filter(Boolean).join(', ')}`);
  }
  const servers = index.ofKind('Server', POLICY);
  const reached = new Set<string>();
  for (const server of servers) {
    const spec = specOf(server);
    const access = stringOf(spec.accessPolicy) ?? 'deny';
    const id = objectId('server', server);
    g.node({ id, kind: 'server', namespace: server.namespace, lines: [`Server ${server.name}`, `port ${String(spec.port)}${spec.proxyProtocol ? ` (${String(spec.proxyProtocol)})` : ''}`, `accessPolicy ${access}`, ...(limits.has(id) ? [limits.get(id)!] : [])], mark: policyMark(access) });
    if (access !== 'deny') {
      g.edge({ from: clients(`default/${access}`, CLIENT_LABELS[access] ?? access, policyMark(access)), to: id, label: `accessPolicy ${access}`, mark: policyMark(access) });
      reached.add(id);
    }
    if (isMap(spec.podSelector)) for (const t of selectedTemplates(templates, server.namespace, spec.podSelector)) g.edge({ from: id, to: workloadId(t), label: 'selects', structural: true });
  }

  // Inbound routes (Server parents) and egress routes (EgressNetwork parents).
  const routeServers = new Map<string, string[]>();
  for (const route of index.all.filter(isRoute)) {
    const parents = mapsOf(specOf(route).parentRefs).map(([ref]) => ({ ref, key: parentKey(route, ref) }));
    const inbound = parents.filter((p) => parentKind(p.key) === 'Server');
    const egress = parents.filter((p) => parentKind(p.key) === 'EgressNetwork');
    if (!inbound.length && !egress.length) continue;
    const hostnames = listOf(specOf(route).hostnames).filter((h): h is string => typeof h === 'string');
    const id = g.node({ id: objectId('route', route), kind: 'route', namespace: route.namespace, lines: [`${route.kind} ${route.name}`, ...routeMatchLines(route)] });
    for (const p of inbound) {
      const server = `server:${p.key.namespace}/Server/${p.key.name}`;
      g.edge({ from: id, to: server, label: 'route on', structural: true });
      routeServers.set(id, [...(routeServers.get(id) ?? []), server]);
    }
    for (const p of egress) {
      const port = typeof p.ref.port === 'number' ? `:${p.ref.port}` : '';
      g.edge({ from: `egress:${p.key.namespace}/EgressNetwork/${p.key.name}`, to: id, label: 'allows out', structural: false });
      for (const host of hostnames.length ? hostnames : ['any host']) g.edge({ from: id, to: g.node({ id: `host:${host}${port}`, kind: 'host', lines: [`${host}${port}`] }), label: 'to' });
    }
  }
  for (const egress of index.ofKind('EgressNetwork', POLICY)) {
    const spec = specOf(egress);
    const traffic = stringOf(spec.trafficPolicy) ?? 'Allow';
    const networks = mapsOf(spec.networks).map(([n]) => stringOf(n.cidr) ?? '');
    g.node({ id: objectId('egress', egress), kind: 'egress', namespace: egress.namespace, lines: [`EgressNetwork ${egress.name}`, `unmatched traffic: ${traffic}`, networks.length ? `networks ${networks.join(', ')}` : 'networks: everything outside the cluster'], mark: traffic === 'Allow' ? 'everyone' : undefined });
  }

  // Authorizations: AuthorizationPolicies (authentications → policy → target) and legacy ServerAuthorizations.
  for (const policy of index.ofKind('AuthorizationPolicy', POLICY)) {
    const spec = specOf(policy);
    const refs = mapsOf(spec.requiredAuthenticationRefs).map(([ref]) => localKey(policy, ref));
    const id = objectId('authz', policy);
    g.node({ id, kind: 'authorization', namespace: policy.namespace, lines: [`AuthorizationPolicy ${policy.name}`], mark: refs.length ? undefined : 'everyone' });
    if (!refs.length) g.edge({ from: clients('default/all-unauthenticated', CLIENT_LABELS['all-unauthenticated'], 'everyone'), to: id, label: 'no authentication required', mark: 'everyone' });
    for (const ref of refs) {
      if (ref.kind === 'ServiceAccount') admitIdentity(serviceAccountIdentity(ref.name, ref.namespace, options), id);
      else g.edge({ from: `authn:${ref.namespace}/${ref.kind}/${ref.name}`, to: id, label: 'requires' });
    }
    const target = isMap(spec.targetRef) ? localKey(policy, spec.targetRef) : undefined;
    const targets = !target
      ? []
      : target.kind === 'Namespace'
        ? servers.filter((s) => s.namespace === target.name).map((s) => objectId('server', s))
        : target.kind === 'Server'
          ? [`server:${target.namespace}/Server/${target.name}`]
          : [`route:${target.namespace}/${target.kind}/${target.name}`];
    for (const to of targets) {
      g.edge({ from: id, to, label: target?.kind === 'Namespace' ? 'allows (namespace-wide)' : 'allows' });
      for (const server of to.startsWith('route:') ? (routeServers.get(to) ?? []) : [to]) reached.add(server);
    }
  }
  for (const authz of index.ofKind('ServerAuthorization', POLICY)) {
    const spec = specOf(authz);
    const id = objectId('authz', authz);
    const client = isMap(spec.client) ? spec.client : {};
    const everyone = client.unauthenticated === true && !mapsOf(client.networks).length;
    g.node({ id, kind: 'authorization', namespace: authz.namespace, lines: [`ServerAuthorization ${authz.name}`], mark: everyone ? 'everyone' : undefined });
    const meshTLS = isMap(client.meshTLS) ? client.meshTLS : {};
    for (const identity of listOf(meshTLS.identities)) if (typeof identity === 'string') admitIdentity(identity, id);
    for (const [sa] of mapsOf(meshTLS.serviceAccounts)) admitIdentity(serviceAccountIdentity(stringOf(sa.name) ?? '', stringOf(sa.namespace) ?? authz.namespace, options), id);
    if (client.unauthenticated === true || meshTLS.unauthenticatedTLS === true) {
      const networks = mapsOf(client.networks).map(([n]) => n);
      if (networks.length) admitNetworks(networks, id);
      else g.edge({ from: clients('default/all-unauthenticated', CLIENT_LABELS['all-unauthenticated'], 'everyone'), to: id, label: 'unauthenticated', mark: 'everyone' });
    }
    const server = isMap(spec.server) ? spec.server : {};
    const targets = typeof server.name === 'string' ? servers.filter((s) => s.namespace === authz.namespace && s.name === server.name) : isMap(server.selector) ? servers.filter((s) => s.namespace === authz.namespace && selectorMatches(server.selector as JsonMap, labelsOf(s.object.metadata))) : [];
    for (const s of targets) {
      g.edge({ from: id, to: objectId('server', s), label: 'allows' });
      reached.add(objectId('server', s));
    }
  }

  // A Server nothing reaches: denied by default and no authorization attached (§1.1).
  for (const server of servers) {
    const id = objectId('server', server);
    if (reached.has(id)) continue;
    const node = g.get(id);
    if (node) g.replace({ ...node, lines: [...node.lines, 'unreachable: no authorization'], mark: 'unreachable' });
  }

  const namespaces = new Set([...index.all.map((o) => o.namespace).filter(Boolean), ...nsDefaults.keys()]);
  return g.result([...namespaces].map((name) => {
    const defaultPolicy = nsDefaults.get(name);
    return { name, ...(defaultPolicy ? { defaultPolicy, mark: policyMark(defaultPolicy) } : {}) };
  }));
}

/** A short summary of an inbound route's matches (paths and methods), for its label. */
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
