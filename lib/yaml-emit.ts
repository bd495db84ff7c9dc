/**
 * The YAML text of a JSON-like value, byte for byte what `yaml`'s `stringify(value, { lineWidth: 0,
 * aliasDuplicateObjects: false })` gives, ~10x faster on manifests: a cold `meshform install` spent
 * more time in `yaml`'s document model than in rendering the mesh (`npm run bench`).
 *
 * Only the layout is done here (block maps and sequences, indentation, `{}` / `[]`). Every scalar
 * but the plainest (identifiers, integers, booleans, null) is rendered by `yaml` itself, once per
 * distinct value, in the same position (a map value or a sequence item) and re-indented; anything
 * else (a non-plain object, a block scalar `yaml` would indent specially) falls back to `yaml` for
 * the whole value. test/input/yaml-emit.test.ts compares the two on every render and on fuzzed values.
 */
import { stringify } from 'yaml';

export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** Strings `yaml` writes plain as they are: a letter or `_`, then letters, digits, `_ . / -`. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** ...except the YAML 1.2 core schema's null and boolean words, which it quotes. */
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

class Unsupported extends Error {}

/** `value` as YAML (one document, no `---`). */
export function emitYaml(value: unknown): string {
  try {
    const out: string[] = [];
    if (isCollection(value) && !isEmpty(value)) writeCollection(value, '', out);
    else out.push(`${scalar(value, 'top', '')}\n`);
    return out.join('');
  } catch (e) {
    if (e instanceof Unsupported) return stringify(value, YAML_OPTIONS);
    throw e;
  }
}

type Collection = readonly unknown[] | Readonly<Record<string, unknown>>;

function isCollection(value: unknown): value is Collection {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Unsupported();
  return true;
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : entries(value as Readonly<Record<string, unknown>>).length === 0;
}

/** A map's entries as `yaml` writes them: undefined values are left out. */
function entries(map: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(map).filter(([, v]) => v !== undefined);
}

/**
 * A non-empty collection whose lines start at column `indent`; its first line starts where the
 * output is now (after the indentation, a `key:` line or a `- `).
 */
function writeCollection(value: Collection, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (i > 0) out.push(indent);
      out.push('- ');
      writeNode(item === undefined ? null : item, indent, out, 'item');
    });
    return;
  }
  entries(value as Readonly<Record<string, unknown>>).forEach(([key, item], i) => {
    if (i > 0) out.push(indent);
    out.push(`${mapKey(key)}:`);
    if (isCollection(item) && !isEmpty(item)) {
      // Under a key, maps and sequences alike start on the next line, indented (yaml's indentSeq).
      out.push(`\n${indent}  `);
      writeCollection(item, `${indent}  `, out);
    } else {
      out.push(' ');
      writeNode(item, indent, out, 'value');
    }
  });
}

/** A value after `key: ` or `- ` in a collection at column `indent`. */
function writeNode(value: unknown, indent: string, out: string[], position: 'value' | 'item'): void {
  if (isCollection(value) && !isEmpty(value)) writeCollection(value, `${indent}  `, out);
  else out.push(`${scalar(value, position, indent)}\n`);
}

const rendered = { value: new Map<string, string>(), item: new Map<string, string>(), top: new Map<string, string>(), key: new Map<string, string>() };
/** Entries each cache keeps: a long-lived process rendering ever new values must not grow without limit. */
const RENDERED_KEPT = 4096;

/** `cache`'s text for `key`, computed (and kept, within the bound) when it has none. */
function remembered(cache: Map<string, string>, key: string, render: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = render();
    if (cache.size >= RENDERED_KEPT) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** A scalar (or an empty collection) in `position` of a collection at column `indent`. */
function scalar(value: unknown, position: 'value' | 'item' | 'top', indent: string): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  if (typeof value === 'string' && PLAIN.test(value) && !RESERVED.has(value)) return value;
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value !== 'string' && typeof value !== 'number') throw new Unsupported();
  return reindent(byYaml(value, position), indent);
}

/** `yaml`'s own rendering of a scalar in `position`, relative to indentation 0. */
function byYaml(value: string | number, position: 'value' | 'item' | 'top'): string {
  return remembered(rendered[position], `${typeof value}:${value}`, () => {
    const prefix = position === 'value' ? 'k: ' : position === 'item' ? '- ' : '';
    const doc = stringify(position === 'value' ? { k: value } : position === 'item' ? [value] : value, YAML_OPTIONS);
    if (!doc.startsWith(prefix) || !doc.endsWith('\n')) throw new Unsupported();
    return doc.slice(prefix.length, -1);
  });
}

/** A rendering's continuation lines (a block scalar's content), moved right by `indent`. */
function reindent(text: string, indent: string): string {
  if (!text.includes('\n') || indent === '') return text;
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

/** A map key as `yaml` writes it in a block map. */
function mapKey(key: string): string {
  if (PLAIN.test(key) && !RESERVED.has(key)) return key;
  return remembered(rendered.key, key, () => {
    const doc = stringify({ [key]: 0 }, YAML_OPTIONS);
    if (!doc.endsWith(': 0\n') || doc.slice(0, -4).includes('\n')) throw new Unsupported();
    return doc.slice(0, -4);
  });
}
