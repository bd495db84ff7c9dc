/**
 * Authorization checks (TRAFFIC.md §1.1–§1.5, §1.8, §5): Servers select pods, policies target what
 * Linkerd accepts and what exists, authentications name real ServiceAccounts, an authorization
 * requires at least one authentication, and the pods an authorization depends on run as a
 * ServiceAccount that exists.
 */
import { PROXY_ADMIN_PORT_NAME, PROXY_INBOUND_PORT_NAME } from '../k8s/names.js';
import { resolveRef, type CheckContext } from './context.js';
import { meshIdentitySuffix, parseIdentity } from './identity.js';
import { fieldPath, isMap, listOf, mapsOf, normalizeGroup, specOf, stringOf, type IndexedObject, type JsonMap, type ObjectKey } from './objects.js';
import { selectedTemplates } from './workloads.js';

const POLICY = 'policy.linkerd.io';

/** The six default-policy names (§5.1), which `Server.accessPolicy` also takes. */
export const DEFAULT_POLICIES = ['all-unauthenticated', 'all-authenticated', 'cluster-unauthenticated', 'cluster-authenticated', 'deny', 'audit'] as const;

/** A local ref (`targetRef`, `clientRefs`, `requiredAuthenticationRefs`) with its namespace defaulted to the referrer's. */
export function localKey(entry: IndexedObject, ref: JsonMap, defaultKind = ''): ObjectKey {
  return { group: normalizeGroup(stringOf(ref.group)), kind: stringOf(ref.kind) ?? defaultKind, namespace: stringOf(ref.namespace) ?? entry.namespace, name: stringOf(ref.name) ?? '' };
}

const serviceAccountKey = (name: string, namespace: string): ObjectKey => ({ group: '', kind: 'ServiceAccount', namespace, name });

/** A ServiceAccount exists when it is in the set, external, or is a namespace's `default`. */
function serviceAccountExists(ctx: CheckContext, name: string, namespace: string): boolean {
  return ctx.index.exists(serviceAccountKey(name, namespace)) || (name === 'default' && ctx.index.hasNamespace(namespace));
}

function checkServiceAccountRef(ctx: CheckContext, entry: IndexedObject, path: ReadonlyArray<string | number>, name: string, namespace: string, value: unknown): void {
  if (serviceAccountExists(ctx, name, namespace)) return;
  // The mesh's own components (control plane, viz) are installed apart from the app.
  const hint = namespace.startsWith('linkerd') ? ` (a mesh component: declare externalNamespaces: ['${namespace}'])` : '';
  ctx.issues.add(fieldPath(entry, ...path), value, `names ServiceAccount ${namespace}/${name}, which is not in the app: add it (and run the client pods as it), or declare it external${hint}`);
}

function checkIdentity(ctx: CheckContext, entry: IndexedObject, path: ReadonlyArray<string | number>, identity: string): void {
  const parsed = parseIdentity(identity, ctx.mesh);
  if (parsed.kind === 'serviceAccount') checkServiceAccountRef(ctx, entry, path, parsed.name, parsed.namespace, identity);
  if (parsed.kind === 'namespace' && !ctx.index.hasNamespace(parsed.namespace)) {
    ctx.issues.add(fieldPath(entry, ...path), identity, `names every ServiceAccount of namespace ${parsed.namespace}, which is not in the app: add it, or declare it external`);
  }
  if (parsed.kind === 'foreign') {
    ctx.issues.add(fieldPath(entry, ...path), identity, `is an identity of another mesh (${parsed.suffix}); this mesh's identities end in .${meshIdentitySuffix(ctx.mesh)}: set the trust domain and control-plane namespace the mesh uses`);
  }
}

function checkServers(ctx: CheckContext): void {
  // A workload served by several Servers is reported once.
  const reported = new Set<IndexedObject>();
  for (const server of ctx.index.ofKind('Server', POLICY)) {
    const spec = specOf(server);
    if (spec.accessPolicy !== undefined && !(DEFAULT_POLICIES as readonly unknown[]).includes(spec.accessPolicy)) {
      ctx.issues.add(fieldPath(server, 'spec', 'accessPolicy'), spec.accessPolicy, `must be one of ${DEFAULT_POLICIES.join(', ')}`);
    }
    if (!isMap(spec.podSelector) || ctx.index.isExternalNamespace(server.namespace)) continue;
    const selected = selectedTemplates(ctx.templates, server.namespace, spec.podSelector);
    if (!selected.length) {
      ctx.issues.add(fieldPath(server, 'spec', 'podSelector'), spec.podSelector, `selects no pod template in namespace ${server.namespace}: the Server applies to nothing`);
      continue;
    }
    const proxyPort = spec.port === PROXY_ADMIN_PORT_NAME || spec.port === PROXY_INBOUND_PORT_NAME;
    if (typeof spec.port === 'string' && !proxyPort && !selected.some((t) => t.ports.some((p) => p.name === spec.port))) {
      ctx.issues.add(fieldPath(server, 'spec', 'port'), spec.port, `no selected pod has a container port named ${spec.port}: name one of theirs, or give the number`);
    }
    // The Server's authorizations depend on its pods' identity: pods whose ServiceAccount is missing do not start.
    for (const t of selected) {
      if (t.namesServiceAccount && !reported.has(t.owner) && !serviceAccountExists(ctx, t.serviceAccountName, server.namespace)) {
        reported.add(t.owner);
        ctx.issues.add(fieldPath(t.owner, ...t.specPath, 'serviceAccountName'), t.serviceAccountName, `ServiceAccount ${server.namespace}/${t.serviceAccountName} is not in the app (Server ${server.name} selects these pods; they would not start): add it`);
      }
    }
  }
}

/** What an AuthorizationPolicy may target (§1.3). */
function targetProblem(policy: IndexedObject, key: ObjectKey): string | undefined {
  if (key.kind === 'Server' && key.group === POLICY) return undefined;
  if (key.kind === 'Namespace' && key.group === '') return key.name === policy.namespace ? undefined : `an AuthorizationPolicy cannot target another namespace (its own is ${policy.namespace})`;
  if (key.kind === 'HTTPRoute' && (key.group === POLICY || key.group === 'gateway.networking.k8s.io')) return undefined;
  if (key.kind === 'GRPCRoute' && key.group === 'gateway.networking.k8s.io') return undefined;
  return 'an AuthorizationPolicy targets a Server (policy.linkerd.io), its Namespace, an HTTPRoute or a GRPCRoute (gateway.networking.k8s.io)';
}

const AUTHENTICATION_KINDS: Readonly<Record<string, string>> = { MeshTLSAuthentication: POLICY, NetworkAuthentication: POLICY, ServiceAccount: '' };

function checkAuthorizationPolicies(ctx: CheckContext): void {
  for (const policy of ctx.index.ofKind('AuthorizationPolicy', POLICY)) {
    const spec = specOf(policy);
    if (isMap(spec.targetRef)) {
      const key = localKey(policy, spec.targetRef);
      const problem = targetProblem(policy, key);
      if (problem) ctx.issues.add(fieldPath(policy, 'spec', 'targetRef'), spec.targetRef, problem);
      else resolveRef(ctx, policy, ['spec', 'targetRef', 'name'], key, spec.targetRef.name);
    }
    const refs = mapsOf(spec.requiredAuthenticationRefs);
    if (!refs.length) {
      ctx.issues.add(fieldPath(policy, 'spec', 'requiredAuthenticationRefs'), spec.requiredAuthenticationRefs ?? [], 'is empty: Linkerd would then authorize every client from every network; name a MeshTLSAuthentication, NetworkAuthentication or ServiceAccount');
    }
    const counts = new Map<string, number>();
    for (const [ref, i] of refs) {
      const key = localKey(policy, ref);
      const at = ['spec', 'requiredAuthenticationRefs', i];
      if (AUTHENTICATION_KINDS[key.kind] !== key.group) {
        ctx.issues.add(fieldPath(policy, ...at, 'kind'), ref.kind, 'must be MeshTLSAuthentication or NetworkAuthentication (group policy.linkerd.io) or ServiceAccount (core group)');
        continue;
      }
      counts.set(key.kind, (counts.get(key.kind) ?? 0) + 1);
      if (key.kind === 'ServiceAccount') checkServiceAccountRef(ctx, policy, [...at, 'name'], key.name, key.namespace, ref.name);
      else resolveRef(ctx, policy, [...at, 'name'], key, ref.name);
    }
    const many = [...counts].filter(([, n]) => n > 1).map(([kind]) => kind);
    if (many.length) ctx.issues.add(fieldPath(policy, 'spec', 'requiredAuthenticationRefs'), many, `at most one of each authentication kind is allowed (found more than one ${many.join(', ')})`);
    if (counts.has('MeshTLSAuthentication') && counts.has('ServiceAccount')) {
      ctx.issues.add(fieldPath(policy, 'spec', 'requiredAuthenticationRefs'), ['MeshTLSAuthentication', 'ServiceAccount'], 'cannot name both a MeshTLSAuthentication and a ServiceAccount: list the ServiceAccount in the MeshTLSAuthentication');
    }
  }
}

function checkMeshTlsAuthentications(ctx: CheckContext): void {
  for (const authn of ctx.index.ofKind('MeshTLSAuthentication', POLICY)) {
    const spec = specOf(authn);
    listOf(spec.identities).forEach((identity, i) => {
      if (typeof identity === 'string') checkIdentity(ctx, authn, ['spec', 'identities', i], identity);
    });
    for (const [ref, i] of mapsOf(spec.identityRefs)) {
      const at = ['spec', 'identityRefs', i];
      const kind = stringOf(ref.kind);
      const name = stringOf(ref.name);
      if (kind === 'ServiceAccount' && name) checkServiceAccountRef(ctx, authn, [...at, 'name'], name, stringOf(ref.namespace) ?? authn.namespace, name);
      else if (kind === 'Namespace' && name) {
        if (ref.namespace !== undefined) ctx.issues.add(fieldPath(authn, ...at, 'namespace'), ref.namespace, 'must be unset for a Namespace reference (its name is the namespace)');
        if (!ctx.index.hasNamespace(name)) ctx.issues.add(fieldPath(authn, ...at, 'name'), name, `names namespace ${name}, which is not in the app: add it, or declare it external`);
      } else ctx.issues.add(fieldPath(authn, ...at), ref, 'must name a ServiceAccount or a Namespace (with a name)');
    }
  }
}

function checkRateLimits(ctx: CheckContext): void {
  for (const limit of ctx.index.ofKind('HTTPLocalRateLimitPolicy', POLICY)) {
    const spec = specOf(limit);
    if (isMap(spec.targetRef)) {
      const key = localKey(limit, spec.targetRef);
      if (key.kind !== 'Server' || key.group !== POLICY) ctx.issues.add(fieldPath(limit, 'spec', 'targetRef'), spec.targetRef, 'an HTTPLocalRateLimitPolicy targets a Server (group policy.linkerd.io)');
      else resolveRef(ctx, limit, ['spec', 'targetRef', 'name'], key, spec.targetRef.name);
    }
    const total = isMap(spec.total) ? spec.total.requestsPerSecond : undefined;
    const rate = (path: ReadonlyArray<string | number>, value: unknown) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) ctx.issues.add(fieldPath(limit, ...path), value, 'must be an integer above 0');
      else if (typeof total === 'number' && value > total) ctx.issues.add(fieldPath(limit, ...path), value, `must not exceed total.requestsPerSecond (${total})`);
    };
    if (isMap(spec.total)) rate(['spec', 'total', 'requestsPerSecond'], total);
    if (isMap(spec.identity)) rate(['spec', 'identity', 'requestsPerSecond'], spec.identity.requestsPerSecond);
    for (const [override, i] of mapsOf(spec.overrides)) {
      rate(['spec', 'overrides', i, 'requestsPerSecond'], override.requestsPerSecond);
      for (const [ref, j] of mapsOf(override.clientRefs)) {
        const key = localKey(limit, ref);
        const at = ['spec', 'overrides', i, 'clientRefs', j];
        if (key.kind !== 'ServiceAccount') ctx.issues.add(fieldPath(limit, ...at, 'kind'), ref.kind, 'must be ServiceAccount');
        else checkServiceAccountRef(ctx, limit, [...at, 'name'], key.name, key.namespace, ref.name);
      }
    }
  }
}

function checkServerAuthorizations(ctx: CheckContext): void {
  for (const authz of ctx.index.ofKind('ServerAuthorization', POLICY)) {
    const spec = specOf(authz);
    const server = isMap(spec.server) ? spec.server : {};
    if (typeof server.name === 'string') resolveRef(ctx, authz, ['spec', 'server', 'name'], { group: POLICY, kind: 'Server', namespace: authz.namespace, name: server.name }, server.name);
    const meshTLS = isMap(spec.client) && isMap(spec.client.meshTLS) ? spec.client.meshTLS : {};
    listOf(meshTLS.identities).forEach((identity, i) => {
      if (typeof identity === 'string') checkIdentity(ctx, authz, ['spec', 'client', 'meshTLS', 'identities', i], identity);
    });
    for (const [sa, i] of mapsOf(meshTLS.serviceAccounts)) {
      const name = stringOf(sa.name) ?? '';
      checkServiceAccountRef(ctx, authz, ['spec', 'client', 'meshTLS', 'serviceAccounts', i, 'name'], name, stringOf(sa.namespace) ?? authz.namespace, name);
    }
  }
}

export function checkPolicy(ctx: CheckContext): void {
  checkServers(ctx);
  checkAuthorizationPolicies(ctx);
  checkMeshTlsAuthentications(ctx);
  checkRateLimits(ctx);
  checkServerAuthorizations(ctx);
}

