/**
 * An HTTP route on a Service (Gateway API GAMMA): the typed spec, its checks and its rendering as a
 * `gateway.networking.k8s.io/v1` HTTPRoute (default; the CRDs come from `installGatewayAPI` /
 * `enableHttpRoutes` or the cluster) or a `policy.linkerd.io/v1beta3` one (always installed by
 * linkerd-crds, no longer actively maintained upstream, no response header edits).
 */
import { IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { checkWeights, faultPercentProblem, faultSplitWeights, MAX_WEIGHT, type WeightedBackend } from './backends.js';
import { routeTimeoutProblem, type RouteTimeout } from './duration.js';
import { checkHeaderModifier, checkRedirect, refuseUnknownKeys, renderFilters, type HeaderModifier, type RequestRedirect } from './filters.js';
import { checkHttpMatch, renderHttpMatch, type HttpMatch } from './http-match.js';
import { firstMatchOrder } from './match-order.js';
import { resilienceAnnotations, type Resilience } from './resilience.js';
import { checkHostnames, routeMetadata, withAnnotations, type RouteBase } from './route-base.js';
import { parentRef, serviceBackendRef, type ServiceBackend } from './refs.js';
import { TIMEOUT_ANNOTATIONS } from '../k8s/labels.js';

/** A share of a rule's traffic answered by a fault backend (see `faultBackend`); the rest keeps the rule's split. */
export interface FaultSplit {
  /** The fault backend's Service. */
  readonly backend: ServiceBackend;
  /** Percent of the rule's requests it answers, above 0 and at most 100 (up to 4 decimals). */
  readonly percent: number;
}

export interface HttpRouteRule {
  /**
   * Requests this rule takes; any one match suffices.
   * @default - every request
   */
  readonly matches?: readonly HttpMatch[];
  /**
   * Where the requests go, with relative weights.
   * @default - the parent Service
   */
  readonly backends?: readonly WeightedBackend[];
  /**
   * Header edits on the requests.
   * @default - none
   */
  readonly requestHeaders?: HeaderModifier;
  /**
   * Header edits on the responses (Gateway API routes only).
   * @default - none
   */
  readonly responseHeaders?: HeaderModifier;
  /**
   * Answer with a redirect instead of forwarding (no backends then).
   * @default - forward
   */
  readonly redirect?: RequestRedirect;
  /**
   * Request timeout (`timeouts.request`), single unit; the route's `timeout.linkerd.io/request` wins over it.
   * @default - none
   */
  readonly timeout?: RouteTimeout;
  /**
   * Send a share of this rule's traffic to a fault backend.
   * @default - no faults
   */
  readonly fault?: FaultSplit;
}

/** Which API the route is written in. */
export type HttpRouteApi = 'gateway' | 'linkerd';
/** `first-match`: the first rule whose match fits wins, as written. `specificity`: Gateway API's own precedence. */
export type MatchOrder = 'first-match' | 'specificity';

export interface HttpRouteSpec extends RouteBase, Resilience {
  readonly rules: readonly HttpRouteRule[];
  /**
   * `gateway` (`gateway.networking.k8s.io/v1`) or `linkerd` (`policy.linkerd.io/v1beta3`).
   * @default 'gateway'
   */
  readonly api?: HttpRouteApi;
  /**
   * How overlapping rules are read. `first-match` adds the overlaps to earlier rules so Gateway API's
   * most-specific-match precedence gives the same answer (see match-order.ts).
   * @default 'first-match'
   */
  readonly matchOrder?: MatchOrder;
}

const RULE_KEYS = ['matches', 'backends', 'requestHeaders', 'responseHeaders', 'redirect', 'timeout', 'fault'];
const BACKEND_KEYS = ['name', 'namespace', 'port', 'weight', 'requestHeaders', 'responseHeaders'];

function checkBackend(b: WeightedBackend, at: string, api: HttpRouteApi, issues: IssueCollector): void {
  refuseUnknownKeys(b, BACKEND_KEYS, at, issues);
  if (b.requestHeaders) checkHeaderModifier(b.requestHeaders, `${at}.requestHeaders`, issues);
  if (b.responseHeaders) {
    // policy.linkerd.io routes send a backend's response edits to the proxy as request edits (upstream quirk).
    if (api === 'linkerd') issues.add(`${at}.responseHeaders`, b.responseHeaders, "Linkerd applies it to requests on policy.linkerd.io routes: use api 'gateway'");
    else checkHeaderModifier(b.responseHeaders, `${at}.responseHeaders`, issues);
  }
}

function renderBackend(b: WeightedBackend, weight: number | undefined, at: string, issues: IssueCollector): Record<string, unknown> {
  const filters = renderFilters(b);
  return { ...serviceBackendRef(b, at, issues), ...(weight !== undefined ? { weight } : {}), ...(filters.length ? { filters } : {}) };
}

/** The rule's backendRefs, with the fault backend's share folded in exactly. */
function renderBackends(rule: HttpRouteRule, spec: HttpRouteSpec, at: string, issues: IssueCollector): Record<string, unknown>[] | undefined {
  const given = rule.backends;
  if (!rule.fault) return given?.map((b, i) => renderBackend(b, b.weight, `${at}.backends[${i}]`, issues));
  const fault = rule.fault;
  refuseUnknownKeys(fault, ['backend', 'percent'], `${at}.fault`, issues);
  const percentProblem = faultPercentProblem(fault.percent);
  issues.check(`${at}.fault.percent`, fault.percent, percentProblem);
  // Without backends the rule goes to the parent; with a fault share that must be written out.
  const parentPort = spec.parent?.port;
  if (!given && parentPort === undefined) {
    issues.add(`${at}.fault`, fault, 'needs the rule backends or parent.port: the parent Service becomes an explicit backend next to the fault backend');
    return undefined;
  }
  const real: readonly WeightedBackend[] = given ?? [{ name: spec.parent.name, namespace: spec.parent.namespace, port: parentPort as number }];
  const weights = real.map((b) => b.weight ?? 1);
  // Bad weights are reported by checkWeights; the split is computed only from good ones.
  const computable = !percentProblem && weights.every((w) => Number.isInteger(w) && w >= 0 && w <= MAX_WEIGHT) && weights.some((w) => w > 0);
  const split = computable ? faultSplitWeights(weights, fault.percent) : undefined;
  if (computable && !split) {
    issues.add(`${at}.fault.percent`, fault.percent, 'with these backend weights the exact split needs weights above 1,000,000: use round weights or a rounder percentage');
  }
  const faultRef = { ...serviceBackendRef(fault.backend, `${at}.fault.backend`, issues), weight: split?.fault ?? 0 };
  return [...real.map((b, i) => renderBackend(b, split?.backends[i], `${at}.backends[${i}]`, issues)), faultRef];
}

function checkRule(rule: HttpRouteRule, at: string, api: HttpRouteApi, issues: IssueCollector): void {
  refuseUnknownKeys(rule, RULE_KEYS, at, issues);
  const matches = rule.matches ?? [];
  if (matches.length > 8) issues.add(`${at}.matches`, matches.length, 'at most 8 matches per rule');
  matches.forEach((m, i) => {
    refuseUnknownKeys(m, ['path', 'headers', 'queryParams', 'method'], `${at}.matches[${i}]`, issues);
    checkHttpMatch(m, `${at}.matches[${i}]`, issues);
  });
  if (rule.backends) {
    if (rule.backends.length === 0) issues.add(`${at}.backends`, rule.backends, 'must list at least one backend (omit it to use the parent Service)');
    if (rule.backends.length > 16) issues.add(`${at}.backends`, rule.backends.length, 'at most 16 backends');
    checkWeights(rule.backends, `${at}.backends`, issues);
    rule.backends.forEach((b, i) => checkBackend(b, `${at}.backends[${i}]`, api, issues));
  }
  if (rule.requestHeaders) checkHeaderModifier(rule.requestHeaders, `${at}.requestHeaders`, issues);
  if (rule.responseHeaders) {
    if (api === 'linkerd') issues.add(`${at}.responseHeaders`, rule.responseHeaders, "policy.linkerd.io routes have no ResponseHeaderModifier: use api 'gateway'");
    else checkHeaderModifier(rule.responseHeaders, `${at}.responseHeaders`, issues);
  }
  if (rule.redirect) {
    checkRedirect(rule.redirect, `${at}.redirect`, issues);
    if (rule.backends || rule.fault) issues.add(`${at}.redirect`, rule.redirect, 'a redirect answers the request itself: the rule cannot also have backends or a fault');
  }
  if (rule.timeout !== undefined) issues.check(`${at}.timeout`, rule.timeout, routeTimeoutProblem(rule.timeout));
}

/** A redirect replacing the matched prefix needs exactly one prefix match (CRD rule). */
function checkPrefixRedirect(rule: HttpRouteRule, matches: readonly Record<string, unknown>[], at: string, issues: IssueCollector): void {
  if (!rule.redirect?.path || !('prefix' in rule.redirect.path)) return;
  const only = matches.length === 1 ? (matches[0].path as { type: string }) : undefined;
  if (only?.type !== 'PathPrefix') issues.add(`${at}.redirect.path`, rule.redirect.path, 'replacing the matched prefix needs exactly one prefix match in the rule (after first-match ordering)');
}

/** Checks the whole spec (every problem at once, under `path`) and renders the HTTPRoute. */
export function buildHttpRoute(spec: HttpRouteSpec, path: string): KubeObject {
  const issues = new IssueCollector();
  const api = spec.api ?? 'gateway';
  if (api !== 'gateway' && api !== 'linkerd') issues.add(`${path}.api`, api, "must be 'gateway' or 'linkerd'");
  const order = spec.matchOrder ?? 'first-match';
  if (order !== 'first-match' && order !== 'specificity') issues.add(`${path}.matchOrder`, order, "must be 'first-match' or 'specificity'");
  const metadata = routeMetadata(spec, path, issues);
  const parent = spec.parent ? parentRef(spec.parent, `${path}.parent`, issues) : {};
  checkHostnames(spec.hostnames, `${path}.hostnames`, issues);
  if (!Array.isArray(spec.rules) || spec.rules.length === 0 || spec.rules.length > 16) issues.add(`${path}.rules`, spec.rules?.length, 'must have 1 to 16 rules');
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  rules.forEach((r, i) => checkRule(r, `${path}.rules[${i}]`, api, issues));
  const annotations = resilienceAnnotations(spec, 'HTTPRoute', path, issues);
  rules.forEach((r, i) => {
    if (r.timeout !== undefined && annotations[TIMEOUT_ANNOTATIONS.request] !== undefined) {
      issues.add(`${path}.rules[${i}].timeout`, r.timeout, `the route's timeouts.request (${TIMEOUT_ANNOTATIONS.request}) wins over a rule timeout, so this one would be ignored: keep one`);
    }
  });
  const ordered = order === 'first-match' ? firstMatchOrder(rules.map((r, i) => ({ matches: r.matches ?? [], path: `${path}.rules[${i}]` })), issues) : rules.map((r) => r.matches ?? [{}]);
  const renderedRules = rules.map((rule, i) => {
    const at = `${path}.rules[${i}]`;
    const matches = (ordered[i].length ? ordered[i] : [{}]).map(renderHttpMatch);
    checkPrefixRedirect(rule, matches, at, issues);
    const filters = renderFilters(rule);
    const backendRefs = renderBackends(rule, spec, at, issues);
    return {
      matches,
      ...(filters.length ? { filters } : {}),
      ...(backendRefs ? { backendRefs } : {}),
      ...(rule.timeout !== undefined ? { timeouts: { request: rule.timeout } } : {}),
    };
  });
  issues.throwIfAny(`HTTP route ${path}`);
  return {
    apiVersion: api === 'linkerd' ? 'policy.linkerd.io/v1beta3' : 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { ...metadata, ...withAnnotations(metadata.annotations, annotations) },
    spec: { parentRefs: [parent], ...(spec.hostnames?.length ? { hostnames: [...spec.hostnames] } : {}), rules: renderedRules },
  };
}
