export * from './types.js';
export * from './from-values.js';
export * from './from-manifests.js';
export * from './resolve.js';
