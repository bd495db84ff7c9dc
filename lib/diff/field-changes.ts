/**
 * The fields that differ between two versions of one object, as paths a reviewer reads:
 * `spec.replicas`, `metadata.annotations["linkerd.io/created-by"]`,
 * `spec.template.spec.containers[name=destination].resources`. Map key order is ignored (YAML key
 * order is no change); list items are matched by `name` when every item has a unique one, so an
 * inserted container is one addition rather than a shifted list; a multi-line string that is a YAML
 * map on both sides (`linkerd-config`'s `values`) is compared inside: `data.values{proxy.logLevel}`.
 */
import { isDeepStrictEqual } from 'node:util';
import { isTree } from '../values/tree.js';
import { parseYamlDocument } from '../yaml-input.js';

export type FieldChangeKind = 'changed' | 'added' | 'removed' | 'reordered';

export interface FieldChange {
  /** Where, from the object's root (`''` for the object itself). */
  readonly path: string;
  readonly change: FieldChangeKind;
  /** The old value (absent for an addition). */
  readonly before?: unknown;
  /** The new value (absent for a removal). */
  readonly after?: unknown;
}

type Tree = Readonly<Record<string, unknown>>;

/** `a.b`, or `a["linkerd.io/inject"]` for a key a dot would make ambiguous. */
export function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Code-unit order: the same output in every locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every difference between `before` and `after`, in path order. */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isTree(before) && isTree(after)) return mapChanges(before, after, path);
  if (Array.isArray(before) && Array.isArray(after)) return listChanges(before, after, path);
  if (typeof before === 'string' && typeof after === 'string') {
    const embedded = embeddedYamlChanges(before, after, path);
    if (embedded) return embedded;
  }
  return [{ path, change: 'changed', before, after }];
}

function mapChanges(before: Tree, after: Tree, path: string): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byCodeUnit);
  return keys.flatMap((key): FieldChange[] => {
    const at = keyPath(path, key);
    if (!(key in after)) return [{ path: at, change: 'removed', before: before[key] }];
    if (!(key in before)) return [{ path: at, change: 'added', after: after[key] }];
    return fieldChanges(before[key], after[key], at);
  });
}

/** The items' `name`s when every item of both lists is a map with a unique string name. */
function itemNames(before: readonly unknown[], after: readonly unknown[]): [string[], string[]] | undefined {
  const names = (list: readonly unknown[]): string[] | undefined => {
    const out = list.map((item) => (isTree(item) && typeof item.name === 'string' ? item.name : undefined));
    if (out.some((n) => n === undefined) || new Set(out).size !== out.length) return undefined;
    return out as string[];
  };
  const b = names(before);
  const a = names(after);
  return b && a && (b.length || a.length) ? [b, a] : undefined;
}

function listChanges(before: readonly unknown[], after: readonly unknown[], path: string): FieldChange[] {
  const named = itemNames(before, after);
  if (named) {
    const [beforeNames, afterNames] = named;
    const out: FieldChange[] = [];
    const common = afterNames.filter((n) => beforeNames.includes(n));
    if (!isDeepStrictEqual(beforeNames.filter((n) => afterNames.includes(n)), common)) {
      out.push({ path, change: 'reordered', before: beforeNames, after: afterNames });
    }
    for (const name of beforeNames) {
      if (!afterNames.includes(name)) out.push({ path: `${path}[name=${name}]`, change: 'removed', before: before[beforeNames.indexOf(name)] });
    }
    for (const [i, name] of afterNames.entries()) {
      const at = `${path}[name=${name}]`;
      const j = beforeNames.indexOf(name);
      out.push(...(j < 0 ? [{ path: at, change: 'added' as const, after: after[i] }] : fieldChanges(before[j], after[i], at)));
    }
    return out;
  }
  // A list of plain values (args, verbs, ports) reads best whole: the formatter shows what left and came.
  if ([...before, ...after].every((item) => !isTree(item) && !Array.isArray(item))) return [{ path, change: 'changed', before, after }];
  const out: FieldChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const at = `${path}[${i}]`;
    if (i >= after.length) out.push({ path: at, change: 'removed', before: before[i] });
    else if (i >= before.length) out.push({ path: at, change: 'added', after: after[i] });
    else out.push(...fieldChanges(before[i], after[i], at));
  }
  return out;
}

/** A YAML map held as text (a values dump) on both sides, compared key by key; undefined when it is not one. */
function embeddedYamlChanges(before: string, after: string, path: string): FieldChange[] | undefined {
  if (!before.includes('\n') || !after.includes('\n')) return undefined;
  const parse = (text: string): unknown => {
    try {
      return parseYamlDocument(text, path);
    } catch {
      return undefined;
    }
  };
  const b = parse(before);
  const a = parse(after);
  if (!isTree(b) || !isTree(a)) return undefined;
  return mapChanges(b, a, '').map((c) => ({ ...c, path: `${path}{${c.path}}` }));
}
