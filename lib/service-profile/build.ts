/**
 * `buildServiceProfile`: a validated ServiceProfile object from the model. Rendered as upstream's Go
 * types marshal it: false booleans and empty lists left out (`omitempty`).
 *
 * One CRD quirk is handled here: the CRD types a route condition's top-level `not` as a list while
 * the Go type (and so the sp-validator and the destination controller) reads an object, so neither
 * form can be applied. `{ not: X, ...rest }` is rendered as `{ ...rest, all: [...rest.all, { not: X }] }`,
 * which means the same and passes both (nested matches are free-form in the CRD).
 */
import { IssueCollector } from '../errors.js';
import { serviceProfileName } from './names.js';
import {
  SERVICE_PROFILE_API_VERSION,
  SERVICE_PROFILE_KIND,
  type ProfileRoute,
  type RequestMatch,
  type RequestMatchObject,
  type ResponseMatch,
  type ResponseMatchObject,
  type RouteObject,
  type ServiceProfileInput,
  type ServiceProfileObject,
  type ServiceProfileSpec,
} from './types.js';
import { checkServiceProfile } from './validate.js';

/** Copies `fields` of `from` that are set (not undefined), in that order. */
function present<T extends object, K extends keyof T>(from: T, fields: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const f of fields) if (from[f] !== undefined) out[f] = from[f];
  return out;
}

function requestMatch(match: RequestMatch): RequestMatchObject {
  return {
    ...(match.all ? { all: match.all.map(requestMatch) } : {}),
    ...(match.not ? { not: requestMatch(match.not) } : {}),
    ...(match.any ? { any: match.any.map(requestMatch) } : {}),
    ...present(match, ['pathRegex', 'method']),
  };
}

/** A route's condition with a top-level `not` moved into `all` (see the module comment). */
function routeCondition(match: RequestMatch): RequestMatchObject {
  const { not, ...rest } = requestMatch(match);
  return not ? { ...rest, all: [...(rest.all ?? []), { not }] } : rest;
}

function responseMatch(match: ResponseMatch): ResponseMatchObject {
  return {
    ...(match.all ? { all: match.all.map(responseMatch) } : {}),
    ...(match.not ? { not: responseMatch(match.not) } : {}),
    ...(match.any ? { any: match.any.map(responseMatch) } : {}),
    ...(match.status ? { status: present(match.status, ['min', 'max']) } : {}),
  };
}

function route(r: ProfileRoute): RouteObject {
  const classes = (r.responseClasses ?? []).map((rc) => ({ condition: responseMatch(rc.condition), ...(rc.isFailure ? { isFailure: true } : {}) }));
  return {
    name: r.name,
    condition: routeCondition(r.condition),
    ...(classes.length ? { responseClasses: classes } : {}),
    ...(r.isRetryable ? { isRetryable: true } : {}),
    ...(r.timeout ? { timeout: r.timeout } : {}),
  };
}

/** The profile's `spec` as rendered (no validation: `buildServiceProfile` validates first). */
export function serviceProfileSpec(spec: ServiceProfileSpec): ServiceProfileObject['spec'] {
  const routes = (spec.routes ?? []).map(route);
  const overrides = (spec.dstOverrides ?? []).map((d) => ({ authority: d.authority, weight: d.weight }));
  return {
    ...(routes.length ? { routes } : {}),
    ...(spec.retryBudget ? { retryBudget: present(spec.retryBudget, ['retryRatio', 'minRetriesPerSecond', 'ttl']) as ServiceProfileObject['spec']['retryBudget'] } : {}),
    ...(overrides.length ? { dstOverrides: overrides } : {}),
  };
}

/**
 * The ServiceProfile for `input.service`, named `<service>.<namespace>.svc.<clusterDomain>`; throws a
 * MeshformError listing every problem, each under `at` (a construct path, or `ServiceProfile`).
 */
export function buildServiceProfile(input: ServiceProfileInput, at = 'ServiceProfile'): ServiceProfileObject {
  const issues = new IssueCollector();
  checkServiceProfile(issues, at, input);
  issues.throwIfAny(`invalid ServiceProfile ${at}`);
  return {
    apiVersion: SERVICE_PROFILE_API_VERSION,
    kind: SERVICE_PROFILE_KIND,
    metadata: { name: serviceProfileName(input), namespace: input.namespace },
    spec: serviceProfileSpec(input),
  };
}

/**
 * Does this profile take over the Service's routing? The proxy switches to profile routing when it
 * has at least one route or dstOverride, and then ignores the Service's HTTPRoutes/GRPCRoutes and
 * retry/timeout annotations and disables circuit breaking (TRAFFIC.md §2.5); a profile with only a
 * retry budget does not.
 */
export function profileOverridesPolicy(spec: { readonly routes?: readonly unknown[]; readonly dstOverrides?: readonly unknown[] }): boolean {
  return (spec.routes?.length ?? 0) > 0 || (spec.dstOverrides?.length ?? 0) > 0;
}

/**
 * A profile as `linkerd profile` prints it: Go's zero `creationTimestamp` marshals as `null`, which
 * upstream's generated output carries.
 */
export function generatedServiceProfile(input: ServiceProfileInput, at: string): ServiceProfileObject {
  const profile = buildServiceProfile(input, at);
  return { ...profile, metadata: { ...profile.metadata, creationTimestamp: null } };
}
