export * from './synth-gitops.js';
