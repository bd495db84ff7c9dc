/** `meshform diff` as a library: read two sides, compare them per phase, format text or Markdown. */
export * from './object-key.js';
export * from './field-changes.js';
export * from './detect-phase.js';
export * from './read-side.js';
export * from './trust-change.js';
export * from './render-diff.js';
export * from './summary.js';
export { describeChange, showValue } from './show-value.js';
export * from './format-text.js';
export * from './format-markdown.js';
