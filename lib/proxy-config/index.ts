export * from './types.js';
export * from './fields.js';
export * from './validate.js';
export * from './annotations.js';
export * from './revision.js';
