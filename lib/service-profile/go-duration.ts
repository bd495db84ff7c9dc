/**
 * Go's `time.ParseDuration`, which the sp-validator and the destination controller read ServiceProfile
 * timeouts and retry-budget TTLs with: signed sequences of decimal numbers with optional fractions and
 * a unit each (`300ms`, `1.5h`, `2h45m`), units `ns`, `us`/`µs`/`μs`, `ms`, `s`, `m`, `h`; the bare `0`.
 * This is not Linkerd's annotation format (lib/traffic/duration.ts), which takes one integer and unit.
 */

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX = 1n << 63n;

/** `{ nanos }` for a valid duration; `{ error }` with Go's own message otherwise. */
export type GoDurationResult = { readonly nanos: bigint; readonly error?: undefined } | { readonly nanos?: undefined; readonly error: string };

const invalid = (orig: string): GoDurationResult => ({ error: `time: invalid duration ${JSON.stringify(orig)}` });
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export function parseGoDuration(orig: string): GoDurationResult {
  let s = orig;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { nanos: 0n };
  if (s === '') return invalid(orig);
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid(orig);
    let i = 0;
    while (isDigit(s[i])) i++;
    const whole = s.slice(0, i);
    // Go's leadingInt refuses integers past 2^63 before looking at the unit.
    if (whole && BigInt(whole) > MAX) return invalid(orig);
    s = s.slice(i);
    let fraction = '';
    let hasFraction = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      while (isDigit(s[j])) j++;
      fraction = s.slice(0, j);
      hasFraction = j > 0;
      s = s.slice(j);
    }
    if (!whole && !hasFraction) return invalid(orig);
    let u = 0;
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++;
    if (u === 0) return { error: `time: missing unit in duration ${JSON.stringify(orig)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNIT_NANOS[unitName];
    if (unit === undefined) return { error: `time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(orig)}` };
    let value = BigInt(whole || '0');
    if (value > MAX / unit) return invalid(orig);
    value *= unit;
    // Go multiplies the fraction in float64 (nanosecond-exact up to hours); 18 digits keep it exact here.
    if (hasFraction) value += BigInt(Math.floor(Number(`0.${fraction.slice(0, 18)}`) * Number(unit)));
    total += value;
    if (total > MAX) return invalid(orig);
  }
  if (!negative && total > MAX - 1n) return invalid(orig);
  return { nanos: negative ? -total : total };
}

/**
 * Why `text` is not a usable ServiceProfile duration, or undefined: Go's parse error, or a negative
 * value (Go parses `-1s`, but a negative timeout or TTL means nothing).
 */
export function goDurationProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'must be a string: a Go duration such as 250ms, 1.5s or 1m30s';
  const parsed = parseGoDuration(text);
  if (parsed.error !== undefined) return `must be a Go duration such as 250ms, 1.5s or 1m30s (units ns, us, ms, s, m, h): ${parsed.error}`;
  if (parsed.nanos < 0n) return 'must not be negative: a Go duration such as 250ms, 1.5s or 1m30s';
  return undefined;
}
