/**
 * Keys that would reach an object's prototype when written with `obj[key] = v` (`__proto__`) or that
 * shadow what every object inherits (`constructor`, `prototype`). No upstream value key or Kubernetes
 * field is named so, so input carrying one is refused rather than risk prototype pollution.
 */
import { joinPath, type ValidationIssue } from './errors.js';

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string | number): boolean {
  return typeof key === 'string' && UNSAFE_KEYS.has(key);
}

export const UNSAFE_KEY_MESSAGE = `key not allowed (${[...UNSAFE_KEYS].join(', ')} could pollute object prototypes)`;

/** Every unsafe key anywhere in `value` (maps and lists, any depth), by path. */
export function findUnsafeKeys(value: unknown, path = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, joinPath(at, i)));
    } else if (typeof node === 'object' && node !== null) {
      // Own keys only: a `__proto__` key parsed from YAML or JSON is an own property.
      for (const key of Object.keys(node)) {
        const child = joinPath(at, key);
        if (isUnsafeKey(key)) issues.push({ path: child, value: undefined, message: UNSAFE_KEY_MESSAGE });
        else walk((node as Record<string, unknown>)[key], child);
      }
    }
  };
  walk(value, path);
  return issues;
}
