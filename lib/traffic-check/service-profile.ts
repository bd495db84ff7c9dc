/**
 * A ServiceProfile with routes or dstOverrides switches the proxy to profile routing for its Service:
 * HTTPRoutes/GRPCRoutes on the Service and its retry, timeout and failure-accrual annotations are then
 * ignored without a word (TRAFFIC.md §2.5). Such a pair is refused here.
 */
import { profiledService } from '../service-profile/names.js';
import { annotationsOf, fieldPath, listOf, specOf } from './objects.js';
import type { CheckContext } from './context.js';
import { RESILIENCE_ANNOTATION_PREFIXES } from '../k8s/labels.js';
import { isRoute, routesService } from './routes.js';

export function checkServiceProfiles(ctx: CheckContext): void {
  const routes = ctx.index.all.filter(isRoute);
  for (const profile of ctx.index.ofKind('ServiceProfile', 'linkerd.io')) {
    const spec = specOf(profile);
    const field = listOf(spec.routes).length ? 'routes' : listOf(spec.dstOverrides).length ? 'dstOverrides' : undefined;
    const target = profiledService(profile.name);
    if (!field || !target) continue;
    const overridden: string[] = [];
    for (const route of routes) if (routesService(route, target.namespace, target.service)) overridden.push(`${route.kind} ${route.namespace}/${route.name}`);
    const service = ctx.index.get({ group: '', kind: 'Service', namespace: target.namespace, name: target.service });
    if (service) {
      const keys = Object.keys(annotationsOf(service.object)).filter((k) => RESILIENCE_ANNOTATION_PREFIXES.some((p) => k.startsWith(p))).sort();
      if (keys.length) overridden.push(`the annotations ${keys.join(', ')} of Service ${target.namespace}/${target.service}`);
    }
    if (overridden.length) {
      ctx.issues.add(
        fieldPath(profile, 'spec', field),
        // What it holds, counted (the list itself can be long).
        `${listOf(spec[field]).length} ${field === 'routes' ? 'route' : 'dstOverride'}${listOf(spec[field]).length === 1 ? '' : 's'}`,
        `a ServiceProfile with ${field} takes over routing for ${target.namespace}/${target.service} and silently disables ${overridden.join('; ')} (and circuit breaking): move its routes to the HTTPRoute, or drop the ServiceProfile's ${field}`,
      );
    }
  }
}
