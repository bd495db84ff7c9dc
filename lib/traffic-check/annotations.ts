/**
 * Resilience annotations as Linkerd reads them (TRAFFIC.md §2.2, §3): durations in Linkerd's grammar
 * (on a route the webhook rejects a `1m30s`, on a Service Linkerd drops it with a log line nobody
 * reads), retry conditions in the grammar of their kind, and each annotation on a kind that reads it
 * (`retry.linkerd.io/http` on a GRPCRoute, or failure accrual on a route, is ignored).
 */
import { FAILURE_ACCRUAL_ANNOTATIONS, RESILIENCE_ANNOTATION_PREFIXES, RETRY_ANNOTATIONS, TIMEOUT_ANNOTATIONS } from '../k8s/labels.js';
import { linkerdDurationProblem } from '../traffic/duration.js';
import { GRPC_RETRY_STATUSES } from '../traffic/resilience.js';
import type { CheckContext } from './context.js';
import { annotationsOf, fieldPath, type IndexedObject } from './objects.js';
import { isRoute } from './routes.js';

const ROUTE_DURATIONS: readonly string[] = [RETRY_ANNOTATIONS.timeout, TIMEOUT_ANNOTATIONS.request, TIMEOUT_ANNOTATIONS.response, TIMEOUT_ANNOTATIONS.idle];
/** Failure accrual is read from Services and EgressNetworks only. */
const PARENT_DURATIONS: readonly string[] = [...ROUTE_DURATIONS, FAILURE_ACCRUAL_ANNOTATIONS.minPenalty, FAILURE_ACCRUAL_ANNOTATIONS.maxPenalty];

/** `5xx`, `gateway-error`, `NNN` or `NNN-MMM` (100–599, start ≤ end), comma-separated without spaces. */
function httpConditionsProblem(value: string): string | undefined {
  const bad = value.split(',').filter((part) => {
    if (/^(5xx|gateway-error)$/i.test(part)) return false;
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    if (!m) return true;
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    return from < 100 || to > 599 || from > to;
  });
  return bad.length ? `must be a comma-separated list (no spaces) of 5xx, gateway-error, a status code or a range such as 500-504; not ${bad.map((b) => JSON.stringify(b)).join(', ')}` : undefined;
}

function grpcConditionsProblem(value: string): string | undefined {
  const bad = value.split(',').filter((part) => !(GRPC_RETRY_STATUSES as readonly string[]).includes(part.toLowerCase()));
  return bad.length ? `must be a comma-separated list (no spaces) of ${GRPC_RETRY_STATUSES.join(', ')}; not ${bad.map((b) => JSON.stringify(b)).join(', ')}` : undefined;
}

function limitProblem(value: string): string | undefined {
  return /^\d+$/.test(value.trim()) && Number(value) <= 65535 ? undefined : 'must be a whole number of retries from 0 to 65535';
}

type Target = 'parent' | 'HTTPRoute' | 'GRPCRoute' | 'L4Route' | undefined;

function targetOf(entry: IndexedObject): Target {
  if ((entry.kind === 'Service' && entry.group === '') || (entry.kind === 'EgressNetwork' && entry.group === 'policy.linkerd.io')) return 'parent';
  if (!isRoute(entry)) return undefined;
  return entry.kind === 'HTTPRoute' || entry.kind === 'GRPCRoute' ? entry.kind : 'L4Route';
}

/** Why Linkerd ignores `key` on this kind of object, if it does. */
function ignoredProblem(key: string, target: Target): string | undefined {
  if (target === 'HTTPRoute' && key === RETRY_ANNOTATIONS.grpc) return `is ignored on an HTTPRoute: use ${RETRY_ANNOTATIONS.http} (or move the route to a GRPCRoute)`;
  if (target === 'GRPCRoute' && key === RETRY_ANNOTATIONS.http) return `is ignored on a GRPCRoute: use ${RETRY_ANNOTATIONS.grpc}`;
  if (target !== 'parent' && key.startsWith(FAILURE_ACCRUAL_ANNOTATIONS.mode)) return 'is read from the Service (or EgressNetwork) only: move it there';
  if (target === 'L4Route' && RESILIENCE_ANNOTATION_PREFIXES.some((p) => key.startsWith(p))) return 'is read from HTTP and gRPC routes only (and their Service)';
  return undefined;
}

export function checkAnnotations(ctx: CheckContext): void {
  for (const entry of ctx.index.all) {
    const target = targetOf(entry);
    if (!target) continue;
    const annotations = annotationsOf(entry.object);
    const durations = target === 'parent' ? PARENT_DURATIONS : ROUTE_DURATIONS;
    for (const [key, value] of Object.entries(annotations)) {
      const at = fieldPath(entry, 'metadata', 'annotations', key);
      const ignored = ignoredProblem(key, target);
      if (ignored) ctx.issues.add(at, value, ignored);
      else if (typeof value !== 'string') continue;
      else if (durations.includes(key)) ctx.issues.check(at, value, linkerdDurationProblem(value));
      else if (key === RETRY_ANNOTATIONS.http) ctx.issues.check(at, value, httpConditionsProblem(value));
      else if (key === RETRY_ANNOTATIONS.grpc) ctx.issues.check(at, value, grpcConditionsProblem(value));
      else if (key === RETRY_ANNOTATIONS.limit) ctx.issues.check(at, value, limitProblem(value));
    }
  }
}
