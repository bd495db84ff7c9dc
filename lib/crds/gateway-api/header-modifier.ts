/** The `requestHeaderModifier` / `responseHeaderModifier` filter body (`HTTPHeaderFilter`). */
import { headerName } from './fields.js';
import { list, object, string, type Schema } from './primitives.js';

/** Headers to add or set, keyed by name. */
function headerList(): Schema {
  const header = object({ name: headerName(), value: string({ maxLength: 4096, minLength: 1 }) }, { required: ['name', 'value'] });
  return list(header, { listType: 'map', mapKeys: ['name'], maxItems: 16 });
}

/** `{ add, remove, set }` header edits. */
export function headerModifier(): Schema {
  return object({
    add: headerList(),
    remove: list(string(), { listType: 'set', maxItems: 16 }),
    set: headerList(),
  });
}
