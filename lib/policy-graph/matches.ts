/**
 * Route matches in short form, for labels: `GET /api/vote*` (a path prefix), `/healthz` (exact),
 * `~^/v[0-9]+/` (regex), `x-canary=true` (a header), `?debug=1` (a query parameter),
 * `emoji.v1.EmojiService/ListAll` (a gRPC method). Fields of one match are ANDed (joined by spaces),
 * matches of one rule ORed (joined by ` | `) (TRAFFIC.md §4.1).
 */
import { isMap, mapsOf, stringOf, type JsonMap } from '../traffic-check/objects.js';

/** A rule without matches, or a match without conditions: every request. */
export const ANY_REQUEST = 'any request';

/** At most this many matches per label; the rest are counted. */
const MAX_MATCHES = 4;

const isRegex = (m: JsonMap) => m.type === 'RegularExpression';

function pathText(path: unknown): string | undefined {
  if (!isMap(path)) return undefined;
  const value = stringOf(path.value) ?? '/';
  if (isRegex(path)) return `~${value}`;
  if (path.type === 'Exact') return value;
  // A prefix of `/` is every path: it adds nothing to the label.
  return value === '/' ? undefined : `${value}*`;
}

function pairsText(pairs: unknown, prefix = ''): string[] {
  return mapsOf(pairs).map(([p]) => `${prefix}${stringOf(p.name) ?? ''}${isRegex(p) ? '~' : '='}${stringOf(p.value) ?? ''}`);
}

function methodText(method: unknown): string | undefined {
  if (typeof method === 'string') return method;
  if (!isMap(method)) return undefined;
  const text = [stringOf(method.service) ?? '*', stringOf(method.method) ?? '*'].join('/');
  return isRegex(method) ? `~${text}` : text;
}

/** One match (HTTPRoute or GRPCRoute) in short form. */
export function matchText(match: JsonMap): string {
  const parts = [methodText(match.method), pathText(match.path), ...pairsText(match.headers), ...pairsText(match.queryParams, '?')];
  return parts.filter((p): p is string => Boolean(p)).join(' ') || ANY_REQUEST;
}

/** The matches of a rule, distinct, in their order. */
export function ruleMatchTexts(rule: JsonMap): string[] {
  const texts = mapsOf(rule.matches).map(([m]) => matchText(m));
  return texts.length ? [...new Set(texts)] : [ANY_REQUEST];
}

/** A rule's matches on one line, ORed: `x-canary=true | x-canary=true /api/vote*`. */
export function ruleMatchSummary(rule: JsonMap): string {
  const texts = ruleMatchTexts(rule);
  const shown = texts.slice(0, MAX_MATCHES).join(' | ');
  return texts.length > MAX_MATCHES ? `${shown} | +${texts.length - MAX_MATCHES} more` : shown;
}
