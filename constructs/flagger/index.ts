export * from './canary-props.js';
export * from './canary-objects.js';
export * from './flagger-canary.js';
