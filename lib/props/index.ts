export * from './mesh-props.js';
