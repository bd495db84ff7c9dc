/**
 * HTTPRoute building blocks shared by policy.linkerd.io's HTTPRoute and the Gateway API's HTTPRoute
 * and GRPCRoute: header lists, filters, matches, hostnames, timeouts and route status. Each builder
 * returns the plainest upstream shape; callers add version-specific keywords with `extend`.
 */
import { metaCondition } from './conditions.js';
import { CONTROLLER_NAME, DNS_SUBDOMAIN, HTTP_HEADER_NAME, WILDCARD_HOSTNAME } from './patterns.js';
import { parentRef, portNumber } from './references.js';
import { arr, duration, enumStr, int, obj, str, type Properties, type Schema, type SchemaExtras } from './primitives.js';

/** An HTTP header name. */
export function headerName(): Schema {
  return str({ maxLength: 256, minLength: 1, pattern: HTTP_HEADER_NAME });
}

/** A list keyed by `name`, so server-side apply merges entries instead of replacing the list. */
export function nameKeyedList(items: Schema, maxItems: number): Schema {
  return arr(items, { maxItems, 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map' });
}

/** `HTTPHeader`: a name and a value, both required. */
export function httpHeader(): Schema {
  return obj({ name: headerName(), value: str({ maxLength: 4096, minLength: 1 }) }, ['name', 'value']);
}

/** Options of {@link headerModifier}. */
export interface HeaderModifierOptions {
  /**
   * Extra keywords on the `remove` list (the Gateway API marks it `x-kubernetes-list-type: set`).
   * @default - none
   */
  readonly removeExtras?: SchemaExtras;
}

/** `HTTPHeaderFilter`: headers to add, set and remove. */
export function headerModifier(options: HeaderModifierOptions = {}): Schema {
  return obj({
    add: nameKeyedList(httpHeader(), 16),
    remove: arr(str(), { maxItems: 16, ...options.removeExtras }),
    set: nameKeyedList(httpHeader(), 16),
  });
}

/** `HTTPPathModifier`: replace the full path or a matched prefix. */
export function pathModifier(extra: SchemaExtras = {}): Schema {
  return obj(
    {
      replaceFullPath: str({ maxLength: 1024 }),
      replacePrefixMatch: str({ maxLength: 1024 }),
      type: enumStr(['ReplaceFullPath', 'ReplacePrefixMatch']),
    },
    ['type'],
    extra,
  );
}

/** A precise (non-wildcard) hostname. */
export function preciseHostname(): Schema {
  return str({ maxLength: 253, minLength: 1, pattern: DNS_SUBDOMAIN });
}

/** `HTTPRequestRedirectFilter`. `path` is passed in so the Gateway API can add its validation rules. */
export function requestRedirect(path: Schema = pathModifier()): Schema {
  return obj({
    hostname: preciseHostname(),
    path,
    port: portNumber(),
    scheme: enumStr(['http', 'https']),
    statusCode: int({ default: 302, enum: [301, 302] }),
  });
}

/**
 * `HTTPRouteFilter`: one property per filter kind plus the `type` discriminator, whose enum lists
 * `types` in the given order (upstream's order is significant to the comparison).
 */
export function httpRouteFilter(filters: Properties, types: readonly string[], extra: SchemaExtras = {}): Schema {
  return obj({ ...filters, type: enumStr(types) }, ['type'], extra);
}

/** The `PathPrefix /` match the API server defaults a route's matches to. */
export const DEFAULT_PATH_MATCH = { type: 'PathPrefix', value: '/' } as const;

/** `HTTPPathMatch`. */
export function pathMatch(extra: SchemaExtras = {}): Schema {
  return obj(
    {
      type: enumStr(['Exact', 'PathPrefix', 'RegularExpression'], { default: 'PathPrefix' }),
      value: str({ default: '/', maxLength: 1024 }),
    },
    [],
    { default: { ...DEFAULT_PATH_MATCH }, ...extra },
  );
}

/** `HTTPHeaderMatch`. */
export function headerMatch(): Schema {
  return obj(
    {
      name: headerName(),
      type: enumStr(['Exact', 'RegularExpression'], { default: 'Exact' }),
      value: str({ maxLength: 4096, minLength: 1 }),
    },
    ['name', 'value'],
  );
}

/** `HTTPQueryParamMatch`. `name` is passed in because the Gateway API pattern-checks it. */
export function queryParamMatch(name: Schema = str({ maxLength: 256, minLength: 1 })): Schema {
  return obj(
    {
      name,
      type: enumStr(['Exact', 'RegularExpression'], { default: 'Exact' }),
      value: str({ maxLength: 1024, minLength: 1 }),
    },
    ['name', 'value'],
  );
}

/** HTTP methods an `HTTPRouteMatch` accepts. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

/** `HTTPRouteMatch` with the fields both HTTPRoute flavours share. */
export function httpRouteMatch(): Schema {
  return obj({
    headers: nameKeyedList(headerMatch(), 16),
    method: enumStr(HTTP_METHODS),
    path: pathMatch(),
    queryParams: nameKeyedList(queryParamMatch(), 16),
  });
}

/** A rule's `matches`: at most 8, defaulting to a single `PathPrefix /`. */
export function httpRouteMatches(match: Schema = httpRouteMatch()): Schema {
  return arr(match, { default: [{ path: { ...DEFAULT_PATH_MATCH } }], maxItems: 8 });
}

/** A route's `hostnames`. */
export function hostnames(): Schema {
  return arr(str({ maxLength: 253, minLength: 1, pattern: WILDCARD_HOSTNAME }), { maxItems: 16 });
}

/** `HTTPRouteTimeouts`. */
export function routeTimeouts(extra: SchemaExtras = {}): Schema {
  return obj({ backendRequest: duration(), request: duration() }, [], extra);
}

/** `RouteParentStatus`: which controller accepted the route for which parent. */
export function routeParentStatus(defaultGroup: string): Schema {
  return obj(
    {
      conditions: arr(metaCondition(), {
        maxItems: 8,
        minItems: 1,
        'x-kubernetes-list-map-keys': ['type'],
        'x-kubernetes-list-type': 'map',
      }),
      controllerName: str({ maxLength: 253, minLength: 1, pattern: CONTROLLER_NAME }),
      parentRef: parentRef({ defaultGroup }),
    },
    ['controllerName', 'parentRef'],
  );
}

/** `RouteStatus`: one entry per parent, `parents` required. */
export function routeStatus(defaultGroup: string): Schema {
  return obj({ parents: arr(routeParentStatus(defaultGroup), { maxItems: 32 }) }, ['parents']);
}
