/** TLSRoute and TCPRoute (`v1alpha2`, experimental): L4 routes that only forward to backends. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { backendRefs } from './backend-refs.js';
import { hostnames } from './fields.js';
import { parentRefs } from './parent-refs.js';
import { list, object, type Schema } from './primitives.js';
import { routeCrd } from './route-crd.js';

/** `spec` of a stream route; TLS routes also match on SNI hostnames. */
function streamRouteSpec(withHostnames: boolean): Schema {
  // A stream route without a backend would drop every connection, so both lists require an entry.
  const routeRule = object({ backendRefs: backendRefs({ minItems: 1 }) });
  return object(
    {
      ...(withHostnames ? { hostnames: hostnames() } : {}),
      parentRefs: parentRefs(),
      rules: list(routeRule, { maxItems: 16, minItems: 1 }),
    },
    { required: ['rules'] },
  );
}

function streamRouteCrd(kind: 'TLSRoute' | 'TCPRoute'): ICustomResourceDefinition {
  const withHostnames = kind === 'TLSRoute';
  return routeCrd({
    kind,
    versions: [{ name: 'v1alpha2', storage: true }],
    spec: () => streamRouteSpec(withHostnames),
    specRequired: true,
    // Upstream's TLSRoute has hostnames but no Hostnames printer column.
    hostnamesColumn: false,
  });
}

export function tlsRouteCrd(): ICustomResourceDefinition {
  return streamRouteCrd('TLSRoute');
}

export function tcpRouteCrd(): ICustomResourceDefinition {
  return streamRouteCrd('TCPRoute');
}
