/**
 * A gRPC route on a Service: `gateway.networking.k8s.io/v1` GRPCRoute (there is no policy.linkerd.io
 * GRPCRoute). Linkerd matches methods exactly (a regex method match is rejected), supports header
 * edits, and has no `timeouts` field here: timeouts and retries are the route's annotations.
 * Precedence is Gateway API's (longest service, then method, then most headers; ties to the earlier
 * rule), rendered as written.
 */
import { IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { checkWeights, type WeightedBackend } from './backends.js';
import { checkHeaderModifier, refuseUnknownKeys, renderFilters, type HeaderModifier } from './filters.js';
import { checkValueMatches, renderValueMatches, type ValueMatch } from './http-match.js';
import { parentRef, serviceBackendRef } from './refs.js';
import { resilienceAnnotations, type Resilience } from './resilience.js';
import { checkHostnames, routeMetadata, withAnnotations, type RouteBase } from './route-base.js';

/** An exact gRPC method match: the fully-qualified service (`emojivoto.v1.EmojiService`), the method, or both. */
export interface GrpcMatch {
  /**
   * @default - any service
   */
  readonly service?: string;
  /**
   * @default - any method
   */
  readonly method?: string;
  /**
   * Request metadata (headers) that must be present.
   * @default - no header condition
   */
  readonly headers?: Readonly<Record<string, ValueMatch>>;
}

export interface GrpcRouteRule {
  /**
   * Calls this rule takes; any one match suffices.
   * @default - every call
   */
  readonly matches?: readonly GrpcMatch[];
  /**
   * Where calls go, with relative weights.
   * @default - the parent Service
   */
  readonly backends?: readonly WeightedBackend[];
  /**
   * Header edits on requests.
   * @default - none
   */
  readonly requestHeaders?: HeaderModifier;
  /**
   * Header edits on responses.
   * @default - none
   */
  readonly responseHeaders?: HeaderModifier;
}

export interface GrpcRouteSpec extends RouteBase, Resilience {
  readonly rules: readonly GrpcRouteRule[];
}

const SERVICE_NAME = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const METHOD_NAME = /^[A-Za-z_][A-Za-z_0-9]*$/;

function checkMatch(m: GrpcMatch, at: string, issues: IssueCollector): void {
  refuseUnknownKeys(m, ['service', 'method', 'headers', 'type'], at, issues);
  const type = (m as { readonly type?: unknown }).type;
  if (type !== undefined && type !== 'Exact') {
    issues.add(`${at}.type`, type, 'Linkerd rejects regular-expression gRPC method matches: name the service and method exactly');
    return;
  }
  if (m.service !== undefined && (typeof m.service !== 'string' || m.service.length > 1024 || !SERVICE_NAME.test(m.service))) {
    issues.add(`${at}.service`, m.service, 'must be a fully-qualified protobuf service name, e.g. emojivoto.v1.EmojiService (Linkerd matches gRPC methods exactly; no regex)');
  }
  if (m.method !== undefined && (typeof m.method !== 'string' || m.method.length > 1024 || !METHOD_NAME.test(m.method))) {
    issues.add(`${at}.method`, m.method, 'must be a protobuf method name, e.g. ListAll (Linkerd matches gRPC methods exactly; no regex)');
  }
  if (m.service === undefined && m.method === undefined && !m.headers) issues.add(at, m, 'must set service, method or headers (omit matches to take every call)');
  checkValueMatches(m.headers, `${at}.headers`, issues, { caseInsensitive: true, maxValue: 4096 });
}

function renderMatch(m: GrpcMatch): Record<string, unknown> {
  const method = m.service !== undefined || m.method !== undefined
    ? { type: 'Exact', ...(m.service !== undefined ? { service: m.service } : {}), ...(m.method !== undefined ? { method: m.method } : {}) }
    : undefined;
  return { ...(method ? { method } : {}), ...(m.headers && Object.keys(m.headers).length ? { headers: renderValueMatches(m.headers) } : {}) };
}

function renderRule(rule: GrpcRouteRule, at: string, issues: IssueCollector): Record<string, unknown> {
  refuseUnknownKeys(rule, ['matches', 'backends', 'requestHeaders', 'responseHeaders'], at, issues);
  const matches = rule.matches ?? [];
  if (matches.length > 8) issues.add(`${at}.matches`, matches.length, 'at most 8 matches per rule');
  matches.forEach((m, i) => checkMatch(m, `${at}.matches[${i}]`, issues));
  if (rule.requestHeaders) checkHeaderModifier(rule.requestHeaders, `${at}.requestHeaders`, issues);
  if (rule.responseHeaders) checkHeaderModifier(rule.responseHeaders, `${at}.responseHeaders`, issues);
  const backends = rule.backends;
  if (backends) {
    if (backends.length === 0 || backends.length > 16) issues.add(`${at}.backends`, backends.length, 'must list 1 to 16 backends (omit it to use the parent Service)');
    checkWeights(backends, `${at}.backends`, issues);
  }
  const backendRefs = backends?.map((b, i) => {
    const where = `${at}.backends[${i}]`;
    refuseUnknownKeys(b, ['name', 'namespace', 'port', 'weight', 'requestHeaders', 'responseHeaders'], where, issues);
    if (b.requestHeaders) checkHeaderModifier(b.requestHeaders, `${where}.requestHeaders`, issues);
    if (b.responseHeaders) checkHeaderModifier(b.responseHeaders, `${where}.responseHeaders`, issues);
    const filters = renderFilters(b);
    return { ...serviceBackendRef(b, where, issues), ...(b.weight !== undefined ? { weight: b.weight } : {}), ...(filters.length ? { filters } : {}) };
  });
  const filters = renderFilters(rule);
  return {
    ...(matches.length ? { matches: matches.map(renderMatch) } : {}),
    ...(filters.length ? { filters } : {}),
    ...(backendRefs ? { backendRefs } : {}),
  };
}

/** Checks the whole spec (every problem at once, under `path`) and renders the GRPCRoute. */
export function buildGrpcRoute(spec: GrpcRouteSpec, path: string): KubeObject {
  const issues = new IssueCollector();
  const metadata = routeMetadata(spec, path, issues);
  const parent = spec.parent ? parentRef(spec.parent, `${path}.parent`, issues) : {};
  checkHostnames(spec.hostnames, `${path}.hostnames`, issues);
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  if (rules.length === 0 || rules.length > 16) issues.add(`${path}.rules`, spec.rules?.length, 'must have 1 to 16 rules');
  const renderedRules = rules.map((r, i) => renderRule(r, `${path}.rules[${i}]`, issues));
  const annotations = resilienceAnnotations(spec, 'GRPCRoute', path, issues);
  issues.throwIfAny(`gRPC route ${path}`);
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { ...metadata, ...withAnnotations(metadata.annotations, annotations) },
    spec: { parentRefs: [parent], ...(spec.hostnames?.length ? { hostnames: [...spec.hostnames] } : {}), rules: renderedRules },
  };
}
