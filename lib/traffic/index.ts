/**
 * Traffic management as a typed model: HTTP and gRPC routes on Services (Gateway API GAMMA or
 * policy.linkerd.io), weighted backends, retries, timeouts, circuit breaking and fault backends,
 * each checked against what Linkerd edge-26.8.3 implements. Framework-free; the cdk8s constructs
 * are in `constructs/traffic/`. Only the public surface is re-exported (the checks stay internal).
 */
export { parseLinkerdDuration, linkerdDurationProblem, routeTimeoutProblem, type LinkerdDuration, type LinkerdDurationUnit, type RouteTimeout } from './duration.js';
export {
  GRPC_RETRY_STATUSES,
  resilienceAnnotations,
  type GrpcRetryStatus,
  type HttpRetryStatus,
  type Resilience,
  type ResilienceTarget,
  type RetryPolicy,
  type Timeouts,
} from './resilience.js';
export { circuitBreakerAnnotations, type CircuitBreaker } from './circuit-breaker.js';
export { serviceResilienceAnnotations, withServiceResilience, type ServiceResilience } from './service-resilience.js';
export type { ParentService, ServiceBackend } from './refs.js';
export type { HttpMatch, HttpMethod, PathMatch, ValueMatch } from './http-match.js';
export type { HeaderModifier, RequestRedirect } from './filters.js';
export { blueGreen, canary, faultSplitWeights, type WeightedBackend } from './backends.js';
export type { RouteBase } from './route-base.js';
export { buildHttpRoute, type FaultSplit, type HttpRouteApi, type HttpRouteRule, type HttpRouteSpec, type MatchOrder } from './http-route.js';
export { buildGrpcRoute, type GrpcMatch, type GrpcRouteRule, type GrpcRouteSpec } from './grpc-route.js';
export { buildFaultBackend, faultNginxConfig, FAULT_BACKEND_IMAGE, type FaultBackend, type FaultBackendSpec } from './fault-backend.js';
export { GATEWAY_ROUTE_CRD_VALUES, ROUTE_KINDS } from './route-crds.js';
