/**
 * Inbound routes for route-level authorization: an HTTPRoute whose parent is a Server (group
 * `policy.linkerd.io`, kind `Server`, no port, no sectionName — Linkerd refuses both there). An
 * AuthorizationPolicy targeting the route then authorizes only the requests it matches. Linkerd's
 * own HTTPRoute kind is the default because linkerd-crds always installs it; the Gateway API kind
 * needs `installGatewayAPI`. Once any route is attached to a Server, the controller stops
 * authorizing kubelet probes on it by itself: add a route for the probe paths and allow it.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { checkHttpMatch, renderHttpMatch, type HttpMatch } from '../traffic/http-match.js';
import { ROUTE_KINDS } from '../traffic/route-crds.js';
import { GATEWAY_GROUP, POLICY_GROUP } from './api.js';
import type { HttpRouteTarget } from './authorization-policy.js';
import { objectName } from './checks.js';
import { buildOrThrow, checkMeta, objectPath, renderMeta, type PolicyObjectMeta } from './meta.js';

export interface ServerRouteSpec {
  /** Name of the Server (in the route's namespace) the route attaches to. */
  readonly server: string;
  /** Requests the route matches (ORed; the fields of one match ANDed), at most 8. @default - every request */
  readonly matches?: readonly HttpMatch[];
  /** @default 'policy.linkerd.io' */
  readonly group?: typeof POLICY_GROUP | typeof GATEWAY_GROUP;
}

export type ServerRouteObjectSpec = ServerRouteSpec & PolicyObjectMeta;

const MAX_MATCHES = 8;

/** Collects the problems of `spec` under `at`, and returns the object it renders to. */
export function buildServerRoute(spec: ServerRouteObjectSpec, at: string, issues: IssueCollector): KubeObject {
  checkMeta(spec, at, issues);
  issues.check(joinPath(at, 'server'), spec.server, objectName(spec.server));
  const group = spec.group ?? POLICY_GROUP;
  if (group !== POLICY_GROUP && group !== GATEWAY_GROUP) issues.add(joinPath(at, 'group'), group, `must be ${POLICY_GROUP} or ${GATEWAY_GROUP}`);
  const matches = spec.matches ?? [];
  if (matches.length > MAX_MATCHES) issues.add(joinPath(at, 'matches'), matches.length, `must hold at most ${MAX_MATCHES} matches (split them over several routes)`);
  matches.forEach((m, i) => checkHttpMatch(m, joinPath(joinPath(at, 'matches'), i), issues));
  const kind = group === GATEWAY_GROUP ? ROUTE_KINDS.gatewayHttpRoute : ROUTE_KINDS.linkerdHttpRoute;
  return {
    apiVersion: kind.apiVersion,
    kind: 'HTTPRoute',
    metadata: renderMeta(spec),
    spec: {
      parentRefs: [{ group: POLICY_GROUP, kind: 'Server', name: spec.server }],
      rules: [{ matches: (matches.length ? matches : [{}]).map(renderHttpMatch) }],
    },
  };
}

/** The authorization target of a Server route. */
export function serverRouteTarget(spec: Pick<ServerRouteObjectSpec, 'name' | 'group'>): HttpRouteTarget {
  return { kind: 'HTTPRoute', name: spec.name, group: spec.group ?? POLICY_GROUP };
}

/** The HTTPRoute for `spec`; throws a MeshformError with every problem found. */
export function serverRouteObject(spec: ServerRouteObjectSpec, at = objectPath(spec)): KubeObject {
  return buildOrThrow('HTTPRoute', at, (issues) => buildServerRoute(spec, at, issues));
}
