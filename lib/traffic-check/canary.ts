/**
 * Flagger Canary references: the target workload exists in the Canary's namespace, and the Service
 * Flagger will create and route is not one the app routes itself (Flagger owns the apex Service's
 * HTTPRoute and would overwrite, or fight, a route of the app on it).
 */
import { resolveRef, type CheckContext } from './context.js';
import { fieldPath, isMap, specOf, stringOf } from './objects.js';
import { isRoute, routesService } from './routes.js';

export function checkCanaries(ctx: CheckContext): void {
  const routes = ctx.index.all.filter(isRoute);
  for (const canary of ctx.index.ofKind('Canary', 'flagger.app')) {
    const spec = specOf(canary);
    const target = isMap(spec.targetRef) ? spec.targetRef : undefined;
    if (target && typeof target.name === 'string') {
      const kind = stringOf(target.kind) ?? 'Deployment';
      const group = kind === 'Service' ? '' : 'apps';
      resolveRef(ctx, canary, ['spec', 'targetRef', 'name'], { group, kind, namespace: canary.namespace, name: target.name }, target.name);
    }
    const service = isMap(spec.service) ? spec.service : {};
    const apex = stringOf(service.name) ?? stringOf(target?.name);
    if (!apex) continue;
    for (const route of routes) {
      const owned = route.name === apex && route.namespace === canary.namespace;
      if (owned || routesService(route, canary.namespace, apex)) {
        ctx.issues.add(fieldPath(route, owned ? 'metadata' : 'spec', owned ? 'name' : 'parentRefs'), owned ? route.name : apex, `Flagger Canary ${canary.namespace}/${canary.name} owns Service ${apex} and writes its HTTPRoute ${apex}: Flagger would overwrite this route, or the two would compete for the same requests; route the canary through the Canary (analysis.match) instead`);
      }
    }
  }
}
