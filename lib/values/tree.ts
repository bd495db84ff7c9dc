/**
 * Helm-compatible value trees: deep merging of values files and `--set` / `--set-string` parsing.
 * Semantics follow Helm 3: maps merge key by key, lists and scalars replace, `null` deletes a key.
 */
import { MeshformError, type ValidationIssue } from '../errors.js';
import { findUnsafeKeys, isUnsafeKey, UNSAFE_KEY_MESSAGE } from '../unsafe-keys.js';

export type Scalar = string | number | boolean | null;
export type Value = Scalar | Value[] | ValueTree;
export interface ValueTree {
  [key: string]: Value;
}

export function isTree(v: unknown): v is ValueTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function cloneValue<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Returns `base` overlaid with `overlay` (neither is modified): the coalescing of user values onto chart
 * defaults, where a `null` in the overlay removes the key, as Helm does.
 */
export function mergeValues<T extends object>(base: T, overlay: object | undefined): T {
  const out = cloneValue(base) as unknown as ValueTree;
  if (overlay) mergeInto(out, overlay as ValueTree, true);
  return out as unknown as T;
}

/**
 * Merges user values files in order (later wins). A `null` is kept, so it still removes the
 * default when the result is coalesced onto the chart's defaults with `mergeValues`.
 */
export function mergeUserValues(files: readonly ValueTree[]): ValueTree {
  const out: ValueTree = {};
  for (const file of files) mergeInto(out, file, false);
  return out;
}

function mergeInto(target: ValueTree, overlay: ValueTree, nullDeletes: boolean): void {
  for (const [key, value] of Object.entries(overlay)) {
    // Defence in depth: readers refuse such keys with their path; a write through one must never happen.
    if (isUnsafeKey(key)) throw new MeshformError('invalid values', [{ path: key, value: undefined, message: UNSAFE_KEY_MESSAGE }]);
    if (value === null && nullDeletes) {
      // Removing an empty value ("", false, 0, [], {}) would leave renderers an undefined where upstream's
      // templates see the zero value: keep it, it already means "unset".
      if (!isEmptyValue(target[key])) delete target[key];
    } else if (isTree(value) && isTree(target[key])) {
      mergeInto(target[key] as ValueTree, value, nullDeletes);
    } else if (value !== undefined) {
      target[key] = cloneValue(value);
    }
  }
}

/** Is `v` empty (null, "", false, 0, [], or a map of empty values), i.e. the same as leaving the key unset? */
export function isEmptyValue(v: Value | undefined): boolean {
  if (v === null || v === undefined || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isTree(v) && Object.values(v).every(isEmptyValue);
}

/** Helm's typing of `--set` values: booleans, null, integers without a leading zero; strings otherwise. */
export function typedScalar(raw: string): Scalar {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (raw === '0') return 0;
  if (/^-?[1-9]\d*$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}

type PathPart = string | number;

/** Helm's cap on `--set` list indexes (strvals: "index of %d is greater than maximum supported index"). */
export const MAX_SET_INDEX = 65536;
/** Deepest `--set` key accepted (as deep as the YAML reader's bound): every value walk recurses. */
export const MAX_SET_DEPTH = 200;

/** Splits `a.b\.c[0].d` into `['a', 'b.c', 0, 'd']`. */
export function parseKeyPath(key: string): PathPart[] {
  const parts: PathPart[] = [];
  let current = '';
  let pending = false;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === '\\' && i + 1 < key.length) {
      current += key[++i];
      pending = true;
    } else if (ch === '.') {
      if (pending || current) parts.push(current);
      current = '';
      pending = false;
    } else if (ch === '[') {
      if (pending || current) parts.push(current);
      const close = key.indexOf(']', i);
      const raw = close < 0 ? '' : key.slice(i + 1, close);
      const index = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(index)) throw new Error(`bad list index in "${key}": "[${raw}]" (expected [0], [1], ...)`);
      if (index < 0) throw new Error(`negative list index ${raw} in "${key}"`);
      if (index > MAX_SET_INDEX) throw new Error(`index of ${raw} is greater than maximum supported index ${MAX_SET_INDEX} in "${key}"`);
      parts.push(index);
      current = '';
      pending = false;
      i = close;
    } else {
      current += ch;
      pending = true;
    }
  }
  if (pending || current) parts.push(current);
  if (!parts.length || parts.some((p) => p === '')) throw new Error(`empty key segment in "${key}"`);
  if (parts.length > MAX_SET_DEPTH) throw new Error(`key nested ${parts.length} levels deep in "${key.slice(0, 40)}...": at most ${MAX_SET_DEPTH} allowed`);
  const unsafe = parts.find(isUnsafeKey);
  if (unsafe !== undefined) throw new Error(`"${unsafe}" in "${key}": ${UNSAFE_KEY_MESSAGE}`);
  return parts;
}

/** Splits `a=1,b={x,y},c=z\,w` into assignments, honouring `\,` escapes and `{...}` lists. */
function splitAssignments(expr: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '\\' && i + 1 < expr.length) {
      current += ch + expr[++i];
    } else if (ch === '{') {
      depth++;
      current += ch;
    } else if (ch === '}') {
      depth--;
      current += ch;
    } else if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function unescapeValue(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}

function parseAssignedValue(raw: string, asString: boolean): Value {
  if (raw.startsWith('{') && raw.endsWith('}')) {
    const inner = raw.slice(1, -1);
    return inner === '' ? [] : inner.split(',').map((item) => (asString ? item : typedScalar(item)));
  }
  const text = unescapeValue(raw);
  return asString ? text : typedScalar(text);
}

/**
 * Applies one `--set` (or `--set-string` when `asString`) expression such as `a.b=1,c[0].d=x` to `tree`
 * in place. Malformed expressions become issues naming the expression.
 */
export function applySet(tree: ValueTree, expr: string, asString = false): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const flag = asString ? '--set-string' : '--set';
  for (const assignment of splitAssignments(expr)) {
    const eq = assignment.search(/(?<!\\)=/);
    if (eq <= 0) {
      issues.push({ path: flag, value: assignment, message: 'expected KEY=VALUE (e.g. proxy.logLevel=debug)' });
      continue;
    }
    let path: PathPart[];
    try {
      path = parseKeyPath(assignment.slice(0, eq));
    } catch (e) {
      issues.push({ path: flag, value: assignment, message: (e as Error).message });
      continue;
    }
    setPath(tree, path, parseAssignedValue(assignment.slice(eq + 1), asString));
  }
  return issues;
}

function setPath(tree: ValueTree, path: PathPart[], value: Value): void {
  let node: ValueTree | Value[] = tree;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const nextIsIndex = typeof path[i + 1] === 'number';
    const existing: Value | undefined = (node as Record<string | number, Value>)[key as never];
    let child: Value;
    if (nextIsIndex ? Array.isArray(existing) : isTree(existing)) {
      child = existing as Value;
    } else {
      child = nextIsIndex ? [] : {};
      (node as Record<string | number, Value>)[key as never] = child;
    }
    if (Array.isArray(child) && typeof path[i + 1] === 'number') {
      while (child.length < (path[i + 1] as number)) child.push(null);
    }
    node = child as ValueTree | Value[];
  }
  // A null is stored, not deleted: coalescing onto the defaults removes the key, as in Helm.
  (node as Record<string | number, Value>)[path[path.length - 1] as never] = value;
}

/** Reads a value at a dotted path (for error messages and tests). */
export function getPath(tree: unknown, key: string): unknown {
  let node: unknown = tree;
  for (const part of parseKeyPath(key)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part as never];
  }
  return node;
}

/** One `--set` or `--set-string` expression, in command-line order. */
export interface SetExpression {
  readonly expr: string;
  readonly asString: boolean;
}

/**
 * The user's values as Helm builds them: files merged in order, then `--set` expressions applied onto
 * that tree (so list indexes reach into lists the files gave). Throws every bad expression at once.
 */
export function userValues(files: readonly ValueTree[], sets: readonly SetExpression[] = []): ValueTree {
  const unsafe = files.flatMap((file) => findUnsafeKeys(file));
  if (unsafe.length) throw new MeshformError('invalid values', unsafe);
  const tree = mergeUserValues(files);
  const issues = sets.flatMap((s) => applySet(tree, s.expr, s.asString));
  if (issues.length) throw new MeshformError('invalid --set expressions', issues);
  return tree;
}

/** `parseKeyPath` for trusted, well-formed paths (constants in code). */
export function parseKeyPathSafe(key: string): (string | number)[] {
  try {
    return parseKeyPath(key);
  } catch {
    return [key];
  }
}
