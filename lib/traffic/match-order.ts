/**
 * Rule order as the user writes it, rendered so Linkerd applies it. Gateway API does not pick the
 * first matching rule: it picks the most specific match (exact path, then the longest prefix, then a
 * method, then the most headers, then the most query parameters; only ties go to the earlier rule).
 * So "canary header on every path" written before "`/api/vote` gets faults" loses, for `/api/vote`,
 * to the longer prefix.
 *
 * `firstMatchOrder` turns an ordered list into one Gateway API reads the same way: each rule also
 * gets the intersection of its matches with every later rule's (`x-canary` ∧ `/api/vote`), which is
 * strictly more specific than the later match, so the earlier rule wins exactly where it overlaps.
 * A later match the earlier one covers entirely is unreachable and refused, and so is an overlap
 * that cannot be computed (regular expressions).
 */
import type { IssueCollector } from '../errors.js';
import { pathKind, type HttpMatch, type ValueMatch } from './http-match.js';

/** Matches of one rule (`[]` or absent = every request), and where the rule sits for messages. */
export interface OrderedRule {
  readonly matches: readonly HttpMatch[];
  readonly path: string;
}

/** Gateway API allows eight matches per rule. */
const MAX_MATCHES = 8;

type Overlap = HttpMatch | 'disjoint' | 'unknown';

/** Without a trailing slash (Gateway API treats `/api/` and `/api` alike), except for `/` itself. */
const stripSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
/** `path` lies under the prefix (whole segments). */
function underPrefix(path: string, prefix: string): boolean {
  const p = stripSlash(prefix);
  const x = stripSlash(path);
  return p === '/' || x === p || x.startsWith(`${p}/`);
}

function intersectPaths(a: HttpMatch['path'], b: HttpMatch['path']): HttpMatch['path'] | 'disjoint' | 'unknown' {
  const pa = pathKind(a ?? { prefix: '/' });
  const pb = pathKind(b ?? { prefix: '/' });
  if (pa.type === 'RegularExpression' || pb.type === 'RegularExpression') {
    if (pa.type === pb.type && pa.value === pb.value) return a;
    return 'unknown';
  }
  if (pa.type === 'Exact' && pb.type === 'Exact') return pa.value === pb.value ? a : 'disjoint';
  if (pa.type === 'Exact') return underPrefix(pa.value, pb.value) ? a : 'disjoint';
  if (pb.type === 'Exact') return underPrefix(pb.value, pa.value) ? b : 'disjoint';
  if (underPrefix(pa.value, pb.value)) return a ?? b;
  if (underPrefix(pb.value, pa.value)) return b ?? a;
  return 'disjoint';
}

const sameValue = (x: ValueMatch, y: ValueMatch) => JSON.stringify(x) === JSON.stringify(y);

function intersectValues(
  a: Readonly<Record<string, ValueMatch>> | undefined,
  b: Readonly<Record<string, ValueMatch>> | undefined,
  caseInsensitive: boolean,
): Record<string, ValueMatch> | 'disjoint' | 'unknown' | undefined {
  if (!a && !b) return undefined;
  const out: Record<string, ValueMatch> = { ...a };
  const norm = (k: string) => (caseInsensitive ? k.toLowerCase() : k);
  for (const [name, value] of Object.entries(b ?? {})) {
    const existing = Object.keys(out).find((k) => norm(k) === norm(name));
    if (existing === undefined) out[name] = value;
    else if (!sameValue(out[existing], value)) return typeof value === 'string' && typeof out[existing] === 'string' ? 'disjoint' : 'unknown';
  }
  return out;
}

/** The requests both matches select, as one match; `disjoint` when none; `unknown` when not computable. */
export function intersectMatches(a: HttpMatch, b: HttpMatch): Overlap {
  const path = intersectPaths(a.path, b.path);
  const headers = intersectValues(a.headers, b.headers, true);
  const queryParams = intersectValues(a.queryParams, b.queryParams, false);
  if (a.method && b.method && a.method !== b.method) return 'disjoint';
  const parts = [path, headers, queryParams];
  if (parts.includes('disjoint')) return 'disjoint';
  if (parts.includes('unknown')) return 'unknown';
  return {
    ...(path ? { path: path as HttpMatch['path'] } : {}),
    ...(headers ? { headers: headers as Record<string, ValueMatch> } : {}),
    ...(queryParams ? { queryParams: queryParams as Record<string, ValueMatch> } : {}),
    ...(a.method ?? b.method ? { method: a.method ?? b.method } : {}),
  };
}

/** A canonical key: two matches selecting the same requests the same way get the same key. */
export function matchKey(m: HttpMatch): string {
  const values = (r: Readonly<Record<string, ValueMatch>> | undefined, ci: boolean) =>
    Object.entries(r ?? {}).map(([k, v]) => [ci ? k.toLowerCase() : k, v] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const path = pathKind(m.path ?? { prefix: '/' });
  return JSON.stringify([path.type, path.type === 'PathPrefix' ? stripSlash(path.value) : path.value, m.method ?? '', values(m.headers, true), values(m.queryParams, false)]);
}

/** `a` selects only requests `b` selects too. */
const within = (a: HttpMatch, b: HttpMatch) => {
  const x = intersectMatches(a, b);
  return typeof x === 'object' && matchKey(x) === matchKey(a);
};

/**
 * Each rule's matches for Gateway API precedence to give the same result as trying the rules in
 * order. Problems (unreachable matches, regex overlaps, more than 8 matches) are recorded in `issues`.
 */
export function firstMatchOrder(rules: readonly OrderedRule[], issues: IssueCollector): HttpMatch[][] {
  const all = rules.map((r) => (r.matches.length ? r.matches : [{}]));
  const unreachable = new Set<string>();
  return all.map((own, i) => {
    const result: HttpMatch[] = [...own];
    const keys = new Set(own.map(matchKey));
    for (let j = i + 1; j < all.length; j++) {
      all[j].forEach((later, k) => {
        for (const mine of [...result]) {
          const x = intersectMatches(mine, later);
          if (x === 'disjoint') continue;
          const where = `${rules[j].path}.matches[${k}]`;
          if (x === 'unknown') {
            issues.add(where, later, `cannot tell how it overlaps ${rules[i].path} (regular expressions, or regex and exact values on one name); write matches that do not overlap, or use matchOrder 'specificity' and order them yourself`);
            return;
          }
          const key = matchKey(x);
          if (key === matchKey(later)) {
            if (!unreachable.has(where)) issues.add(where, later, `is never reached: ${rules[i].path} matches every such request first (move it up, or use matchOrder 'specificity')`);
            unreachable.add(where);
            return;
          }
          // Already there, or already more specific than `later`; or an earlier rule takes these requests anyway.
          if (keys.has(key) || key === matchKey(mine) || all.slice(0, i).some((earlier) => earlier.some((e) => within(x, e)))) continue;
          keys.add(key);
          result.push(x);
        }
      });
    }
    if (result.length > MAX_MATCHES) {
      issues.add(`${rules[i].path}.matches`, result.length, `first-match order needs ${result.length} matches here and Gateway API allows ${MAX_MATCHES}: use fewer overlapping rules, or matchOrder 'specificity'`);
    }
    return result;
  });
}
