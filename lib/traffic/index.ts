/**
 * Traffic management as a typed model: HTTP and gRPC routes on Services (Gateway API GAMMA or
 * policy.linkerd.io), weighted backends, retries, timeouts, circuit breaking and fault backends,
 * each checked against what Linkerd edge-26.8.3 implements. Framework-free; the cdk8s constructs
 * are in `constructs/traffic/`.
 */
export * from './duration.js';
export * from './resilience.js';
export * from './circuit-breaker.js';
export * from './service-resilience.js';
export * from './refs.js';
export * from './http-match.js';
export * from './match-order.js';
export * from './filters.js';
export * from './backends.js';
export * from './route-base.js';
export * from './http-route.js';
export * from './grpc-route.js';
export * from './fault-backend.js';
export * from './route-crds.js';
