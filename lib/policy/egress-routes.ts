/**
 * Routes that let traffic out through an EgressNetwork: TLSRoute (by SNI hostname), HTTPRoute (by
 * Host, optionally path prefixes) and TCPRoute (by port only), each with the parentRef Linkerd needs
 * (`group: policy.linkerd.io, kind: EgressNetwork`, and a `port`, which its webhook requires) and the
 * EgressNetwork itself as backend, which forwards to the original destination.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { literalPathProblem } from '../traffic/http-match.js';
import { checkHostnames } from '../traffic/route-base.js';
import { ROUTE_KINDS } from '../traffic/route-crds.js';
import { POLICY_GROUP, TCP_ROUTE_API_VERSION, TLS_ROUTE_API_VERSION } from './api.js';
import { objectName, portNumber, repeats } from './checks.js';
import { renderMeta } from './meta.js';

export const EGRESS_PROTOCOLS = ['tls', 'http', 'tcp'] as const;
export type EgressProtocol = (typeof EGRESS_PROTOCOLS)[number];

/** Traffic allowed out: hostnames on a port, over TLS (SNI), plain HTTP (Host) or raw TCP (port only). */
export interface EgressAllowSpec {
  /** Destination hostnames (`*.example.com` allowed); required for `tls`, optional for `http`, none for `tcp`. @default - none */
  readonly hostnames?: readonly string[];
  /** The destination port (443 for HTTPS). */
  readonly port: number;
  /** @default 'tls' */
  readonly protocol?: EgressProtocol;
  /** Path prefixes (each starting with `/`), `http` only. @default - every path */
  readonly paths?: readonly string[];
  /** Route name. @default - `<protocol>-<first hostname>-<port>`, e.g. `tls-api.github.com-443` */
  readonly name?: string;
}

/** Precedence of route kinds on one parent (GEP-1426): a lower kind is marked Conflicted. */
const KIND_RANK: Readonly<Record<EgressProtocol, number>> = { http: 1, tls: 2, tcp: 3 };
const KIND: Readonly<Record<EgressProtocol, string>> = { tls: 'TLSRoute', http: 'HTTPRoute', tcp: 'TCPRoute' };

/** The default name of an allow route. */
export function egressRouteName(allow: EgressAllowSpec): string {
  const host = allow.hostnames?.[0]?.replace(/^\*\./, 'wildcard.');
  return [allow.protocol ?? 'tls', host, allow.port].filter((p) => p !== undefined).join('-');
}

function checkAllow(allow: EgressAllowSpec, at: string, issues: IssueCollector): void {
  const protocol = allow.protocol ?? 'tls';
  if (!EGRESS_PROTOCOLS.includes(protocol)) issues.add(joinPath(at, 'protocol'), protocol, `must be one of ${EGRESS_PROTOCOLS.join(', ')}`);
  issues.check(joinPath(at, 'port'), allow.port, portNumber(allow.port));
  const hostnames = allow.hostnames ?? [];
  if (protocol === 'tls' && hostnames.length === 0) {
    issues.add(joinPath(at, 'hostnames'), allow.hostnames, 'must name at least one hostname for tls (use protocol "tcp" to allow a whole port)');
  }
  if (protocol === 'tcp' && hostnames.length > 0) {
    issues.add(joinPath(at, 'hostnames'), allow.hostnames, 'must be empty for tcp: a TCPRoute cannot match hostnames (use "tls" for TLS traffic)');
  }
  checkHostnames(allow.hostnames, joinPath(at, 'hostnames'), issues);
  if (allow.paths !== undefined && protocol !== 'http') issues.add(joinPath(at, 'paths'), allow.paths, 'only applies to protocol "http"');
  (allow.paths ?? []).forEach((p, i) => issues.check(joinPath(joinPath(at, 'paths'), i), p, literalPathProblem(p)));
  if (allow.name !== undefined) issues.check(joinPath(at, 'name'), allow.name, objectName(allow.name));
}

/** Collects problems across the allows of one EgressNetwork: repeated names, one port with two route kinds. */
export function checkEgressAllows(allows: readonly EgressAllowSpec[], at: string, issues: IssueCollector): void {
  allows.forEach((a, i) => checkAllow(a, joinPath(at, i), issues));
  for (const [i, name] of repeats(allows.map((a) => a.name ?? egressRouteName(a)))) {
    issues.add(joinPath(joinPath(at, i), 'name'), name, 'is the name of an earlier route: give each allow its own name');
  }
  const byPort = new Map<number, EgressProtocol>();
  allows.forEach((a, i) => {
    const protocol = a.protocol ?? 'tls';
    const other = byPort.get(a.port);
    if (other !== undefined && other !== protocol) {
      const [winner, loser] = KIND_RANK[other] < KIND_RANK[protocol] ? [other, protocol] : [protocol, other];
      issues.add(joinPath(joinPath(at, i), 'protocol'), protocol, `conflicts with the ${other} route on port ${a.port}: Linkerd accepts only the ${KIND[winner]} there and marks the ${KIND[loser]} Conflicted`);
    }
    if (other === undefined) byPort.set(a.port, protocol);
  });
}

/** The route of one allow (checked by `checkEgressAllows`), attached to EgressNetwork `network` in `namespace`. */
export function buildEgressRoute(allow: EgressAllowSpec, network: string, namespace: string): KubeObject {
  const name = allow.name ?? egressRouteName(allow);
  const protocol = allow.protocol ?? 'tls';
  const parentRefs = [{ group: POLICY_GROUP, kind: 'EgressNetwork', name: network, namespace, port: allow.port }];
  const backendRefs = [{ group: POLICY_GROUP, kind: 'EgressNetwork', name: network }];
  const hostnames = allow.hostnames?.length ? { hostnames: [...allow.hostnames] } : {};
  const metadata = renderMeta({ name, namespace });
  if (protocol === 'http') {
    const matches = allow.paths?.length ? { matches: allow.paths.map((value) => ({ path: { type: 'PathPrefix', value } })) } : {};
    return { apiVersion: ROUTE_KINDS.gatewayHttpRoute.apiVersion, kind: 'HTTPRoute', metadata, spec: { parentRefs, ...hostnames, rules: [{ ...matches, backendRefs }] } };
  }
  // Linkerd's webhook refuses TLS and TCP routes with more than one rule.
  const apiVersion = protocol === 'tcp' ? TCP_ROUTE_API_VERSION : TLS_ROUTE_API_VERSION;
  return { apiVersion, kind: KIND[protocol], metadata, spec: { parentRefs, ...hostnames, rules: [{ backendRefs }] } };
}
