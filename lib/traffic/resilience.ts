/**
 * Retries and timeouts as Linkerd's `retry.linkerd.io/*` and `timeout.linkerd.io/*` annotations
 * (TRAFFIC.md §2.2), for a Service or a route. Upstream's precedence (§2.4): if a route carries any
 * retry annotation, none of its Service's retry annotations apply to that route; if it carries any
 * timeout (annotation or `timeouts.request`), none of the Service's timeouts apply. Route settings
 * replace Service settings wholesale, they do not merge.
 */
import type { IssueCollector } from '../errors.js';
import { RETRY_ANNOTATIONS, TIMEOUT_ANNOTATIONS } from '../k8s/labels.js';
import { linkerdDurationProblem, parseLinkerdDuration, type LinkerdDuration } from './duration.js';

/** `5xx` (500–599), `gateway-error` (502–504), one status code, or an inclusive range of codes. */
export type HttpRetryStatus = '5xx' | 'gateway-error' | number | { readonly from: number; readonly to: number };
export type GrpcRetryStatus = 'cancelled' | 'deadline-exceeded' | 'internal' | 'resource-exhausted' | 'unavailable';
export const GRPC_RETRY_STATUSES: readonly GrpcRetryStatus[] = ['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable'];

/** When and how often a client-side proxy retries a request. Requests with bodies over 64 KiB are never retried. */
export interface RetryPolicy {
  /**
   * HTTP statuses to retry (`retry.linkerd.io/http`). Services and HTTP routes only.
   * @default - no status is retried; only transport errors (refused streams, per-try timeouts)
   */
  readonly http?: readonly HttpRetryStatus[];
  /**
   * gRPC statuses to retry (`retry.linkerd.io/grpc`). Services and gRPC routes only.
   * @default - no gRPC status is retried
   */
  readonly grpc?: readonly GrpcRetryStatus[];
  /**
   * Retries per request (`retry.linkerd.io/limit`), 1–65535.
   * @default 1 (Linkerd's, whenever a retry policy exists)
   */
  readonly limit?: number;
  /**
   * Per-try timeout (`retry.linkerd.io/timeout`); a timed-out try is retried.
   * @default - no per-try timeout
   */
  readonly timeout?: LinkerdDuration;
}

/** Timeouts of the whole exchange; a request that times out here is not retried. */
export interface Timeouts {
  /**
   * Total time for the request and its response stream (`timeout.linkerd.io/request`).
   * @default - none
   */
  readonly request?: LinkerdDuration;
  /**
   * Time the response may be in flight (`timeout.linkerd.io/response`).
   * @default - none
   */
  readonly response?: LinkerdDuration;
  /**
   * Longest idle time of the stream (`timeout.linkerd.io/idle`).
   * @default - none
   */
  readonly idle?: LinkerdDuration;
}

/** Retries and timeouts of a Service or a route. */
export interface Resilience {
  /**
   * Retry policy; on a route it replaces the Service's wholesale.
   * @default - the Service's (on a route), none (on a Service)
   */
  readonly retry?: RetryPolicy;
  /**
   * Timeouts; on a route (any of them, or a rule `timeout`) they replace the Service's wholesale.
   * @default - the Service's (on a route), none (on a Service)
   */
  readonly timeouts?: Timeouts;
}

/** What carries the annotations: each reads only some of them. */
export type ResilienceTarget = 'Service' | 'HTTPRoute' | 'GRPCRoute';

const isStatus = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 100 && (n as number) <= 599;

function httpStatusText(status: HttpRetryStatus, path: string, issues: IssueCollector): string | undefined {
  if (status === '5xx' || status === 'gateway-error') return status;
  if (typeof status === 'number') {
    if (isStatus(status)) return String(status);
    issues.add(path, status, 'must be an HTTP status code from 100 to 599, "5xx" or "gateway-error"');
    return undefined;
  }
  if (typeof status === 'object' && status !== null && isStatus(status.from) && isStatus(status.to) && status.from <= status.to) return `${status.from}-${status.to}`;
  issues.add(path, status, 'must be a range { from, to } of status codes from 100 to 599 with from <= to');
  return undefined;
}

function durationAnnotation(out: Record<string, string>, key: string, value: LinkerdDuration | undefined, path: string, issues: IssueCollector): void {
  if (value === undefined) return;
  const problem = linkerdDurationProblem(value);
  if (problem) issues.add(path, value, problem);
  else out[key] = value.trim();
}

function retryAnnotations(retry: RetryPolicy, target: ResilienceTarget, path: string, issues: IssueCollector): Record<string, string> {
  const out: Record<string, string> = {};
  if (retry.http !== undefined) {
    if (target === 'GRPCRoute') issues.add(`${path}.http`, retry.http, `Linkerd ignores ${RETRY_ANNOTATIONS.http} on a GRPCRoute: use grpc`);
    else if (retry.http.length === 0) issues.add(`${path}.http`, retry.http, 'must list at least one status (omit it to retry none)');
    else {
      const parts = retry.http.map((s, i) => httpStatusText(s, `${path}.http[${i}]`, issues));
      if (parts.every((p) => p !== undefined)) out[RETRY_ANNOTATIONS.http] = parts.join(',');
    }
  }
  if (retry.grpc !== undefined) {
    if (target === 'HTTPRoute') issues.add(`${path}.grpc`, retry.grpc, `Linkerd ignores ${RETRY_ANNOTATIONS.grpc} on an HTTPRoute: use http`);
    else if (retry.grpc.length === 0) issues.add(`${path}.grpc`, retry.grpc, 'must list at least one status (omit it to retry none)');
    else {
      retry.grpc.forEach((s, i) => {
        if (!GRPC_RETRY_STATUSES.includes(s)) issues.add(`${path}.grpc[${i}]`, s, `must be one of ${GRPC_RETRY_STATUSES.join(', ')}`);
      });
      out[RETRY_ANNOTATIONS.grpc] = retry.grpc.join(',');
    }
  }
  if (retry.limit !== undefined) {
    // Linkerd reads "0" as unset, which then means one retry: refuse it rather than surprise.
    if (Number.isInteger(retry.limit) && retry.limit >= 1 && retry.limit <= 65535) out[RETRY_ANNOTATIONS.limit] = String(retry.limit);
    else issues.add(`${path}.limit`, retry.limit, 'must be an integer from 1 to 65535 (Linkerd reads 0 as unset, i.e. 1 retry; omit retry to disable retries)');
  }
  if (retry.timeout !== undefined && parseLinkerdDuration(String(retry.timeout)) === 0) {
    issues.add(`${path}.timeout`, retry.timeout, 'a zero per-try timeout is read as unset: omit it');
  } else durationAnnotation(out, RETRY_ANNOTATIONS.timeout, retry.timeout, `${path}.timeout`, issues);
  if (Object.keys(retry).every((k) => retry[k as keyof RetryPolicy] === undefined)) {
    issues.add(path, retry, 'must set at least one of http, grpc, limit or timeout');
  }
  return out;
}

/**
 * The annotations for `resilience` on `target`, each problem recorded under `path` (e.g.
 * `App/web-route.retry.limit`). The result is in a fixed key order, so output is deterministic.
 */
export function resilienceAnnotations(resilience: Resilience, target: ResilienceTarget, path: string, issues: IssueCollector): Record<string, string> {
  const out: Record<string, string> = {};
  if (resilience.retry) Object.assign(out, retryAnnotations(resilience.retry, target, `${path}.retry`, issues));
  const timeouts = resilience.timeouts;
  if (timeouts) {
    for (const key of ['request', 'response', 'idle'] as const) {
      durationAnnotation(out, TIMEOUT_ANNOTATIONS[key], timeouts[key], `${path}.timeouts.${key}`, issues);
    }
  }
  return out;
}
