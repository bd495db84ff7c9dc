/**
 * Authorizations in the graph: authentications with the clients they admit, AuthorizationPolicies
 * (authentications → policy → Server, route or every Server of the namespace) and legacy
 * ServerAuthorizations (inline clients → Servers by name or label).
 */
import { serviceAccountIdentity } from '../traffic-check/identity.js';
import { isMap, labelsOf, listOf, mapsOf, specOf, stringOf, type JsonMap } from '../traffic-check/objects.js';
import { localKey } from '../traffic-check/policy.js';
import { selectorMatches } from '../traffic-check/workloads.js';
import { admitIdentity, admitNetworks, admitPolicy, isEveryoneNetwork, objectId, type GraphContext } from './clients.js';

const POLICY = 'policy.linkerd.io';

export function addAuthentications(ctx: GraphContext): void {
  for (const authn of ctx.index.ofKind('MeshTLSAuthentication', POLICY)) {
    const spec = specOf(authn);
    const identities = listOf(spec.identities).filter((i): i is string => typeof i === 'string');
    for (const [ref] of mapsOf(spec.identityRefs)) {
      const name = stringOf(ref.name) ?? '';
      if (ref.kind === 'ServiceAccount') identities.push(serviceAccountIdentity(name, stringOf(ref.namespace) ?? authn.namespace, ctx.mesh));
      if (ref.kind === 'Namespace') identities.push(`*.${serviceAccountIdentity('', name, ctx.mesh).slice(1)}`);
    }
    const id = ctx.g.node({ id: objectId('authn', authn), kind: 'authentication', namespace: authn.namespace, lines: [`MeshTLSAuthentication ${authn.name}`, ...identities], mark: identities.includes('*') ? 'everyone' : undefined });
    for (const identity of identities) admitIdentity(ctx, identity, id);
  }
  for (const authn of ctx.index.ofKind('NetworkAuthentication', POLICY)) {
    const networks = mapsOf(specOf(authn).networks).map(([n]) => n);
    const id = ctx.g.node({ id: objectId('authn', authn), kind: 'authentication', namespace: authn.namespace, lines: [`NetworkAuthentication ${authn.name}`], mark: networks.some(isEveryoneNetwork) ? 'everyone' : undefined });
    admitNetworks(ctx, networks, id);
  }
}

export function addAuthorizationPolicies(ctx: GraphContext): void {
  const servers = ctx.index.ofKind('Server', POLICY);
  for (const policy of ctx.index.ofKind('AuthorizationPolicy', POLICY)) {
    const spec = specOf(policy);
    const refs = mapsOf(spec.requiredAuthenticationRefs).map(([ref]) => localKey(policy, ref));
    const id = ctx.g.node({ id: objectId('authz', policy), kind: 'authorization', namespace: policy.namespace, lines: [`AuthorizationPolicy ${policy.name}`], mark: refs.length ? undefined : 'everyone' });
    // No authentication required: Linkerd authorizes every client from every network (TRAFFIC.md §1.3).
    if (!refs.length) admitPolicy(ctx, 'all-unauthenticated', id, 'no authentication required');
    for (const ref of refs) {
      if (ref.kind === 'ServiceAccount') admitIdentity(ctx, serviceAccountIdentity(ref.name, ref.namespace, ctx.mesh), id);
      else ctx.g.edge({ from: `authn:${ref.namespace}/${ref.kind}/${ref.name}`, to: id, label: 'requires' });
    }
    const target = isMap(spec.targetRef) ? localKey(policy, spec.targetRef) : undefined;
    if (!target) continue;
    const targets =
      target.kind === 'Namespace'
        ? servers.filter((s) => s.namespace === target.name).map((s) => objectId('server', s))
        : [`${target.kind === 'Server' ? 'server' : 'route'}:${target.namespace}/${target.kind}/${target.name}`];
    for (const to of targets) {
      ctx.g.edge({ from: id, to, label: target.kind === 'Namespace' ? 'allows (namespace-wide)' : 'allows' });
      for (const server of to.startsWith('route:') ? (ctx.routeServers.get(to) ?? []) : [to]) ctx.reached.add(server);
    }
  }
}

export function addServerAuthorizations(ctx: GraphContext): void {
  const servers = ctx.index.ofKind('Server', POLICY);
  for (const authz of ctx.index.ofKind('ServerAuthorization', POLICY)) {
    const spec = specOf(authz);
    const client = isMap(spec.client) ? spec.client : {};
    const networks = mapsOf(client.networks).map(([n]) => n);
    const unauthenticated = client.unauthenticated === true;
    const id = ctx.g.node({ id: objectId('authz', authz), kind: 'authorization', namespace: authz.namespace, lines: [`ServerAuthorization ${authz.name}`], mark: unauthenticated && !networks.length ? 'everyone' : undefined });
    const meshTLS = isMap(client.meshTLS) ? client.meshTLS : {};
    for (const identity of listOf(meshTLS.identities)) if (typeof identity === 'string') admitIdentity(ctx, identity, id);
    for (const [sa] of mapsOf(meshTLS.serviceAccounts)) admitIdentity(ctx, serviceAccountIdentity(stringOf(sa.name) ?? '', stringOf(sa.namespace) ?? authz.namespace, ctx.mesh), id);
    if (unauthenticated || meshTLS.unauthenticatedTLS === true) {
      if (networks.length) admitNetworks(ctx, networks, id);
      else admitPolicy(ctx, 'all-unauthenticated', id, 'unauthenticated');
    }
    const server = isMap(spec.server) ? spec.server : {};
    const selects = (s: (typeof servers)[number]) =>
      s.namespace === authz.namespace && (typeof server.name === 'string' ? s.name === server.name : isMap(server.selector) && selectorMatches(server.selector as JsonMap, labelsOf(s.object.metadata)));
    for (const s of servers.filter(selects)) {
      ctx.g.edge({ from: id, to: objectId('server', s), label: 'allows' });
      ctx.reached.add(objectId('server', s));
    }
  }
}
