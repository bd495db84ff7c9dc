/**
 * Routes on Services (Gateway API GAMMA, `parentRefs: [{group: core, kind: Service}]`): the Service
 * with the pods it selects, each route attached to its parent Service, and per rule an edge to each
 * backend Service labelled with the rule's matches and the backend's share of them (TRAFFIC.md §4.1).
 * A rule without backends sends everything to the parent Service. This is where requests go, not
 * who may send them: the edges are drawn as traffic.
 */
import { annotationsOf, isMap, mapsOf, specOf, type IndexedObject, type ObjectKey } from '../traffic-check/objects.js';
import { backendKey, isRoute, parentKey, parentKind, servicePorts } from '../traffic-check/routes.js';
import { selectedTemplates } from '../traffic-check/workloads.js';
import { workloadId, type GraphContext } from './clients.js';
import { ANY_REQUEST, ruleMatchSummary } from './matches.js';
import { resilienceLines } from './resilience.js';

/** L4 routes carry no request matches: a rule takes every connection. */
const L4_ROUTES: readonly string[] = ['TLSRoute', 'TCPRoute'];

export const serviceId = (key: Pick<ObjectKey, 'namespace' | 'name'>): string => `service:${key.namespace}/Service/${key.name}`;

/** The parents of `route` that are Services. */
export function serviceParents(route: IndexedObject): ObjectKey[] {
  return mapsOf(specOf(route).parentRefs)
    .map(([ref]) => parentKey(route, ref))
    .filter((key) => parentKind(key) === 'Service');
}

/** `85.5 %` of the rule's requests (weights are relative; Gateway API's default weight is 1). */
function share(weight: number, total: number): string {
  return total > 0 ? `${Number(((100 * weight) / total).toFixed(2))} %` : 'weight 0: no requests';
}

/** Services a mesh route names (parent or backend), and Services with resilience annotations. */
function drawnServices(ctx: GraphContext): Set<string> {
  const ids = new Set<string>();
  for (const route of ctx.index.all.filter(isRoute)) {
    const parents = serviceParents(route);
    if (!parents.length) continue;
    for (const key of parents) ids.add(serviceId(key));
    for (const [rule] of mapsOf(specOf(route).rules)) {
      for (const [ref] of mapsOf(rule.backendRefs)) {
        const key = backendKey(route, ref);
        if (parentKind(key) === 'Service') ids.add(serviceId(key));
      }
    }
  }
  for (const service of ctx.index.ofKind('Service', '')) if (resilienceLines(annotationsOf(service.object)).length) ids.add(serviceId(service));
  return ids;
}

/** Service nodes (ports, resilience annotations) and the workloads each selects. */
export function addServices(ctx: GraphContext): void {
  const drawn = drawnServices(ctx);
  for (const service of ctx.index.ofKind('Service', '')) {
    const id = serviceId(service);
    if (!drawn.has(id)) continue;
    const ports = servicePorts(service);
    const lines = [`Service ${service.name}`, ports.length ? `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` : 'no ports', ...resilienceLines(annotationsOf(service.object))];
    ctx.g.node({ id, kind: 'service', namespace: service.namespace, lines });
    const selector = specOf(service).selector;
    // No selector: the Service's endpoints are managed by hand, and no pod template is chosen.
    if (isMap(selector) && Object.keys(selector).length) {
      for (const t of selectedTemplates(ctx.templates, service.namespace, { matchLabels: selector })) ctx.g.edge({ from: id, to: workloadId(t), label: 'selects', structural: true });
    }
  }
}

/** Edges of a route on Services: parent → route, and route → each backend with its share of each rule. */
export function addServiceRouteEdges(ctx: GraphContext, route: IndexedObject, routeId: string, parents: readonly ObjectKey[]): void {
  for (const parent of parents) ctx.g.edge({ from: serviceId(parent), to: routeId, label: 'routes', structural: true });
  const rules = mapsOf(specOf(route).rules);
  for (const [rule] of rules) {
    const summary = L4_ROUTES.includes(route.kind) ? 'any connection' : ruleMatchSummary(rule);
    // A catch-all rule gets only what no more specific match of another rule takes (Gateway API precedence).
    const matches = summary === ANY_REQUEST && rules.length > 1 ? 'any other request' : summary;
    const backends = mapsOf(rule.backendRefs).map(([ref]) => ({ key: backendKey(route, ref), weight: typeof ref.weight === 'number' ? ref.weight : 1 }));
    if (!backends.length) {
      for (const parent of parents) ctx.g.edge({ from: routeId, to: serviceId(parent), label: `${matches}\n100 % (no backends: the parent Service)`, traffic: true });
      continue;
    }
    const total = backends.reduce((sum, b) => sum + b.weight, 0);
    // A Service listed twice in one rule gets the sum of its weights.
    const weights = new Map<string, number>();
    for (const b of backends) if (parentKind(b.key) === 'Service') weights.set(serviceId(b.key), (weights.get(serviceId(b.key)) ?? 0) + b.weight);
    for (const [to, weight] of weights) ctx.g.edge({ from: routeId, to, label: `${matches}\n${share(weight, total)}`, traffic: true });
  }
}
