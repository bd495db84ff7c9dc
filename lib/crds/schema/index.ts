export * from './primitives.js';
export * from './patterns.js';
export * from './references.js';
export * from './selectors.js';
export * from './networks.js';
export * from './conditions.js';
export * from './http-route.js';
export * from './crd.js';
