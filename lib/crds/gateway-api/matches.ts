/** Match fragments shared by HTTP and gRPC route matches. */
import { headerName } from './fields.js';
import { list, object, string, type Schema } from './primitives.js';

/** Exact-or-regex match type, defaulting to Exact. */
export function exactOrRegex(): Schema {
  return string({ default: 'Exact', enum: ['Exact', 'RegularExpression'] });
}

/** A list of `{ name, type, value }` matches keyed by name: header matches, query-parameter matches. */
export function nameValueMatches(valueMaxLength: number): Schema {
  const match = object(
    { name: headerName(), type: exactOrRegex(), value: string({ maxLength: valueMaxLength, minLength: 1 }) },
    { required: ['name', 'value'] },
  );
  return list(match, { listType: 'map', mapKeys: ['name'], maxItems: 16 });
}

/** `headers` in HTTP and gRPC matches. */
export function headerMatches(): Schema {
  return nameValueMatches(4096);
}

/** CEL raw string literal: the regexes below contain quotes and backslashes. */
export function celRaw(text: string): string {
  return `r"""${text}"""`;
}
