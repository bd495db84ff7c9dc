/**
 * The one YAML reader for input meshform did not write (values files, manifests, dumps): alias
 * expansion is bounded (a few hundred bytes of nested aliases otherwise expand to gigabytes), and
 * keys that could pollute prototypes are refused. Every error names the source and is a MeshformError.
 */
import { parseAllDocuments, type Document } from 'yaml';
import { joinPath, MeshformError, type ValidationIssue } from './errors.js';
import { findUnsafeKeys } from './unsafe-keys.js';

/**
 * The `yaml` library's bound on alias expansion (its default): a document may resolve aliases until
 * `count × aliases` exceeds it, which ordinary anchors never reach and an alias bomb reaches at once.
 */
const MAX_ALIAS_COUNT = 100;

/** Deepest nesting accepted: Kubernetes objects (CRD schemas included) stay far below it; every reader recurses. */
export const MAX_YAML_DEPTH = 200;

function tooDeep(where: string): MeshformError {
  return new MeshformError(`${where}: YAML nested too deeply (more than ${MAX_YAML_DEPTH} levels of maps and lists)`);
}

/** Runs the `yaml` parser; its recursion overflowing the stack means nesting no input needs. */
function guarded<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && /maximum call stack/i.test(e.message)) throw tooDeep(where);
    throw e;
  }
}

/** One document of a stream, converted to plain data. */
export interface YamlInputDocument {
  /** 1-based position in the stream. */
  readonly index: number;
  /** The document's value (null for an empty document). */
  readonly value: unknown;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function toData(doc: Document, where: string): unknown {
  if (doc.errors.length) throw new MeshformError(`${where} is not valid YAML: ${firstLine(doc.errors[0].message)}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof Error && /maximum call stack/i.test(e.message)) throw tooDeep(where);
    if (e instanceof ReferenceError && /alias/i.test(e.message) && /exhaustion|excessive/i.test(e.message)) {
      throw new MeshformError(`${where}: YAML aliases expand too far (refused: more than ${MAX_ALIAS_COUNT} alias expansions)`);
    }
    throw new MeshformError(`${where} is not valid YAML: ${firstLine((e as Error).message)}`);
  }
  if (depthExceeds(value, MAX_YAML_DEPTH)) throw tooDeep(where);
  const unsafe = [...findUnsafeKeys(value), ...findNonPlainValues(value)];
  if (unsafe.length) throw new MeshformError(`${where}: refused`, unsafe);
  return value;
}

/** Is `value` nested deeper than `limit`? Stops descending at the limit, so it cannot overflow itself. */
function depthExceeds(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => depthExceeds(child, limit - 1));
}

/**
 * Values JSON cannot hold — `!!binary` (bytes), `!!set`/`!!omap` (Set/Map), `.nan`/`.inf` — by path:
 * nothing downstream expects them, and they would render as `[object Object]` or `NaN`.
 */
function findNonPlainValues(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = (node: unknown, at: string): void => {
    if (typeof node === 'number' && !Number.isFinite(node)) {
      issues.push({ path: at, value: undefined, message: `${String(node)} is not allowed: numbers must be finite` });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, joinPath(at, i)));
    } else if (typeof node === 'object' && node !== null) {
      const proto = Object.getPrototypeOf(node) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        issues.push({ path: at, value: undefined, message: `a ${node.constructor?.name ?? 'typed'} value (a YAML tag such as !!binary or !!set) is not allowed: write plain strings, lists and maps` });
        return;
      }
      for (const [k, v] of Object.entries(node)) walk(v, joinPath(at, k));
    }
  };
  walk(value, '');
  return issues;
}

/** Every document of a multi-document stream, in order (empty documents included as null). */
export function parseYamlStream(text: string, source: string): YamlInputDocument[] {
  const docs = guarded(source, () => parseAllDocuments(text));
  // A stream with no document at all comes back as an empty array or a lone EmptyStream.
  if (!Array.isArray(docs)) return [];
  return docs.map((doc, i) => ({ index: i + 1, value: toData(doc, `${source}: document ${i + 1}`) ?? null }));
}

/** A single-document YAML input (e.g. a values file); an empty input is null. */
export function parseYamlDocument(text: string, source: string): unknown {
  const docs = guarded(source, () => parseAllDocuments(text));
  if (!Array.isArray(docs) || docs.length === 0) return null;
  if (docs.length > 1) throw new MeshformError(`${source}: not valid YAML: expected one document, found ${docs.length}`);
  return toData(docs[0], source) ?? null;
}
