export * from './types.js';
export * from './defaults.js';
export * from './ha.js';
export * from './known-keys.js';
export * from './validate.js';
export * from './validate-identity.js';
export * from './resolve.js';
