/**
 * ServiceProfile durations (route `timeout`, retry budget `ttl`) are read with Go's
 * `time.ParseDuration` by the sp-validator and the destination controller: `250ms`, `1.5s`, `1m30s`,
 * units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`. Not Linkerd's annotation format (lib/traffic), which
 * takes one integer and one unit.
 */
import { parseGoDuration } from '../values/go-duration.js';

/** Go's limit: a Duration is an int64 of nanoseconds. */
const MAX_NANOS = 2 ** 63;

/** Why `text` is not a usable ServiceProfile duration, or undefined. Negative durations mean nothing and are refused too. */
export function goDurationProblem(text: unknown): string | undefined {
  const allowed = 'a Go duration such as 250ms, 1.5s or 1m30s (units ns, us, ms, s, m, h)';
  if (typeof text !== 'string') return `must be a string: ${allowed}`;
  // Go does not trim; the shared parser does.
  const nanos = text === text.trim() ? parseGoDuration(text) : undefined;
  if (nanos === undefined || Math.abs(nanos) >= MAX_NANOS) return `must be ${allowed}`;
  if (nanos < 0) return `must not be negative: ${allowed}`;
  return undefined;
}
