export * from './values.js';
export * from './linkerd-crds.js';
export * from './crd-schema.js';
