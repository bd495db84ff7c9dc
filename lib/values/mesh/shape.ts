/**
 * Type-shape check of a user's value tree against the defaults: each key the user sets must have the
 * kind of value its default has (a boolean where upstream has a boolean, a map where it has a map...).
 * This catches `cniEnabled: "yes"` or `proxy.ports: 4143` for every key at once, before the per-key
 * checks refine ranges and formats. Free-form and documented-extra subtrees are skipped here.
 */
import { joinPath, type ValidationIssue } from '../../errors.js';
import { isTree, type Value, type ValueTree } from '../tree.js';

function kind(v: Value | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'map' : typeof v;
}

const EXPECTED: Record<string, string> = {
  boolean: 'must be true or false',
  number: 'must be a number',
  string: 'must be a string',
  map: 'must be a map of keys to values',
  list: 'must be a list',
};

export function checkShapes(user: ValueTree, defaults: ValueTree, skip: ReadonlySet<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = (node: ValueTree, defs: ValueTree, path: string, pattern: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const childPattern = pattern ? `${pattern}.${key}` : key;
      if (skip.has(childPattern) || !Object.prototype.hasOwnProperty.call(defs, key)) continue;
      // A null removes the key (Helm semantics); required keys are caught by the per-key checks.
      if (value === null) continue;
      const def = defs[key];
      const want = kind(def);
      const got = kind(value);
      const childPath = joinPath(path, key);
      // Helm renders numbers and strings alike; `--set` types `222` as a number for string keys.
      const ok = want === got || want === 'null' || (want === 'string' && got === 'number');
      if (!ok) {
        issues.push({ path: childPath, value, message: EXPECTED[want] ?? `must be a ${want}` });
      } else if (isTree(value) && isTree(def)) {
        walk(value, def, childPath, childPattern);
      }
    }
  };
  walk(user, defaults, '', '');
  return issues;
}
