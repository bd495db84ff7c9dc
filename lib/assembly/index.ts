export * from './identity-mode.js';
export * from './namespaces.js';
export * from './render-checks.js';
export * from './control-plane.js';
export * from './extensions.js';
export * from './mesh.js';
