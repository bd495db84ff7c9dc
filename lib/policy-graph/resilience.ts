/**
 * Retry, timeout and failure-accrual annotations summarised for a node label (TRAFFIC.md §2.2, §3):
 * `retry on gRPC unavailable, limit 3, 300ms per try`, `timeout request 1s`,
 * `circuit breaking consecutive: 7 failures`. Values are shown as written; the traffic checks judge them.
 */
import { FAILURE_ACCRUAL_ANNOTATIONS, RETRY_ANNOTATIONS, TIMEOUT_ANNOTATIONS } from '../k8s/labels.js';
import { isMap, mapsOf, stringOf, type JsonMap } from '../traffic-check/objects.js';

/** Linkerd's default when the mode is set and the count is not. */
const DEFAULT_MAX_FAILURES = '7';

function joined(label: string, parts: ReadonlyArray<string | undefined>): string[] {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length ? [`${label}${present.join(', ')}`] : [];
}

function retryLine(a: Readonly<Record<string, string>>): string[] {
  const http = a[RETRY_ANNOTATIONS.http];
  const grpc = a[RETRY_ANNOTATIONS.grpc];
  const limit = a[RETRY_ANNOTATIONS.limit];
  const timeout = a[RETRY_ANNOTATIONS.timeout];
  return joined('retry ', [http && `on HTTP ${http}`, grpc && `on gRPC ${grpc}`, limit && `limit ${limit}`, timeout && `${timeout} per try`]);
}

function timeoutLine(a: Readonly<Record<string, string>>): string[] {
  return joined('timeout ', (Object.keys(TIMEOUT_ANNOTATIONS) as Array<keyof typeof TIMEOUT_ANNOTATIONS>).map((k) => a[TIMEOUT_ANNOTATIONS[k]] && `${k} ${a[TIMEOUT_ANNOTATIONS[k]]}`));
}

function failureAccrualLine(a: Readonly<Record<string, string>>): string[] {
  const mode = a[FAILURE_ACCRUAL_ANNOTATIONS.mode];
  if (!mode) return [];
  const failures = a[FAILURE_ACCRUAL_ANNOTATIONS.maxFailures];
  const parts = [
    failures ? `${failures} failures` : `${DEFAULT_MAX_FAILURES} failures (default)`,
    a[FAILURE_ACCRUAL_ANNOTATIONS.minPenalty] && `min penalty ${a[FAILURE_ACCRUAL_ANNOTATIONS.minPenalty]}`,
    a[FAILURE_ACCRUAL_ANNOTATIONS.maxPenalty] && `max penalty ${a[FAILURE_ACCRUAL_ANNOTATIONS.maxPenalty]}`,
    a[FAILURE_ACCRUAL_ANNOTATIONS.jitterRatio] && `jitter ${a[FAILURE_ACCRUAL_ANNOTATIONS.jitterRatio]}`,
  ];
  return joined(`circuit breaking ${mode}: `, parts);
}

/** The annotation summary lines of a Service, EgressNetwork or route (none when it sets none). */
export function resilienceLines(annotations: Readonly<Record<string, string>>): string[] {
  return [...retryLine(annotations), ...timeoutLine(annotations), ...failureAccrualLine(annotations)];
}

/** `rule 2: timeout request 10s` for each rule with a Gateway API `timeouts` field (1-based, as people count). */
export function ruleTimeoutLines(rules: unknown): string[] {
  return mapsOf(rules).flatMap(([rule, i]) => {
    const t: JsonMap = isMap(rule.timeouts) ? rule.timeouts : {};
    return joined(`rule ${i + 1}: timeout `, [stringOf(t.request) && `request ${stringOf(t.request)}`, stringOf(t.backendRequest) && `backend request ${stringOf(t.backendRequest)}`]);
  });
}
