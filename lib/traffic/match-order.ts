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

/** Whether regex `re` accepts `literal`: `unknown` when anchored and unanchored readings disagree (Linkerd's anchoring is not pinned down). */
function regexAccepts(re: string, literal: string): boolean | 'unknown' {
  try {
    const whole = new RegExp(`^(?:${re})$`, 'u').test(literal);
    const anywhere = new RegExp(re, 'u').test(literal);
    return whole === anywhere ? whole : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The literal text every path an anchored (`^...`) regex matches starts with; undefined when unknown. */
function literalPrefix(re: string): string | undefined {
  if (!re.startsWith('^') || re.includes('|')) return undefined;
  let out = '';
  for (let i = 1; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && /[/.\-_~]/.test(re[i + 1] ?? '')) {
      out += re[++i];
    } else if ('*?{'.includes(c)) return out.slice(0, -1);
    else if ('.[]()+$^'.includes(c) || c === '\\') return out;
    else out += c;
  }
  return out;
}

/** A regex path and a prefix can share a request (or we cannot rule it out). */
function regexMayOverlapPrefix(re: string, prefix: string): boolean {
  const p = stripSlash(prefix);
  if (p === '/') return true;
  const l = literalPrefix(re);
  return l === undefined || l.startsWith(`${p}/`) || l === p || `${p}/`.startsWith(l);
}

function intersectPaths(a: HttpMatch['path'], b: HttpMatch['path']): HttpMatch['path'] | 'disjoint' | 'unknown' {
  const pa = pathKind(a ?? { prefix: '/' });
  const pb = pathKind(b ?? { prefix: '/' });
  if (pa.type === 'RegularExpression' || pb.type === 'RegularExpression') {
    if (pa.type === pb.type) return pa.value === pb.value ? a : 'unknown';
    const exact = pa.type === 'Exact' ? pa : pb.type === 'Exact' ? pb : undefined;
    if (exact) {
      // An exact path outranks any regex, so narrowing to it is safe either way round.
      const accepts = regexAccepts(pa.type === 'RegularExpression' ? pa.value : pb.value, exact.value);
      return accepts === 'unknown' ? 'unknown' : accepts ? (exact === pa ? a : b) : 'disjoint';
    }
    const [re, prefix] = pa.type === 'RegularExpression' ? [pa.value, pb.value] : [pb.value, pa.value];
    if (!regexMayOverlapPrefix(re, prefix)) return 'disjoint';
    // The later match's regex under an earlier catch-all keeps the later path, so the result outranks
    // it; any other mix would rank a regex against a prefix, which Gateway API leaves open.
    return pb.type === 'RegularExpression' && stripSlash(pa.value) === '/' ? b : 'unknown';
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
    else if (!sameValue(out[existing], value)) {
      const mine = out[existing];
      if (typeof value === 'string' && typeof mine === 'string') return 'disjoint';
      if (typeof value !== 'string' && typeof mine !== 'string') return 'unknown';
      // One exact value, one regex: the exact value if the regex accepts it.
      const [re, literal] = typeof mine === 'string' ? [(value as { regex: string }).regex, mine] : [mine.regex, value as string];
      const accepts = regexAccepts(re, literal);
      if (accepts !== true) return accepts === 'unknown' ? 'unknown' : 'disjoint';
      out[existing] = literal;
    }
  }
  return out;
}

/**
 * The requests both matches select, as one match that ranks at least as high as `later` in Gateway
 * API precedence; `disjoint` when they share none; `unknown` when that cannot be worked out.
 */
export function intersectMatches(a: HttpMatch, later: HttpMatch): Overlap {
  const b = later;
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
