/**
 * Helm's `toJson` and the `checksum/config` pod annotation that rolls a Deployment when the config
 * it mounts changes.
 */
import { createHash } from 'node:crypto';

/** JSON with map keys sorted at every level, as Helm's `toJson` (Go maps) writes it. */
export function goJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sort(o[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** A stable digest standing in for upstream's `checksum/config` (it only needs to change with its input). */
export function checksum(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input ?? null)).digest('hex');
}
