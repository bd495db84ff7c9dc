/** The Pulumi Kubernetes Operator v2 objects that run this repository's Pulumi program from git. */
export * from './props.js';
export * from './labels.js';
export * from './rbac.js';
export * from './stack.js';
export * from './objects.js';
