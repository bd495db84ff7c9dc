/**
 * The policy model (framework-free): Server, AuthorizationPolicy, MeshTLSAuthentication,
 * NetworkAuthentication, HTTPLocalRateLimitPolicy, EgressNetwork and its routes, and the compositions
 * (allow, egress policy, viz scrapes) the cdk8s constructs in `constructs/policy` wrap.
 */
export * from './api.js';
export { ALL_NETWORKS, type NetworkSpec } from './networks.js';
export * from './identity.js';
export * from './label-selector.js';
export { buildOrThrow, type PolicyObjectMeta, type RenderedMeta } from './meta.js';
export * from './server.js';
export * from './mesh-tls-authentication.js';
export * from './network-authentication.js';
export * from './authorization-policy.js';
export * from './rate-limit.js';
export * from './server-route.js';
export * from './egress-network.js';
export * from './egress-routes.js';
export * from './egress-policy.js';
export * from './allow.js';
export * from './viz-scrapes.js';
export * from './default-policy.js';
