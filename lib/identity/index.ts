export * from './pem.js';
export * from './generate.js';
export * from './check.js';
export * from './webhook-certs.js';
export * from './store.js';
export * from './values-check.js';
