/**
 * Circuit breaking: Linkerd's consecutive failure accrual (`balancer.linkerd.io/failure-accrual*` on
 * a Service, TRAFFIC.md §3). An endpoint that fails N times in a row (HTTP 5xx; gRPC DATA_LOSS,
 * DEADLINE_EXCEEDED, INTERNAL, PERMISSION_DENIED, UNAVAILABLE) leaves the client's balancer and is
 * probed again after a backoff growing from the min to the max penalty. Linkerd drops the whole
 * config if any parameter is invalid, so each is checked here.
 */
import type { IssueCollector } from '../errors.js';
import { FAILURE_ACCRUAL_ANNOTATIONS } from '../k8s/labels.js';
import { linkerdDurationProblem, parseLinkerdDuration, type LinkerdDuration } from './duration.js';

export interface CircuitBreaker {
  /**
   * Consecutive failures that trip an endpoint's breaker, 1 or more.
   * @default 7 (Linkerd's; always written, so the render states it)
   */
  readonly consecutiveFailures?: number;
  /**
   * First backoff before a tripped endpoint is probed.
   * @default - Linkerd's 1s
   */
  readonly minPenalty?: LinkerdDuration;
  /**
   * Longest backoff; must be above zero and at least `minPenalty`.
   * @default - Linkerd's 60s
   */
  readonly maxPenalty?: LinkerdDuration;
  /**
   * Jitter added to backoffs, 0–100.
   * @default - Linkerd's 0.5
   */
  readonly jitterRatio?: number;
}

/** Linkerd's defaults, used to compare the penalties when only one is given. */
const DEFAULT_MIN_PENALTY_MS = 1000;
const DEFAULT_MAX_PENALTY_MS = 60_000;
const U32_MAX = 4_294_967_295;

export function circuitBreakerAnnotations(breaker: CircuitBreaker, path: string, issues: IssueCollector): Record<string, string> {
  const out: Record<string, string> = { [FAILURE_ACCRUAL_ANNOTATIONS.mode]: 'consecutive' };
  const failures = breaker.consecutiveFailures ?? 7;
  if (Number.isInteger(failures) && failures >= 1 && failures <= U32_MAX) out[FAILURE_ACCRUAL_ANNOTATIONS.maxFailures] = String(failures);
  else issues.add(`${path}.consecutiveFailures`, failures, 'must be an integer of at least 1');
  const penalty = (key: 'minPenalty' | 'maxPenalty', fallback: number): number | undefined => {
    const value = breaker[key];
    if (value === undefined) return fallback;
    const problem = linkerdDurationProblem(value);
    if (problem) {
      issues.add(`${path}.${key}`, value, problem);
      return undefined;
    }
    out[FAILURE_ACCRUAL_ANNOTATIONS[key]] = value.trim();
    return parseLinkerdDuration(value);
  };
  const min = penalty('minPenalty', DEFAULT_MIN_PENALTY_MS);
  const max = penalty('maxPenalty', DEFAULT_MAX_PENALTY_MS);
  if (max === 0) issues.add(`${path}.maxPenalty`, breaker.maxPenalty, 'must be above zero');
  else if (min !== undefined && max !== undefined && min > max) {
    const field = breaker.minPenalty !== undefined ? 'minPenalty' : 'maxPenalty';
    issues.add(`${path}.${field}`, breaker[field], `minPenalty (${breaker.minPenalty ?? '1s'}) must not exceed maxPenalty (${breaker.maxPenalty ?? '60s'})`);
  }
  if (breaker.jitterRatio !== undefined) {
    const j = breaker.jitterRatio;
    if (typeof j === 'number' && Number.isFinite(j) && j >= 0 && j <= 100) out[FAILURE_ACCRUAL_ANNOTATIONS.jitterRatio] = String(j);
    else issues.add(`${path}.jitterRatio`, j, 'must be a number from 0 to 100');
  }
  return out;
}
