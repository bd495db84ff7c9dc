/**
 * Server (`policy.linkerd.io/v1beta3`): one port on a set of pods (or ExternalWorkloads) that inbound
 * policy applies to. Once a Server selects a port, traffic to it needs an authorization unless its
 * `accessPolicy` admits it.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { DEFAULT_INBOUND_POLICIES, type DefaultInboundPolicy } from '../values/checks.js';
import { PROXY_PROTOCOLS, SERVER_API_VERSION, type ProxyProtocol } from './api.js';
import { portNumberOrName } from './checks.js';
import { checkLabelSelector, renderLabelSelector, type LabelSelector } from './label-selector.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';

/** What a Server applies to traffic no authorization matches: the six default-policy names (`audit` logs and allows). */
export type AccessPolicy = DefaultInboundPolicy;
export const ACCESS_POLICIES = DEFAULT_INBOUND_POLICIES;

export interface ServerSpec {
  /** Pods the Server selects (an empty selector selects all). Give this or `externalWorkloadSelector`. @default - none */
  readonly podSelector?: LabelSelector;
  /** ExternalWorkloads the Server selects. Give this or `podSelector`. @default - none */
  readonly externalWorkloadSelector?: LabelSelector;
  /** Container port number, or port name (every container port with that name on the pod). */
  readonly port: number | string;
  /**
   * How the proxy treats the port: `unknown` detects the protocol (10 s timeout), `opaque` skips
   * detection, `HTTP/1`, `HTTP/2`, `gRPC` and `TLS` name it.
   * @default - omitted: the CRD default `unknown`
   */
  readonly proxyProtocol?: ProxyProtocol;
  /**
   * What unauthorized traffic gets: `deny`, `audit` (allowed and flagged `authz_name=audit`, for a
   * dry run), or one of the allow policies.
   * @default - omitted: the CRD default `deny`
   */
  readonly accessPolicy?: AccessPolicy;
}

export type ServerObjectSpec = ServerSpec & PolicyObjectMeta;

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildServer(spec: ServerObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  const selectors = [spec.podSelector, spec.externalWorkloadSelector].filter((s) => s !== undefined).length;
  if (selectors !== 1) {
    issues.add(
      joinPath(at, 'podSelector'),
      selectors ? 'both podSelector and externalWorkloadSelector' : undefined,
      'give exactly one of podSelector (ALL_PODS selects every pod) and externalWorkloadSelector',
    );
  }
  if (spec.podSelector) checkLabelSelector(spec.podSelector, joinPath(at, 'podSelector'), issues);
  if (spec.externalWorkloadSelector) checkLabelSelector(spec.externalWorkloadSelector, joinPath(at, 'externalWorkloadSelector'), issues);
  issues.check(joinPath(at, 'port'), spec.port, portNumberOrName(spec.port));
  if (spec.proxyProtocol !== undefined && !PROXY_PROTOCOLS.includes(spec.proxyProtocol)) {
    issues.add(joinPath(at, 'proxyProtocol'), spec.proxyProtocol, `must be one of ${PROXY_PROTOCOLS.join(', ')} (Linkerd ignores a Server with any other value)`);
  }
  if (spec.accessPolicy !== undefined && !ACCESS_POLICIES.includes(spec.accessPolicy)) {
    issues.add(joinPath(at, 'accessPolicy'), spec.accessPolicy, `must be one of ${ACCESS_POLICIES.join(', ')}`);
  }
  return {
    apiVersion: SERVER_API_VERSION,
    kind: 'Server',
    metadata: renderMeta(spec),
    spec: {
      ...(spec.podSelector ? { podSelector: renderLabelSelector(spec.podSelector) } : {}),
      ...(spec.externalWorkloadSelector ? { externalWorkloadSelector: renderLabelSelector(spec.externalWorkloadSelector) } : {}),
      port: spec.port,
      ...(spec.proxyProtocol !== undefined ? { proxyProtocol: spec.proxyProtocol } : {}),
      ...(spec.accessPolicy !== undefined ? { accessPolicy: spec.accessPolicy } : {}),
    },
  };
}

/** The Server object for `spec`; throws a MeshformError with every problem found. */
export function serverObject(spec: ServerObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('Server', at, (issues) => buildServer(spec, at, issues));
}
