/**
 * `httproutes.policy.linkerd.io`: Linkerd's own copy of the Gateway API HTTPRoute, so route-level
 * policy works without the Gateway API CRDs installed. Four versions: v1beta2 tightened backendRefs
 * to Gateway API `BackendRef`s and ranged parent ports; v1beta3 (storage) added `timeouts`.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import {
  arr,
  backendObjectRef,
  backendWeight,
  column,
  crdVersion,
  customResourceDefinition,
  DEFAULT_PATH_MATCH,
  headerModifier,
  hostnames,
  httpRouteFilter,
  httpRouteMatches,
  int,
  obj,
  parentRef,
  requestRedirect,
  rootSchema,
  routeStatus,
  routeTimeouts,
  str,
  type Schema,
} from '../schema/index.js';
import { POLICY_GROUP } from './group.js';

/** The schema generations of this CRD; each version maps to one. */
type Generation = 'alpha' | 'beta2' | 'beta3';

/** Filters a backendRef may carry (a superset of the rule-level ones, for historical reasons). */
function backendFilters(): Schema {
  return arr(
    httpRouteFilter(
      { requestHeaderModifier: headerModifier(), requestRedirect: requestRedirect(), responseHeaderModifier: headerModifier() },
      ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect'],
    ),
    { maxItems: 16 },
  );
}

function backendRefs(gen: Generation): Schema {
  if (gen === 'alpha') {
    // The first versions had a loose, unvalidated backend reference with a `default` namespace.
    return arr(
      obj({ filters: backendFilters(), name: str(), namespace: str({ default: 'default' }), port: int() }),
    );
  }
  const ref = backendObjectRef();
  return arr(
    { ...ref, properties: { ...ref.properties, filters: backendFilters(), weight: backendWeight() } },
    { maxItems: 16 },
  );
}

function rule(gen: Generation): Schema {
  return obj({
    backendRefs: backendRefs(gen),
    filters: arr(
      httpRouteFilter({ requestHeaderModifier: headerModifier(), requestRedirect: requestRedirect() }, [
        'RequestHeaderModifier',
        'RequestRedirect',
      ]),
      { maxItems: 16 },
    ),
    matches: httpRouteMatches(),
    ...(gen === 'beta3' ? { timeouts: routeTimeouts() } : {}),
  });
}

function spec(gen: Generation): Schema {
  return obj({
    hostnames: hostnames(),
    parentRefs: arr(parentRef({ defaultGroup: POLICY_GROUP, rangedPort: gen !== 'alpha' }), { maxItems: 32 }),
    rules: arr(rule(gen), { default: [{ matches: [{ path: { ...DEFAULT_PATH_MATCH } }] }], maxItems: 16 }),
  });
}

function version(name: string, gen: Generation, storage = false) {
  return crdVersion({
    name,
    storage,
    statusSubresource: true,
    schema: rootSchema(spec(gen), { typeMeta: true, status: routeStatus(POLICY_GROUP) }),
    printerColumns: [column('Hostnames', '.spec.hostnames'), column('Age', '.metadata.creationTimestamp', 'date')],
  });
}

export function httpRouteCrd(): ICustomResourceDefinition {
  return customResourceDefinition({
    group: POLICY_GROUP,
    names: { kind: 'HTTPRoute', listKind: 'HTTPRouteList', plural: 'httproutes', singular: 'httproute' },
    versions: [
      version('v1alpha1', 'alpha'),
      version('v1beta1', 'alpha'),
      version('v1beta2', 'beta2'),
      version('v1beta3', 'beta3', true),
    ],
    emptyStatus: true,
  });
}
