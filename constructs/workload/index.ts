export * from './options.js';
export * from './pod-annotations.js';
export * from './mesh-workload.js';
export * from './mesh-pod-template.js';
export * from './manual-injection.js';
export * from './mesh-namespace.js';
export * from './opaque-ports.js';
export * from './nginx-ingress.js';
