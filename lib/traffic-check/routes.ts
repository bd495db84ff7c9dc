/**
 * Route checks (HTTPRoute of both groups, GRPCRoute, TLSRoute, TCPRoute): parents and backends
 * resolve (with Gateway API's group/kind defaults), ports exist on the Service, weights add up to
 * something, and nothing Linkerd drops silently (unsupported filters, `backendRequest`, compound
 * timeouts, regex gRPC methods, multi-rule L4 routes) gets through (TRAFFIC.md §1.6, §1.12–§1.14).
 */
import { RETRY_ANNOTATIONS } from '../k8s/labels.js';
import { routeTimeoutProblem } from '../traffic/duration.js';
import { describeKey, resolveRef, type CheckContext } from './context.js';
import { fieldPath, isMap, listOf, mapsOf, normalizeGroup, specOf, stringOf, type IndexedObject, type JsonMap, type ObjectKey } from './objects.js';

const GATEWAY = 'gateway.networking.k8s.io';
const POLICY = 'policy.linkerd.io';

/** Route kinds by group. */
export const ROUTE_KINDS: Readonly<Record<string, readonly string[]>> = {
  [GATEWAY]: ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'],
  [POLICY]: ['HTTPRoute'],
};

export function isRoute(entry: IndexedObject): boolean {
  return ROUTE_KINDS[entry.group]?.includes(entry.kind) ?? false;
}

/** Filters Linkerd implements, per route kind; anything else drops the route (or fails the backend). */
const SUPPORTED_FILTERS: Readonly<Record<string, readonly string[]>> = {
  HTTPRoute: ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect'],
  GRPCRoute: ['RequestHeaderModifier', 'ResponseHeaderModifier'],
};

export type ParentKind = 'Service' | 'Server' | 'EgressNetwork' | 'other';

/** How Linkerd classifies a parent (§1.13): Service by kind with the core group, the others by group too. */
export function parentKind(key: ObjectKey): ParentKind {
  if (key.kind.toLowerCase() === 'service' && key.group === '') return 'Service';
  if (key.kind === 'Server' && key.group === POLICY) return 'Server';
  if (key.kind === 'EgressNetwork' && key.group === POLICY) return 'EgressNetwork';
  return 'other';
}

/** A parentRef with the CRD defaults applied (group of the route's own API for policy.linkerd.io, kind Gateway). */
export function parentKey(route: IndexedObject, ref: JsonMap): ObjectKey {
  const group = ref.group === undefined ? (route.group === POLICY ? POLICY : GATEWAY) : normalizeGroup(stringOf(ref.group));
  return { group, kind: stringOf(ref.kind) ?? 'Gateway', namespace: stringOf(ref.namespace) ?? route.namespace, name: stringOf(ref.name) ?? '' };
}

/** Whether `route` has the Service `namespace/name` as a parent (any port). */
export function routesService(route: IndexedObject, namespace: string, name: string): boolean {
  return mapsOf(specOf(route).parentRefs).some(([ref]) => {
    const key = parentKey(route, ref);
    return parentKind(key) === 'Service' && key.name === name && key.namespace === namespace;
  });
}

/** A backendRef with the Gateway API defaults (core group, kind Service, the route's namespace). */
export function backendKey(route: IndexedObject, ref: JsonMap): ObjectKey {
  return { group: normalizeGroup(stringOf(ref.group)), kind: stringOf(ref.kind) ?? 'Service', namespace: stringOf(ref.namespace) ?? route.namespace, name: stringOf(ref.name) ?? '' };
}

/** The `port` numbers a Service declares. */
export function servicePorts(service: IndexedObject): number[] {
  return mapsOf(specOf(service).ports).flatMap(([p]) => (typeof p.port === 'number' ? [p.port] : []));
}

function checkServicePort(ctx: CheckContext, route: IndexedObject, path: ReadonlyArray<string | number>, service: IndexedObject, port: unknown): void {
  const ports = servicePorts(service);
  if (typeof port === 'number' && !ports.includes(port)) {
    ctx.issues.add(fieldPath(route, ...path), port, `is not a port of ${describeKey(service)}: it has ${ports.length ? ports.join(', ') : 'no ports'}`);
  }
}

function checkParents(ctx: CheckContext, route: IndexedObject): ParentKind[] {
  const kinds: ParentKind[] = [];
  for (const [ref, i] of mapsOf(specOf(route).parentRefs)) {
    const at = ['spec', 'parentRefs', i];
    const key = parentKey(route, ref);
    const kind = parentKind(key);
    kinds.push(kind);
    if (kind === 'other' && key.kind === 'Gateway' && !ctx.index.exists(key)) {
      ctx.issues.add(fieldPath(route, ...at), ref, `defaults to a Gateway (group ${key.group}), and there is none: a mesh route on a Service must say group: core and kind: Service`);
      continue;
    }
    const parent = resolveRef(ctx, route, [...at, 'name'], key, ref.name);
    if (kind === 'Server') {
      if (key.namespace !== route.namespace) ctx.issues.add(fieldPath(route, ...at, 'namespace'), ref.namespace, `a Server parent must be in the route's namespace (${route.namespace})`);
      if (ref.port !== undefined) ctx.issues.add(fieldPath(route, ...at, 'port'), ref.port, 'must be unset for a Server parent (the Server names the port)');
    }
    if (kind === 'EgressNetwork' && ref.port === undefined) ctx.issues.add(fieldPath(route, ...at, 'port'), undefined, 'is required for an EgressNetwork parent');
    if (kind === 'Service' && parent) {
      checkServicePort(ctx, route, [...at, 'port'], parent, ref.port);
      const spec = specOf(parent);
      if (spec.clusterIP === 'None' || spec.type === 'ExternalName') {
        ctx.issues.add(fieldPath(route, ...at, 'name'), ref.name, `${describeKey(parent)} has no ClusterIP (headless or ExternalName): Linkerd does not accept it as a route parent`);
      }
    }
  }
  return kinds;
}

function checkFilters(ctx: CheckContext, route: IndexedObject, path: ReadonlyArray<string | number>, filters: unknown): void {
  const supported = SUPPORTED_FILTERS[route.kind];
  if (!supported) return;
  for (const [filter, i] of mapsOf(filters)) {
    if (typeof filter.type === 'string' && !supported.includes(filter.type)) {
      ctx.issues.add(fieldPath(route, ...path, i, 'type'), filter.type, `is not implemented by Linkerd (it would drop the route or fail the backend with HTTP 500); allowed: ${supported.join(', ')}`);
    }
  }
}

function checkBackends(ctx: CheckContext, route: IndexedObject, rulePath: ReadonlyArray<string | number>, rule: JsonMap, parents: readonly ParentKind[]): void {
  const backends = mapsOf(rule.backendRefs);
  for (const [ref, j] of backends) {
    const at = [...rulePath, 'backendRefs', j];
    const key = backendKey(route, ref);
    const backend = resolveRef(ctx, route, [...at, 'name'], key, ref.name);
    const kind = parentKind(key);
    if (kind === 'Service') {
      // Without a port the webhook refuses a Gateway API route; the other kinds get a failing backend.
      if (ref.port === undefined) {
        ctx.issues.add(fieldPath(route, ...at, 'port'), undefined, 'is required for a Service backend');
      } else if (backend) checkServicePort(ctx, route, [...at, 'port'], backend, ref.port);
    } else if (kind === 'EgressNetwork') {
      const sameParent = mapsOf(specOf(route).parentRefs).some(([p]) => {
        const pk = parentKey(route, p);
        return parentKind(pk) === 'EgressNetwork' && pk.namespace === key.namespace && pk.name === key.name;
      });
      if (!sameParent) ctx.issues.add(fieldPath(route, ...at), ref, 'an EgressNetwork backend must be the route\'s own EgressNetwork parent');
    } else if (parents.some((p) => p === 'Service' || p === 'EgressNetwork')) {
      ctx.issues.add(fieldPath(route, ...at, 'kind'), key.kind, 'Linkerd routes to Service (or the parent EgressNetwork) backends only');
    }
    if (ref.weight !== undefined && (typeof ref.weight !== 'number' || !Number.isInteger(ref.weight) || ref.weight < 0 || ref.weight > 1_000_000)) {
      ctx.issues.add(fieldPath(route, ...at, 'weight'), ref.weight, 'must be an integer from 0 to 1000000');
    }
    checkFilters(ctx, route, [...at, 'filters'], ref.filters);
  }
  if (backends.length && backends.every(([ref]) => ref.weight === 0)) {
    ctx.issues.add(fieldPath(route, ...rulePath, 'backendRefs'), backends.map(([ref]) => ref.weight), 'every weight is 0: the rule would send its traffic nowhere; give at least one backend a weight above 0');
  }
}

function checkRule(ctx: CheckContext, route: IndexedObject, rule: JsonMap, i: number, parents: readonly ParentKind[]): void {
  const at = ['spec', 'rules', i];
  checkFilters(ctx, route, [...at, 'filters'], rule.filters);
  checkBackends(ctx, route, at, rule, parents);
  if (rule.sessionPersistence !== undefined) ctx.issues.add(fieldPath(route, ...at, 'sessionPersistence'), rule.sessionPersistence, 'is not implemented by Linkerd (ignored): remove it');
  const timeouts = isMap(rule.timeouts) ? rule.timeouts : {};
  if (timeouts.backendRequest !== undefined) {
    ctx.issues.add(fieldPath(route, ...at, 'timeouts', 'backendRequest'), timeouts.backendRequest, `is not implemented by Linkerd (ignored): use timeouts.request, or the ${RETRY_ANNOTATIONS.timeout} annotation for a per-try timeout`);
  }
  // The policy.linkerd.io kind parses Go durations here; only the Gateway API kind has Linkerd's grammar.
  if (timeouts.request !== undefined && route.group === GATEWAY) {
    ctx.issues.check(fieldPath(route, ...at, 'timeouts', 'request'), timeouts.request, routeTimeoutProblem(timeouts.request));
  }
  if (route.kind === 'GRPCRoute') {
    for (const [match, m] of mapsOf(rule.matches)) {
      const method = isMap(match.method) ? match.method : {};
      if (method.type === 'RegularExpression') ctx.issues.add(fieldPath(route, ...at, 'matches', m, 'method', 'type'), method.type, 'Linkerd rejects regular-expression gRPC method matches: use Exact');
    }
  }
}

export function checkRoutes(ctx: CheckContext): void {
  for (const route of ctx.index.all.filter(isRoute)) {
    const parents = checkParents(ctx, route);
    const rules = mapsOf(specOf(route).rules);
    rules.forEach(([rule, i]) => checkRule(ctx, route, rule, i, parents));
    const l4 = route.kind === 'TLSRoute' || route.kind === 'TCPRoute';
    if (l4 && listOf(specOf(route).rules).length !== 1 && parents.some((p) => p === 'Service' || p === 'EgressNetwork')) {
      ctx.issues.add(fieldPath(route, 'spec', 'rules'), listOf(specOf(route).rules).length, `Linkerd supports a ${route.kind} with exactly one rule`);
    }
  }
}
