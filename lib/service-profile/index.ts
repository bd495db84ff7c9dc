/** ServiceProfiles (`linkerd.io/v1alpha2`): the model, its sp-validator checks, and `linkerd profile`'s generators. */
export * from './types.js';
export * from './names.js';
export * from './profile-duration.js';
export * from './path-regex.js';
export * from './validate.js';
export * from './build.js';
export * from './template.js';
export * from './openapi.js';
export * from './proto.js';
export * from './output.js';
