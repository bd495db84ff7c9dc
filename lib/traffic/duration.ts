/**
 * Durations as Linkerd parses them (policy controller `parse_duration`, TRAFFIC.md §2.2): one
 * non-negative integer and one unit `ms|s|m|h|d`, or the bare `0`. Compound (`1m30s`) and fractional
 * (`1.5s`) values are what Gateway API allows and Linkerd does not: on a route annotation the webhook
 * rejects them, on a Service they are dropped, in `timeouts.request` silently ignored. So both
 * checks below refuse them, and say what to write instead.
 */

export type LinkerdDurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';
/** A Linkerd duration: `500ms`, `10s`, `5m`, `2h`, `1d` or `0`. Checked at run time too. */
export type LinkerdDuration = '0' | `${number}${LinkerdDurationUnit}`;
/**
 * A Gateway API route timeout Linkerd honours: the Gateway API pattern (`h|m|s|ms`, at most five
 * digits) narrowed to a single unit, since Linkerd ignores compound values. `0s` means no timeout.
 */
export type RouteTimeout = `${number}${'ms' | 's' | 'm' | 'h'}`;

const UNIT_MS: Readonly<Record<LinkerdDurationUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const SINGLE = /^(\d+)(ms|s|m|h|d)$/;
/** What Gateway API and Go accept beyond Linkerd's grammar, parsed only to suggest a replacement. */
const COMPOUND = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$/;

/** Milliseconds of a Linkerd duration, or undefined when Linkerd would not parse it. */
export function parseLinkerdDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const m = SINGLE.exec(trimmed);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as LinkerdDurationUnit];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** The same amount as one integer and unit (`90000` → `90s`), for suggestions. */
function asSingleUnit(ms: number, units: readonly LinkerdDurationUnit[] = ['d', 'h', 'm', 's']): string {
  for (const unit of units) if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${ms}ms`;
}

/** Milliseconds of a compound/fractional value (`1m30s`, `1.5s`), when it reads as one. */
function compoundMs(text: string): number | undefined {
  if (!COMPOUND.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(amount) * UNIT_MS[unit as LinkerdDurationUnit];
  return Number.isInteger(total) ? total : undefined;
}

/** Why `value` is not a Linkerd duration, with a suggestion; undefined when it is one. */
export function linkerdDurationProblem(value: unknown): string | undefined {
  const grammar = 'must be one integer and one unit (ms, s, m, h or d), e.g. 500ms or 10s, or 0';
  if (typeof value !== 'string') return `${grammar}; got a ${typeof value}`;
  const text = value.trim();
  if (parseLinkerdDuration(text) !== undefined) return undefined;
  if (text.startsWith('-')) return `${grammar}; durations cannot be negative`;
  if (/^\d+$/.test(text)) return `${grammar}; a bare number has no unit: write ${text}s or ${text}ms`;
  if (SINGLE.test(text)) return `${grammar}; the value is too large`;
  const ms = compoundMs(text);
  if (ms !== undefined) return `${grammar}; Linkerd does not parse compound or fractional values: write ${asSingleUnit(ms)}`;
  return grammar;
}

/** Why `value` is not a route `timeouts.request` Linkerd honours; undefined when it is one. */
export function routeTimeoutProblem(value: unknown): string | undefined {
  const grammar = 'must be 1 to 5 digits and one unit (ms, s, m or h), e.g. 500ms or 10s; 0s means no timeout';
  if (typeof value !== 'string') return `${grammar}; got a ${typeof value}`;
  if (/^\d{1,5}(ms|s|m|h)$/.test(value)) return undefined;
  if (value === '0') return `${grammar}; write 0s (Gateway API needs a unit)`;
  if (/^\d+d$/.test(value)) return `${grammar}; Gateway API has no d unit: write ${Number(value.slice(0, -1)) * 24}h`;
  if (/^\d{6,}(ms|s|m|h)$/.test(value)) return `${grammar}; too many digits: use a larger unit`;
  const ms = compoundMs(value);
  if (ms !== undefined) return `${grammar}; Linkerd silently ignores compound or fractional timeouts: write ${asSingleUnit(ms, ['h', 'm', 's'])}`;
  return value.trim().startsWith('-') ? `${grammar}; durations cannot be negative` : grammar;
}
