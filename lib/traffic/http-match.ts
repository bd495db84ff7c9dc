/**
 * Request matches of an HTTP route rule (Gateway API `HTTPRouteMatch`): path, headers, query
 * parameters, method — the fields of one match are ANDed, the matches of a rule ORed. Checked with
 * the CRD's own rules (CEL ones included) and Linkerd's (regexes must compile in Rust's dialect,
 * which has no look-around or back-references).
 */
import type { IssueCollector } from '../errors.js';

/** A path: exactly this, this prefix (whole segments: `/api` matches `/api/x`, not `/apix`), or a regex. */
export type PathMatch = { readonly exact: string } | { readonly prefix: string } | { readonly regex: string };
/** A header or query value: exactly this string, or a regex. */
export type ValueMatch = string | { readonly regex: string };
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

export interface HttpMatch {
  /**
   * The request path.
   * @default - every path (prefix `/`)
   */
  readonly path?: PathMatch;
  /**
   * Headers that must be present with these values (names are case-insensitive).
   * @default - no header condition
   */
  readonly headers?: Readonly<Record<string, ValueMatch>>;
  /**
   * Query parameters that must be present with these values (names are case-sensitive).
   * @default - no query condition
   */
  readonly queryParams?: Readonly<Record<string, ValueMatch>>;
  /**
   * The request method.
   * @default - any method
   */
  readonly method?: HttpMethod;
}

/** RFC 7230 token: what a header (or query parameter) name may contain. */
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;

/** Why a regex would not compile in Linkerd (Rust `regex`), or undefined. */
export function regexProblem(source: unknown): string | undefined {
  if (typeof source !== 'string' || source.length === 0) return 'must be a non-empty regular expression';
  if (/\(\?<?[=!]/.test(source)) return 'look-around is not supported by Linkerd\'s regex engine (Rust regex)';
  if (/\\[1-9]/.test(source)) return 'back-references are not supported by Linkerd\'s regex engine (Rust regex)';
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `is not a valid regular expression: ${(e as Error).message}`;
  }
  return undefined;
}

/** Exact and prefix paths as the CRD's CEL rules require them: normalized absolute paths. */
export function literalPathProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return "must be an absolute path starting with '/'";
  if (value.length > 1024) return 'must be at most 1024 characters';
  for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(bad)) return `must not contain '${bad}'`;
  if (value.endsWith('/..') || value.endsWith('/.')) return "must not end with '/.' or '/..'";
  if (!PATH_CHARACTERS.test(value)) return 'must contain only RFC 3986 path characters (or %XX escapes)';
  return undefined;
}

/** The kind of a path match and its value. */
export function pathKind(path: PathMatch): { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string } {
  if ('exact' in path) return { type: 'Exact', value: path.exact };
  if ('prefix' in path) return { type: 'PathPrefix', value: path.prefix };
  return { type: 'RegularExpression', value: path.regex };
}

function checkPath(path: PathMatch, at: string, issues: IssueCollector): void {
  const keys = Object.keys(path);
  if (keys.length !== 1 || !['exact', 'prefix', 'regex'].includes(keys[0])) {
    issues.add(at, path, 'must be exactly one of { exact }, { prefix } or { regex }');
    return;
  }
  const { type, value } = pathKind(path);
  const field = `${at}.${keys[0]}`;
  issues.check(field, value, type === 'RegularExpression' ? regexProblem(value) : literalPathProblem(value));
}

export function checkValueMatches(
  entries: Readonly<Record<string, ValueMatch>> | undefined,
  at: string,
  issues: IssueCollector,
  options: { readonly caseInsensitive: boolean; readonly maxValue: number },
): void {
  if (!entries) return;
  const names = Object.keys(entries);
  if (names.length > 16) issues.add(at, names.length, 'at most 16 entries');
  const seen = new Set<string>();
  for (const name of names) {
    const field = `${at}.${name}`;
    if (name.length > 256 || !TOKEN.test(name)) issues.add(field, name, 'the name must be 1–256 token characters (letters, digits, !#$%&\'*+-.^_`|~)');
    const key = options.caseInsensitive ? name.toLowerCase() : name;
    if (seen.has(key)) issues.add(field, name, 'is given twice (header names are case-insensitive): only the first would count');
    seen.add(key);
    const v = entries[name];
    if (typeof v === 'string') {
      if (v.length < 1 || v.length > options.maxValue) issues.add(field, v, `the value must be 1 to ${options.maxValue} characters`);
    } else if (typeof v === 'object' && v !== null && Object.keys(v).length === 1 && 'regex' in v) {
      issues.check(`${field}.regex`, v.regex, regexProblem(v.regex));
    } else issues.add(field, v, 'must be a string (exact match) or { regex }');
  }
}

export function checkHttpMatch(match: HttpMatch, at: string, issues: IssueCollector): void {
  if (match.path) checkPath(match.path, `${at}.path`, issues);
  checkValueMatches(match.headers, `${at}.headers`, issues, { caseInsensitive: true, maxValue: 4096 });
  checkValueMatches(match.queryParams, `${at}.queryParams`, issues, { caseInsensitive: false, maxValue: 1024 });
  if (match.method !== undefined && !HTTP_METHODS.includes(match.method)) issues.add(`${at}.method`, match.method, `must be one of ${HTTP_METHODS.join(', ')}`);
}

/** `[{ name, type, value }]` in the object's key order. */
export function renderValueMatches(entries: Readonly<Record<string, ValueMatch>>): Record<string, unknown>[] {
  return Object.entries(entries).map(([name, v]) =>
    typeof v === 'string' ? { name, type: 'Exact', value: v } : { name, type: 'RegularExpression', value: v.regex },
  );
}

export function renderHttpMatch(match: HttpMatch): Record<string, unknown> {
  return {
    // Written out even when it is the default, so a reader (and a checker) sees what is matched.
    path: match.path ? pathKind(match.path) : { type: 'PathPrefix', value: '/' },
    ...(match.headers && Object.keys(match.headers).length ? { headers: renderValueMatches(match.headers) } : {}),
    ...(match.queryParams && Object.keys(match.queryParams).length ? { queryParams: renderValueMatches(match.queryParams) } : {}),
    ...(match.method ? { method: match.method } : {}),
  };
}
