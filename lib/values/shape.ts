/**
 * Type-shape check of a user's value tree against a chart's defaults, so every default key is covered
 * without a per-key rule: each key the user sets must have the kind of value its default has (a
 * boolean where upstream has a boolean, a map where it has a map...). This catches `cniEnabled: "yes"`
 * or `proxy.ports: 4143` at any depth, before the per-key checks refine ranges and formats.
 *
 * Exceptions, all explicit:
 * - `skip`: keys not checked here at all (documented keys with no default, int-or-percent keys...).
 * - `freeForm`: maps and lists whose contents are the user's (labels, selectors, security contexts):
 *   only their own kind is checked, plus the Kubernetes types of well-known map names
 *   (`STRING_MAP_NAMES`, `SELECTOR_NAMES`, `SCALAR_MAP_NAMES`), and a null is always allowed.
 * - A null removes a key (Helm semantics). That is allowed where the default is empty anyway
 *   (null, "", false, 0, [], {} or a map of such: the merge keeps the empty value, see `mergeValues`);
 *   elsewhere the chart needs the key, so it is refused.
 */
import { joinPath, type ValidationIssue } from '../errors.js';
import { isEmptyValue, isTree, type Value, type ValueTree } from './tree.js';

type Kind = 'null' | 'list' | 'map' | 'string' | 'number' | 'boolean';

function kind(v: Value | undefined): Kind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'map' : (typeof v as Kind);
}

const EXPECTED: Record<Kind, string> = {
  boolean: 'must be true or false',
  number: 'must be a number',
  string: 'must be a string',
  map: 'must be a map of keys to values',
  list: 'must be a list',
  null: '',
};

/** Free-form maps Kubernetes types as string → string (labels, annotations, node selectors). */
const STRING_MAP_NAMES: ReadonlySet<string> = new Set([
  'labels',
  'annotations',
  'podLabels',
  'podAnnotations',
  'commonLabels',
  'nodeSelector',
  'serviceAnnotations',
  'deploymentAnnotations',
  'matchLabels',
]);
/** Free-form maps rendered as `--key=value` flags: scalar values only. */
const SCALAR_MAP_NAMES: ReadonlySet<string> = new Set(['args']);
/** Kubernetes LabelSelectors. */
const SELECTOR_NAMES: ReadonlySet<string> = new Set(['namespaceSelector', 'objectSelector', 'selector']);

function lastSegment(pattern: string): string {
  return pattern.slice(pattern.lastIndexOf('.') + 1);
}

function checkStringMap(value: ValueTree, path: string, issues: ValidationIssue[]): void {
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string') {
      issues.push({ path: joinPath(path, k), value: v, message: 'must be a string (Kubernetes labels, annotations and node selectors are strings: quote numbers and booleans)' });
    }
  }
}

function checkFreeForm(value: Value, def: Value | undefined, path: string, pattern: string, issues: ValidationIssue[]): void {
  if (value === null) return;
  const name = lastSegment(pattern);
  const want: Kind = STRING_MAP_NAMES.has(name) || SCALAR_MAP_NAMES.has(name) || SELECTOR_NAMES.has(name) ? 'map' : kind(def);
  if (want !== 'null' && kind(value) !== want) {
    issues.push({ path, value, message: EXPECTED[want] });
    return;
  }
  if (!isTree(value)) return;
  if (STRING_MAP_NAMES.has(name)) checkStringMap(value, path, issues);
  if (SCALAR_MAP_NAMES.has(name)) {
    for (const [k, v] of Object.entries(value)) {
      if (isTree(v) || Array.isArray(v)) issues.push({ path: joinPath(path, k), value: v, message: 'must be a string, number or boolean' });
    }
  }
  if (SELECTOR_NAMES.has(name)) {
    const { matchLabels, matchExpressions } = value;
    const at = (k: string): string => joinPath(path, k);
    if (matchLabels !== undefined && matchLabels !== null) {
      if (isTree(matchLabels)) checkStringMap(matchLabels, at('matchLabels'), issues);
      else issues.push({ path: at('matchLabels'), value: matchLabels, message: 'must be a map of label names to values' });
    }
    if (matchExpressions !== undefined && matchExpressions !== null) {
      if (!Array.isArray(matchExpressions)) issues.push({ path: at('matchExpressions'), value: matchExpressions, message: 'must be a list of {key, operator, values}' });
      else
        matchExpressions.forEach((e, i) => {
          if (!isTree(e) || typeof e.key !== 'string' || typeof e.operator !== 'string') {
            issues.push({ path: joinPath(at('matchExpressions'), i), value: e, message: 'must be a map {key, operator, values}' });
          }
        });
    }
  }
}

export interface ShapeCheckOptions {
  /** Dotted key patterns not checked here (documented extras, keys with their own per-key check). @default none */
  readonly skip?: ReadonlySet<string>;
  /** Dotted key patterns whose contents are free-form maps or lists. @default none */
  readonly freeForm?: ReadonlySet<string>;
}

export function checkShapes(user: ValueTree, defaults: ValueTree, options: ShapeCheckOptions = {}): ValidationIssue[] {
  const skip = options.skip ?? new Set<string>();
  const freeForm = options.freeForm ?? new Set<string>();
  const issues: ValidationIssue[] = [];
  const walk = (node: ValueTree, defs: ValueTree, path: string, pattern: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const childPattern = pattern ? `${pattern}.${key}` : key;
      const childPath = joinPath(path, key);
      const known = Object.prototype.hasOwnProperty.call(defs, key);
      const def = known ? defs[key] : undefined;
      if (freeForm.has(childPattern)) {
        checkFreeForm(value, def, childPath, childPattern, issues);
        continue;
      }
      if (skip.has(childPattern) || !known) continue;
      const want = kind(def);
      if (value === null) {
        if (!isEmptyValue(def)) {
          issues.push({ path: childPath, value, message: `is required: ${EXPECTED[want]} (a null would remove it; the default is ${JSON.stringify(def)})` });
        }
        continue;
      }
      const got = kind(value);
      // Helm renders numbers and strings alike; `--set` types `222` as a number for string keys.
      const ok = want === got || want === 'null' || (want === 'string' && got === 'number');
      if (!ok) {
        issues.push({ path: childPath, value, message: EXPECTED[want] });
      } else if (isTree(value) && isTree(def)) {
        walk(value, def, childPath, childPattern);
      }
    }
  };
  walk(user, defaults, '', '');
  return issues;
}
