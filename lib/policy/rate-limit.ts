/**
 * HTTPLocalRateLimitPolicy (`policy.linkerd.io/v1alpha1`): per-proxy request limits on a Server, in
 * requests per second — overall, per client identity (unmeshed clients share one bucket), and for
 * named ServiceAccounts. Only one policy per Server is accepted (the oldest); limited requests get 429.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { MAX_REQUESTS_PER_SECOND, POLICY_GROUP, RATE_LIMIT_API_VERSION } from './api.js';
import { labelName, objectName, positiveInteger } from './checks.js';
import type { ServiceAccountClient } from './identity.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';

/** A limit for some ServiceAccounts' identities. */
export interface RateLimitOverride {
  readonly requestsPerSecond: number;
  /** The clients this limit applies to (at least one). */
  readonly clients: readonly ServiceAccountClient[];
}

export interface RateLimitSpec {
  /** Name of the Server (in the policy's namespace) the limits apply to. */
  readonly server: string;
  /** Overall limit for all traffic to the Server. @default - no overall limit */
  readonly total?: number;
  /** Limit per client identity; at most `total`. @default - no per-identity limit */
  readonly identity?: number;
  /** Limits for named clients, each at most `total`. @default - none */
  readonly overrides?: readonly RateLimitOverride[];
}

export type RateLimitObjectSpec = RateLimitSpec & PolicyObjectMeta;

function checkRate(value: number | undefined, path: string, total: number | undefined, issues: IssueCollector): void {
  if (value === undefined) return;
  const problem = positiveInteger(value, MAX_REQUESTS_PER_SECOND);
  if (problem) issues.add(path, value, `${problem}; Linkerd refuses 0`);
  else if (total !== undefined && value > total) issues.add(path, value, `must not exceed total.requestsPerSecond (${total})`);
}

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildRateLimit(spec: RateLimitObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  issues.check(joinPath(at, 'server'), spec.server, objectName(spec.server));
  const total = Number.isInteger(spec.total) && (spec.total as number) > 0 ? spec.total : undefined;
  checkRate(spec.total, joinPath(at, 'total'), undefined, issues);
  checkRate(spec.identity, joinPath(at, 'identity'), total, issues);
  const overrides = spec.overrides ?? [];
  if (spec.total === undefined && spec.identity === undefined && overrides.length === 0) {
    issues.add(at, {}, 'sets no limit: give total, identity or overrides');
  }
  overrides.forEach((o, i) => {
    const where = joinPath(joinPath(at, 'overrides'), i);
    checkRate(o.requestsPerSecond, joinPath(where, 'requestsPerSecond'), total, issues);
    if (!o.clients?.length) issues.add(joinPath(where, 'clients'), o.clients, 'must name at least one ServiceAccount');
    (o.clients ?? []).forEach((c, j) => {
      const client = joinPath(joinPath(where, 'clients'), j);
      if (typeof c?.serviceAccount !== 'string') issues.add(client, c, 'must name a serviceAccount: overrides apply to ServiceAccount identities only');
      else issues.check(joinPath(client, 'serviceAccount'), c.serviceAccount, objectName(c.serviceAccount));
      if (c?.namespace !== undefined) issues.check(joinPath(client, 'namespace'), c.namespace, labelName(c.namespace));
    });
  });
  return {
    apiVersion: RATE_LIMIT_API_VERSION,
    kind: 'HTTPLocalRateLimitPolicy',
    metadata: renderMeta(spec),
    spec: {
      targetRef: { group: POLICY_GROUP, kind: 'Server', name: spec.server },
      ...(spec.total !== undefined ? { total: { requestsPerSecond: spec.total } } : {}),
      ...(spec.identity !== undefined ? { identity: { requestsPerSecond: spec.identity } } : {}),
      ...(overrides.length
        ? {
            overrides: overrides.map((o) => ({
              requestsPerSecond: o.requestsPerSecond,
              clientRefs: (o.clients ?? []).map((c) => ({ kind: 'ServiceAccount', name: c.serviceAccount, namespace: c.namespace ?? spec.namespace })),
            })),
          }
        : {}),
    },
  };
}

/** The HTTPLocalRateLimitPolicy for `spec`; throws a MeshformError with every problem found. */
export function rateLimitObject(spec: RateLimitObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('HTTPLocalRateLimitPolicy', at, (issues) => buildRateLimit(spec, at, issues));
}
