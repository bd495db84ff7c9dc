/**
 * Resilience annotations in Linkerd's duration grammar (TRAFFIC.md §2.2, §3): on a route the webhook
 * rejects a `1m30s`, on a Service or EgressNetwork Linkerd drops it with a log line nobody reads.
 */
import { FAILURE_ACCRUAL_ANNOTATIONS, RETRY_ANNOTATIONS, TIMEOUT_ANNOTATIONS } from '../k8s/labels.js';
import { linkerdDurationProblem } from '../traffic/duration.js';
import type { CheckContext } from './context.js';
import { annotationsOf, fieldPath, type IndexedObject } from './objects.js';
import { isRoute } from './routes.js';

const ROUTE_DURATIONS = [RETRY_ANNOTATIONS.timeout, TIMEOUT_ANNOTATIONS.request, TIMEOUT_ANNOTATIONS.response, TIMEOUT_ANNOTATIONS.idle];
/** Failure accrual is read from Services and EgressNetworks only. */
const PARENT_DURATIONS = [...ROUTE_DURATIONS, FAILURE_ACCRUAL_ANNOTATIONS.minPenalty, FAILURE_ACCRUAL_ANNOTATIONS.maxPenalty];

/** Prefixes of the annotations a ServiceProfile with routes silently overrides. */
export const RESILIENCE_PREFIXES = ['retry.linkerd.io/', 'timeout.linkerd.io/', 'balancer.linkerd.io/failure-accrual'];

function durationKeys(entry: IndexedObject): readonly string[] {
  if (entry.kind === 'Service' && entry.group === '') return PARENT_DURATIONS;
  if (entry.kind === 'EgressNetwork' && entry.group === 'policy.linkerd.io') return PARENT_DURATIONS;
  return isRoute(entry) ? ROUTE_DURATIONS : [];
}

export function checkAnnotations(ctx: CheckContext): void {
  for (const entry of ctx.index.all) {
    const annotations = annotationsOf(entry.object);
    for (const key of durationKeys(entry)) {
      if (annotations[key] !== undefined) ctx.issues.check(fieldPath(entry, 'metadata', 'annotations', key), annotations[key], linkerdDurationProblem(annotations[key]));
    }
  }
}
