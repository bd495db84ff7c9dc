/**
 * Go templates' notion of truth, which upstream's charts branch on (`{{ if $value }}`, `default`):
 * false, 0, nil, the empty string and empty maps and lists are false; everything else is true.
 */
export function isGoTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
