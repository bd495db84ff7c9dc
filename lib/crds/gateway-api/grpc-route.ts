/** GRPCRoute (`gateway.networking.k8s.io/v1`; v1alpha2 still served, deprecated). */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { backendRefs } from './backend-refs.js';
import { hostnames } from './fields.js';
import { filterList, notRepeated, type FilterType } from './filters.js';
import { grpcRouteMatches } from './grpc-match.js';
import { parentRefs } from './parent-refs.js';
import { list, object, type Schema } from './primitives.js';
import { routeCrd } from './route-crd.js';
import { sessionPersistence } from './session-persistence.js';

/** gRPC supports header edits, mirroring and extensions; no redirects or rewrites. */
function grpcFilters(): Schema {
  return filterList({
    types: ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'ExtensionRef'],
    // Upstream's enum marker lists the response modifier first.
    enumOrder: ['ResponseHeaderModifier', 'RequestHeaderModifier', 'RequestMirror', 'ExtensionRef'],
    listRules: (['RequestHeaderModifier', 'ResponseHeaderModifier'] as const satisfies readonly FilterType[]).map(notRepeated),
  });
}

function grpcRouteSpec(): Schema {
  const routeRule = object({
    backendRefs: backendRefs({ filters: grpcFilters() }),
    filters: grpcFilters(),
    matches: grpcRouteMatches(),
    sessionPersistence: sessionPersistence(),
  });
  return object({ hostnames: hostnames(), parentRefs: parentRefs(), rules: list(routeRule, { maxItems: 16 }) });
}

export function grpcRouteCrd(): ICustomResourceDefinition {
  return routeCrd({
    kind: 'GRPCRoute',
    versions: [
      { name: 'v1', storage: true },
      {
        name: 'v1alpha2',
        storage: false,
        deprecationWarning:
          'The v1alpha2 version of GRPCRoute has been deprecated and will be removed in a future release of the API. Please upgrade to v1.',
      },
    ],
    spec: grpcRouteSpec,
    specRequired: false,
    hostnamesColumn: true,
  });
}
