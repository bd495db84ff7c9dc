/** Policy constructs (and the framework-free policy model they render with). */
export * from '../../lib/policy/index.js';
export * from './policy-object.js';
export * from './server.js';
export * from './server-route.js';
export * from './authentications.js';
export * from './authorization-policy.js';
export * from './rate-limit.js';
export * from './egress.js';
export * from './namespace-policy.js';
