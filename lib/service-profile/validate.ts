/**
 * A ServiceProfile checked with the sp-validator's rules (upstream `pkg/profiles` `Validate`,
 * `ValidateRequestMatch`, `ValidateResponseMatch`) and the CRD's types, every finding collected with
 * its field path: routes need a name and a condition; every match sets at least one field; status
 * ranges are 100–599 with max ≥ min; timeouts and the retry budget's ttl are Go durations; the name
 * is the Service's FQDN. Beyond upstream, unknown fields are refused (a typo would be dropped by the
 * apiserver) and so are inputs the webhook or the CRD would reject later (opaquePorts, see types.ts).
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { ANNOTATIONS } from '../k8s/labels.js';
import { goDurationProblem } from './profile-duration.js';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, serviceProfileName } from './names.js';

type Fields = Record<string, unknown>;

/** Nested all/any/not deeper than this is refused: no real profile comes close, and checks recurse. */
const MAX_MATCH_DEPTH = 32;
const STATUS_MIN = 100;
const STATUS_MAX = 599;
const INT32_MAX = 2 ** 31 - 1;
const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
/** RFC 9110 token characters: what a method may consist of. */
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The CRD's pattern for the int-or-string `weight` (a Kubernetes quantity). */
const QUANTITY = /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const isMap = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Refuses keys outside `allowed`; returns false (and says so) when `value` is not a map at all. */
function checkMap(issues: IssueCollector, at: string, value: unknown, allowed: readonly string[]): value is Fields {
  if (!isMap(value)) {
    issues.add(at, value, `must be a map with the fields ${allowed.join(', ')}`);
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key) && value[key] !== undefined) issues.add(joinPath(at, key), value[key], `is not a field here (allowed: ${allowed.join(', ')})`);
  }
  return true;
}

function checkList(issues: IssueCollector, at: string, value: unknown, each: (item: unknown, at: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.add(at, value, 'must be a list');
    return;
  }
  value.forEach((item, i) => each(item, joinPath(at, i)));
}

function checkBoolean(issues: IssueCollector, at: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') issues.add(at, value, 'must be true or false');
}

function methodProblem(method: unknown): string | undefined {
  if (typeof method !== 'string' || method === '') return 'must be a non-empty HTTP method such as GET or POST';
  if (!METHOD_TOKEN.test(method)) return 'must be an HTTP method (a token such as GET or POST, no spaces)';
  const upper = method.toUpperCase();
  if (method !== upper && KNOWN_METHODS.includes(upper)) return `HTTP methods are case-sensitive: write ${upper}`;
  return undefined;
}

function checkRequestMatch(issues: IssueCollector, at: string, match: unknown, depth = 0): void {
  if (depth > MAX_MATCH_DEPTH) return issues.add(at, undefined, `nests all/any/not more than ${MAX_MATCH_DEPTH} levels deep`);
  if (!checkMap(issues, at, match, ['pathRegex', 'method', 'all', 'any', 'not'])) return;
  const { pathRegex, method, all, any, not } = match;
  if ([pathRegex, method, all, any, not].every((v) => v === undefined)) {
    issues.add(at, match, 'a request match must have a field set: pathRegex, method, all, any or not');
  }
  if (pathRegex !== undefined && (typeof pathRegex !== 'string' || pathRegex === '')) issues.add(joinPath(at, 'pathRegex'), pathRegex, 'must be a non-empty regular expression');
  if (method !== undefined) issues.check(joinPath(at, 'method'), method, methodProblem(method));
  checkList(issues, joinPath(at, 'all'), all, (m, p) => checkRequestMatch(issues, p, m, depth + 1));
  checkList(issues, joinPath(at, 'any'), any, (m, p) => checkRequestMatch(issues, p, m, depth + 1));
  if (not !== undefined) checkRequestMatch(issues, joinPath(at, 'not'), not, depth + 1);
}

function statusCode(issues: IssueCollector, at: string, code: unknown): number | undefined {
  if (code === undefined) return undefined;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < STATUS_MIN || code > STATUS_MAX) {
    issues.add(at, code, `must be an HTTP status code: an integer from ${STATUS_MIN} to ${STATUS_MAX}`);
    return undefined;
  }
  return code;
}

function checkResponseMatch(issues: IssueCollector, at: string, match: unknown, depth = 0): void {
  if (depth > MAX_MATCH_DEPTH) return issues.add(at, undefined, `nests all/any/not more than ${MAX_MATCH_DEPTH} levels deep`);
  if (!checkMap(issues, at, match, ['status', 'all', 'any', 'not'])) return;
  const { status, all, any, not } = match;
  if ([status, all, any, not].every((v) => v === undefined)) issues.add(at, match, 'a response match must have a field set: status, all, any or not');
  const statusAt = joinPath(at, 'status');
  if (status !== undefined && checkMap(issues, statusAt, status, ['min', 'max'])) {
    const min = statusCode(issues, joinPath(statusAt, 'min'), status.min);
    const max = statusCode(issues, joinPath(statusAt, 'max'), status.max);
    if (status.min === undefined && status.max === undefined) issues.add(statusAt, status, 'must set min, max or both (one alone matches that single code)');
    if (min !== undefined && max !== undefined && max < min) issues.add(joinPath(statusAt, 'max'), max, `range maximum cannot be smaller than minimum (${min})`);
  }
  checkList(issues, joinPath(at, 'all'), all, (m, p) => checkResponseMatch(issues, p, m, depth + 1));
  checkList(issues, joinPath(at, 'any'), any, (m, p) => checkResponseMatch(issues, p, m, depth + 1));
  if (not !== undefined) checkResponseMatch(issues, joinPath(at, 'not'), not, depth + 1);
}

function checkRoute(issues: IssueCollector, at: string, route: unknown): void {
  if (!checkMap(issues, at, route, ['name', 'condition', 'responseClasses', 'isRetryable', 'timeout'])) return;
  if (typeof route.name !== 'string' || route.name === '') issues.add(joinPath(at, 'name'), route.name, 'every route needs a name (shown in per-route metrics)');
  if (route.condition === undefined) issues.add(joinPath(at, 'condition'), undefined, 'every route needs a condition (which requests belong to it)');
  else checkRequestMatch(issues, joinPath(at, 'condition'), route.condition);
  checkList(issues, joinPath(at, 'responseClasses'), route.responseClasses, (rc, p) => {
    if (!checkMap(issues, p, rc, ['condition', 'isFailure'])) return;
    if (rc.condition === undefined) issues.add(joinPath(p, 'condition'), undefined, 'every response class needs a condition');
    else checkResponseMatch(issues, joinPath(p, 'condition'), rc.condition);
    checkBoolean(issues, joinPath(p, 'isFailure'), rc.isFailure);
  });
  checkBoolean(issues, joinPath(at, 'isRetryable'), route.isRetryable);
  if (route.timeout !== undefined) issues.check(joinPath(at, 'timeout'), route.timeout, goDurationProblem(route.timeout));
}

function checkRetryBudget(issues: IssueCollector, at: string, budget: unknown): void {
  if (!checkMap(issues, at, budget, ['retryRatio', 'minRetriesPerSecond', 'ttl'])) return;
  const { retryRatio, minRetriesPerSecond, ttl } = budget;
  if (typeof retryRatio !== 'number' || !Number.isFinite(retryRatio) || retryRatio < 0) {
    issues.add(joinPath(at, 'retryRatio'), retryRatio, 'must be a number of at least 0 (0.2 = retries add at most 20 % load)');
  }
  if (typeof minRetriesPerSecond !== 'number' || !Number.isInteger(minRetriesPerSecond) || minRetriesPerSecond < 0 || minRetriesPerSecond > INT32_MAX) {
    issues.add(joinPath(at, 'minRetriesPerSecond'), minRetriesPerSecond, `must be an integer from 0 to ${INT32_MAX}`);
  }
  if (ttl === undefined || ttl === '') issues.add(joinPath(at, 'ttl'), ttl, 'is required: a Go duration such as 10s');
  else issues.check(joinPath(at, 'ttl'), ttl, goDurationProblem(ttl));
}

function authorityProblem(authority: unknown): string | undefined {
  const allowed = 'must be host[:port], e.g. web-v2.emojivoto.svc.cluster.local:80';
  if (typeof authority !== 'string' || authority === '') return allowed;
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!m || dns1123SubdomainErrors(m[1]).length) return allowed;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return `${allowed} (port from 1 to 65535)`;
  return undefined;
}

/** A weight's size for the all-zero check, or undefined when it is no non-negative quantity. */
function weightValue(weight: unknown): number | undefined {
  if (typeof weight === 'number') return Number.isFinite(weight) && weight >= 0 ? weight : undefined;
  if (typeof weight !== 'string' || !QUANTITY.test(weight) || weight.startsWith('-')) return undefined;
  return /[1-9]/.test(weight.replace(/[eE].*$/, '')) ? 1 : 0;
}

function checkDstOverrides(issues: IssueCollector, at: string, overrides: unknown): void {
  const weights: number[] = [];
  checkList(issues, at, overrides, (dst, p) => {
    if (!checkMap(issues, p, dst, ['authority', 'weight'])) return;
    issues.check(joinPath(p, 'authority'), dst.authority, authorityProblem(dst.authority));
    const weight = weightValue(dst.weight);
    if (weight === undefined) issues.add(joinPath(p, 'weight'), dst.weight, 'must be a non-negative integer or Kubernetes quantity (e.g. 1, 500m)');
    else weights.push(weight);
  });
  if (weights.length && Array.isArray(overrides) && weights.length === overrides.length && weights.every((w) => w === 0)) {
    issues.add(at, overrides, 'the weights must not all be 0: no destination would receive traffic');
  }
}

function checkTarget(issues: IssueCollector, at: string, input: Fields): void {
  const { service, namespace, clusterDomain } = input;
  const labelOf = (key: string, value: unknown, errors: (v: string) => string[]): boolean => {
    if (typeof value !== 'string') {
      issues.add(joinPath(at, key), value, 'must be a string');
      return false;
    }
    const found = errors(value);
    for (const e of found) issues.add(joinPath(at, key), value, e);
    return found.length === 0;
  };
  const ok = [
    labelOf('service', service, dns1035LabelErrors),
    labelOf('namespace', namespace, dns1123LabelErrors),
    clusterDomain === undefined || labelOf('clusterDomain', clusterDomain, dns1123SubdomainErrors),
  ].every(Boolean);
  if (ok) {
    const name = serviceProfileName({ service: service as string, namespace: namespace as string, clusterDomain: clusterDomain as string | undefined });
    for (const e of dns1123SubdomainErrors(name)) issues.add(joinPath(joinPath(at, 'metadata'), 'name'), name, e);
  }
}

/** Records every problem of `input` (a `ServiceProfileInput`, typed or not) under `at`. */
export function checkServiceProfile(issues: IssueCollector, at: string, input: unknown): void {
  const fields = ['service', 'namespace', 'clusterDomain', 'routes', 'retryBudget', 'dstOverrides', 'opaquePorts'];
  if (!checkMap(issues, at, input, fields)) return;
  checkTarget(issues, at, input);
  checkList(issues, joinPath(at, 'routes'), input.routes, (route, p) => checkRoute(issues, p, route));
  if (input.retryBudget !== undefined) checkRetryBudget(issues, joinPath(at, 'retryBudget'), input.retryBudget);
  checkDstOverrides(issues, joinPath(at, 'dstOverrides'), input.dstOverrides);
  const opaque = input.opaquePorts;
  if (opaque !== undefined && !(Array.isArray(opaque) && opaque.length === 0)) {
    issues.add(
      joinPath(at, 'opaquePorts'),
      opaque,
      `cannot be set: the CRD takes a list of strings but the sp-validator decodes a Go port set, so the apply is denied; mark the ports opaque with ${ANNOTATIONS.opaquePorts} on the Service instead (markOpaquePorts)`,
    );
  }
}
