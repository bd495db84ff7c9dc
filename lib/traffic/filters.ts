/**
 * The HTTP filters Linkerd implements on mesh routes (TRAFFIC.md §1.13): request and response
 * header edits and redirects. URLRewrite, RequestMirror and ExtensionRef are not implemented — a
 * route carrying one is dropped whole — so the model has no way to say them, and `refuseUnsupported`
 * names them when plain JavaScript passes them anyway.
 */
import type { IssueCollector } from '../errors.js';
import { dns1123SubdomainProblem } from '../k8s/name-rules.js';
import { checkPort } from './refs.js';

/** Header edits: set (replace), add (append) and remove, by header name. */
export interface HeaderModifier {
  /**
   * Headers to set, replacing any value.
   * @default - none
   */
  readonly set?: Readonly<Record<string, string>>;
  /**
   * Headers to add, keeping existing values.
   * @default - none
   */
  readonly add?: Readonly<Record<string, string>>;
  /**
   * Header names to remove.
   * @default - none
   */
  readonly remove?: readonly string[];
}

/** Answers with a redirect instead of forwarding (a rule with a redirect has no backends). */
export interface RequestRedirect {
  /**
   * @default - the request's scheme
   */
  readonly scheme?: 'http' | 'https';
  /**
   * @default - the request's host
   */
  readonly hostname?: string;
  /**
   * @default - the request's port (or the scheme's)
   */
  readonly port?: number;
  /**
   * Replace the whole path, or the matched prefix (the rule must then have exactly one prefix match).
   * @default - the request's path
   */
  readonly path?: { readonly fullPath: string } | { readonly prefix: string };
  /**
   * @default 302
   */
  readonly statusCode?: 301 | 302;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** Rule and backend keys that name Gateway API features Linkerd does not implement, and why. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  urlRewrite: 'URLRewrite is not implemented by Linkerd (edge-26.8.3): the whole route would be dropped',
  rewrite: 'URLRewrite is not implemented by Linkerd (edge-26.8.3): the whole route would be dropped',
  requestMirror: 'RequestMirror is not implemented by Linkerd (edge-26.8.3): the whole route would be dropped',
  mirror: 'RequestMirror is not implemented by Linkerd (edge-26.8.3): the whole route would be dropped',
  extensionRef: 'ExtensionRef filters are not implemented by Linkerd: the whole route would be dropped',
  filters: 'raw filters are not accepted: use requestHeaders, responseHeaders or redirect (the filters Linkerd implements)',
  sessionPersistence: 'sessionPersistence is ignored by Linkerd',
  backendRequest: 'timeouts.backendRequest is ignored by Linkerd: use retry.timeout (a per-try timeout) on the route',
  backendTimeout: 'timeouts.backendRequest is ignored by Linkerd: use retry.timeout (a per-try timeout) on the route',
  timeouts: 'write timeout (the request timeout) instead; timeouts.backendRequest is ignored by Linkerd',
};

/** Records every key of `object` outside `known`, with the specific reason for unsupported features. */
export function refuseUnknownKeys(object: object, known: readonly string[], path: string, issues: IssueCollector): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key) || (object as Record<string, unknown>)[key] === undefined) continue;
    issues.add(`${path}.${key}`, (object as Record<string, unknown>)[key], UNSUPPORTED[key] ?? `is not a known field; known: ${known.join(', ')}`);
  }
}

function checkHeaderList(entries: Readonly<Record<string, string>> | undefined, path: string, issues: IssueCollector): void {
  if (!entries) return;
  if (Object.keys(entries).length > 16) issues.add(path, Object.keys(entries).length, 'at most 16 headers');
  for (const [name, value] of Object.entries(entries)) {
    if (name.length > 256 || !TOKEN.test(name)) issues.add(`${path}.${name}`, name, 'the header name must be 1–256 token characters');
    if (typeof value !== 'string' || value.length < 1 || value.length > 4096) issues.add(`${path}.${name}`, value, 'the value must be a string of 1 to 4096 characters');
  }
}

export function checkHeaderModifier(modifier: HeaderModifier, path: string, issues: IssueCollector): void {
  refuseUnknownKeys(modifier, ['set', 'add', 'remove'], path, issues);
  checkHeaderList(modifier.set, `${path}.set`, issues);
  checkHeaderList(modifier.add, `${path}.add`, issues);
  if (modifier.remove) {
    if (modifier.remove.length > 16) issues.add(`${path}.remove`, modifier.remove.length, 'at most 16 headers');
    modifier.remove.forEach((name, i) => {
      if (typeof name !== 'string' || !TOKEN.test(name)) issues.add(`${path}.remove[${i}]`, name, 'must be a header name');
    });
  }
  if (!modifier.set && !modifier.add && !modifier.remove) issues.add(path, modifier, 'must set at least one of set, add or remove');
}

export function renderHeaderModifier(modifier: HeaderModifier): Record<string, unknown> {
  const list = (r: Readonly<Record<string, string>>) => Object.entries(r).map(([name, value]) => ({ name, value }));
  return {
    ...(modifier.add ? { add: list(modifier.add) } : {}),
    ...(modifier.remove ? { remove: [...modifier.remove] } : {}),
    ...(modifier.set ? { set: list(modifier.set) } : {}),
  };
}

export function checkRedirect(redirect: RequestRedirect, path: string, issues: IssueCollector): void {
  refuseUnknownKeys(redirect, ['scheme', 'hostname', 'port', 'path', 'statusCode'], path, issues);
  if (redirect.scheme !== undefined && redirect.scheme !== 'http' && redirect.scheme !== 'https') issues.add(`${path}.scheme`, redirect.scheme, 'must be http or https');
  if (redirect.hostname !== undefined && dns1123SubdomainProblem(redirect.hostname) !== undefined) {
    issues.add(`${path}.hostname`, redirect.hostname, 'must be a DNS hostname without wildcard');
  }
  checkPort(redirect.port, `${path}.port`, issues, false);
  if (redirect.statusCode !== undefined && redirect.statusCode !== 301 && redirect.statusCode !== 302) issues.add(`${path}.statusCode`, redirect.statusCode, 'must be 301 or 302');
  if (redirect.path !== undefined) {
    const keys = Object.keys(redirect.path);
    const value = Object.values(redirect.path)[0] as unknown;
    if (keys.length !== 1 || !['fullPath', 'prefix'].includes(keys[0])) issues.add(`${path}.path`, redirect.path, 'must be exactly one of { fullPath } or { prefix }');
    else if (typeof value !== 'string' || value.length > 1024) issues.add(`${path}.path.${keys[0]}`, value, 'must be a path of at most 1024 characters');
  }
}

export function renderRedirect(redirect: RequestRedirect): Record<string, unknown> {
  const path = redirect.path
    ? 'fullPath' in redirect.path
      ? { type: 'ReplaceFullPath', replaceFullPath: redirect.path.fullPath }
      : { type: 'ReplacePrefixMatch', replacePrefixMatch: redirect.path.prefix }
    : undefined;
  return {
    ...(redirect.scheme ? { scheme: redirect.scheme } : {}),
    ...(redirect.hostname ? { hostname: redirect.hostname } : {}),
    ...(path ? { path } : {}),
    ...(redirect.port !== undefined ? { port: redirect.port } : {}),
    ...(redirect.statusCode !== undefined ? { statusCode: redirect.statusCode } : {}),
  };
}

/** A rule's or backend's filter list in a fixed order: request headers, response headers, redirect. */
export function renderFilters(f: { readonly requestHeaders?: HeaderModifier; readonly responseHeaders?: HeaderModifier; readonly redirect?: RequestRedirect }): Record<string, unknown>[] {
  return [
    ...(f.requestHeaders ? [{ type: 'RequestHeaderModifier', requestHeaderModifier: renderHeaderModifier(f.requestHeaders) }] : []),
    ...(f.responseHeaders ? [{ type: 'ResponseHeaderModifier', responseHeaderModifier: renderHeaderModifier(f.responseHeaders) }] : []),
    ...(f.redirect ? [{ type: 'RequestRedirect', requestRedirect: renderRedirect(f.redirect) }] : []),
  ];
}
