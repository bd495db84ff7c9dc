export * from './types.js';
export * from './defaults.js';
export * from './validate.js';
export * from './resolve.js';
