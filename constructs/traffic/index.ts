export * from './service-ref.js';
export * from './route-construct.js';
export * from './http-route.js';
export * from './grpc-route.js';
export * from './fault-injection.js';
export * from './service-resilience.js';
// The model the props are written in (matches, backends, retries, durations...).
export * from '../../lib/traffic/index.js';
