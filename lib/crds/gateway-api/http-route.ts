/** HTTPRoute (`gateway.networking.k8s.io/v1`, also served as v1beta1). */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { backendRefs } from './backend-refs.js';
import { hostnames } from './fields.js';
import { filterList, notRepeated, type FilterType } from './filters.js';
import { DEFAULT_PATH_MATCH, httpRouteMatches } from './http-match.js';
import { parentRefs } from './parent-refs.js';
import { list, object, rule, type Rule, type Schema } from './primitives.js';
import { routeCrd } from './route-crd.js';
import { sessionPersistence } from './session-persistence.js';
import { httpRouteTimeouts } from './timeouts.js';

const HTTP_FILTERS: readonly FilterType[] = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  'ExtensionRef',
];

/** A redirect and a rewrite would both decide the request's destination. */
const REDIRECT_XOR_REWRITE = rule(
  'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
  "!(self.exists(f, f.type == 'RequestRedirect') && self.exists(f, f.type == 'URLRewrite'))",
);

function httpFilters(backendLevel: boolean): Schema {
  // Upstream's per-backend filter type carries the redirect/rewrite marker twice, so its rendered list
  // repeats the rule; kept so the schema matches the bundle object for object.
  const exclusive = backendLevel ? [REDIRECT_XOR_REWRITE, REDIRECT_XOR_REWRITE] : [REDIRECT_XOR_REWRITE];
  const repeatable: readonly FilterType[] = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'];
  return filterList({ types: HTTP_FILTERS, listRules: [...exclusive, ...repeatable.map(notRepeated)] });
}

/** CEL: filter `f` rewrites the matched path prefix (`requestRedirect` or `urlRewrite`). */
function replacesPrefix(member: 'requestRedirect' | 'urlRewrite'): string {
  const m = `f.${member}`;
  return `has(${m}) && has(${m}.path) && ${m}.path.type == 'ReplacePrefixMatch' && has(${m}.path.replacePrefixMatch)`;
}

/** CEL: the rule has exactly one match, and it is a PathPrefix match. */
const ONE_PREFIX_MATCH =
  "((size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true)";

/** Rule-level checks: prefix replacement needs a single prefix match to know what to replace. */
function ruleRules(): Rule[] {
  const suffix = 'filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified';
  const onRule = (filter: string, member: 'requestRedirect' | 'urlRewrite') =>
    rule(
      `When using ${filter} ${suffix}`,
      `(has(self.filters) && self.filters.exists_one(f, ${replacesPrefix(member)})) ? ${ONE_PREFIX_MATCH} : true`,
    );
  const onBackends = (lead: string, filter: string, member: 'requestRedirect' | 'urlRewrite') =>
    rule(
      `Within backendRefs, ${lead} ${filter} ${suffix}`,
      `(has(self.backendRefs) && self.backendRefs.exists_one(b, (has(b.filters) && b.filters.exists_one(f, ${replacesPrefix(member)})) )) ? ${ONE_PREFIX_MATCH} : true`,
    );
  return [
    // A redirect answers the request itself, so there is nothing to forward to.
    rule(
      'RequestRedirect filter must not be used together with backendRefs',
      '(has(self.backendRefs) && size(self.backendRefs) > 0) ? (!has(self.filters) || self.filters.all(f, !has(f.requestRedirect))): true',
    ),
    onRule('RequestRedirect', 'requestRedirect'),
    onRule('URLRewrite', 'urlRewrite'),
    // Upstream capitalizes the second message differently; messages are user-visible text, kept as is.
    onBackends('when using', 'RequestRedirect', 'requestRedirect'),
    onBackends('When using', 'URLRewrite', 'urlRewrite'),
  ];
}

function httpRouteRule(): Schema {
  return object(
    {
      backendRefs: backendRefs({ filters: httpFilters(true) }),
      filters: httpFilters(false),
      matches: httpRouteMatches(),
      sessionPersistence: sessionPersistence(),
      timeouts: httpRouteTimeouts(),
    },
    { rules: ruleRules() },
  );
}

function httpRouteSpec(): Schema {
  return object({
    hostnames: hostnames(),
    parentRefs: parentRefs(),
    rules: list(httpRouteRule(), { default: [{ matches: [{ path: DEFAULT_PATH_MATCH }] }], maxItems: 16 }),
  });
}

export function httpRouteCrd(): ICustomResourceDefinition {
  return routeCrd({
    kind: 'HTTPRoute',
    versions: [
      { name: 'v1', storage: true },
      { name: 'v1beta1', storage: false },
    ],
    spec: httpRouteSpec,
    specRequired: true,
    hostnamesColumn: true,
  });
}
