/**
 * Unknown-key detection: a user's key that the chart does not know is almost always a typo that would
 * otherwise be silently ignored. Known keys are the chart's defaults plus a list of documented keys
 * that have no default; free-form maps (labels, annotations, selectors…) are not descended into.
 */
import { joinPath, type ValidationIssue } from '../errors.js';
import { didYouMean } from './checks.js';
import { isTree, parseKeyPathSafe, type ValueTree } from './tree.js';

export interface KnownKeys {
  /** The chart's complete defaults: every key present is known, and nested maps are checked too. */
  readonly defaults: ValueTree;
  /**
   * Documented keys absent from the defaults (commented out upstream or Go-only), as dotted paths.
   * Their subtrees are free-form.
   */
  readonly extra?: readonly string[];
  /** Dotted paths whose contents are free-form maps (e.g. `podAnnotations`, `nodeSelector`). */
  readonly freeForm?: readonly string[];
}

/** What to do with keys a chart does not define. */
export interface UnknownValuesOptions {
  /**
   * Keep keys the chart does not define, as Helm does (they reach the `linkerd-config` values dump
   * verbatim), instead of refusing them. One warning lists them.
   * @default false
   */
  readonly allowUnknownValues?: boolean;
  /** Receives warnings, such as the list of kept unknown keys. @default - warnings are dropped */
  readonly warn?: (message: string) => void;
}

/** Message prefix of an unknown-key issue. */
const UNKNOWN_KEY = 'unknown key';

/**
 * The unknown-key issues to refuse under `options`: all of them by default; none with
 * `allowUnknownValues`, which warns once with their paths instead.
 */
export function refusedUnknownKeys(unknown: readonly ValidationIssue[], options: UnknownValuesOptions = {}): ValidationIssue[] {
  if (!options.allowUnknownValues) return [...unknown];
  if (unknown.length) {
    const n = unknown.length;
    options.warn?.(`kept ${n} value${n === 1 ? '' : 's'} the chart does not define (--allow-unknown-values): ${unknown.map((i) => i.path).join(', ')}`);
  }
  return [];
}

export function findUnknownKeys(user: ValueTree, known: KnownKeys): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const extra = new Set(known.extra ?? []);
  const freeForm = new Set([...(known.freeForm ?? []), ...extra]);
  const walk = (node: ValueTree, defaults: ValueTree | undefined, path: string, pattern: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const childPath = joinPath(path, key);
      const childPattern = pattern ? `${pattern}.${key}` : key;
      if (freeForm.has(childPattern)) continue;
      const known = defaults !== undefined && Object.prototype.hasOwnProperty.call(defaults, key);
      if (!known) {
        const candidates = [...Object.keys(defaults ?? {}), ...childrenOf(extra, pattern)];
        const hint = didYouMean(key, candidates);
        issues.push({
          path: childPath,
          value: undefined,
          message: `${UNKNOWN_KEY}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
        continue;
      }
      const def = defaults[key];
      if (isTree(value) && isTree(def) && Object.keys(def).length > 0) walk(value, def, childPath, childPattern);
    }
  };
  walk(user, known.defaults, '', '');
  return issues;
}

function childrenOf(paths: Set<string>, parent: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const parts = parseKeyPathSafe(p);
    const prefix = parent ? parseKeyPathSafe(parent) : [];
    if (parts.length === prefix.length + 1 && prefix.every((x, i) => x === parts[i])) out.push(String(parts[parts.length - 1]));
  }
  return out;
}
