/**
 * API groups, versions and kinds of the policy objects meshform writes. Each kind is written at the
 * storage version of the CRD that defines it (linkerd-crds at edge-26.8.3; Gateway API v1.1.1 bundle);
 * the HTTPRoute kinds' versions are lib/traffic's `ROUTE_KINDS`.
 */
import { GATEWAY_API_GROUP } from '../crds/gateway-api/route-crd.js';
import { POLICY_GROUP } from '../crds/linkerd/group.js';

export { POLICY_GROUP };
export const GATEWAY_GROUP = GATEWAY_API_GROUP;

export const SERVER_API_VERSION = `${POLICY_GROUP}/v1beta3`;
export const AUTHORIZATION_POLICY_API_VERSION = `${POLICY_GROUP}/v1alpha1`;
export const MESH_TLS_AUTHENTICATION_API_VERSION = `${POLICY_GROUP}/v1alpha1`;
export const NETWORK_AUTHENTICATION_API_VERSION = `${POLICY_GROUP}/v1alpha1`;
export const RATE_LIMIT_API_VERSION = `${POLICY_GROUP}/v1alpha1`;
export const EGRESS_NETWORK_API_VERSION = `${POLICY_GROUP}/v1alpha1`;
/** Linkerd pins TLSRoute (and TCPRoute) to v1alpha2 so it works with Gateway API 1.1 to 1.5. */
export const TLS_ROUTE_API_VERSION = `${GATEWAY_GROUP}/v1alpha2`;
export const TCP_ROUTE_API_VERSION = `${GATEWAY_GROUP}/v1alpha2`;

/** `Server.spec.proxyProtocol` values the policy controller's Rust enum accepts (the CRD has no enum). */
export const PROXY_PROTOCOLS = ['unknown', 'HTTP/1', 'HTTP/2', 'gRPC', 'opaque', 'TLS'] as const;
export type ProxyProtocol = (typeof PROXY_PROTOCOLS)[number];

/** `EgressNetwork.spec.trafficPolicy`: what happens to egress traffic no route matches. */
export const EGRESS_TRAFFIC_POLICIES = ['Allow', 'Deny'] as const;
export type EgressTrafficPolicy = (typeof EGRESS_TRAFFIC_POLICIES)[number];

/** The largest `requestsPerSecond` the controller accepts (a Rust `u32`). */
export const MAX_REQUESTS_PER_SECOND = 4_294_967_295;
