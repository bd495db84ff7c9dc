/** Which Gateway API route CRDs the values select (REFERENCE §2.2: a present enable* key wins). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkerdCrds } from '../../lib/crds/linkerd-crds.js';
import { gatewayRouteSelection, type CrdsValues } from '../../lib/crds/values.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

function gatewayKinds(values: CrdsValues): string[] {
  return linkerdCrds(values).filter((c) => c.spec.group === GATEWAY_GROUP).map((c) => c.spec.names.kind);
}

describe('gatewayRouteSelection', () => {
  it('inherits installGatewayAPI when no enable* key is set', () => {
    assert.deepEqual(gatewayRouteSelection({ installGatewayAPI: false }), {
      httpRoutes: false, grpcRoutes: false, tlsRoutes: false, tcpRoutes: false,
    });
    assert.deepEqual(gatewayRouteSelection({ installGatewayAPI: true }), {
      httpRoutes: true, grpcRoutes: true, tlsRoutes: true, tcpRoutes: true,
    });
  });

  it('lets a present key override installGatewayAPI either way', () => {
    assert.deepEqual(gatewayRouteSelection({ installGatewayAPI: true, enableTlsRoutes: false }), {
      httpRoutes: true, grpcRoutes: true, tlsRoutes: false, tcpRoutes: true,
    });
    assert.deepEqual(gatewayRouteSelection({ installGatewayAPI: false, enableTcpRoutes: true }), {
      httpRoutes: false, grpcRoutes: false, tlsRoutes: false, tcpRoutes: true,
    });
  });

  it('gates HTTPRoute and GRPCRoute together with enableHttpRoutes', () => {
    const s = gatewayRouteSelection({ installGatewayAPI: false, enableHttpRoutes: true });
    assert.equal(s.httpRoutes, true);
    assert.equal(s.grpcRoutes, true);
  });
});

describe('linkerdCrds', () => {
  it('renders the 10 Linkerd CRDs by default, ExternalWorkload last', () => {
    const crds = linkerdCrds({ installGatewayAPI: false });
    assert.equal(crds.length, 10);
    assert.equal(crds.at(-1)?.metadata?.name, 'externalworkloads.workload.linkerd.io');
    assert.deepEqual(gatewayKinds({ installGatewayAPI: false }), []);
  });

  it('places the selected Gateway API CRDs between ServiceProfile and ExternalWorkload', () => {
    const names = linkerdCrds({ installGatewayAPI: true }).map((c) => c.metadata?.name);
    assert.deepEqual(names.slice(8), [
      'serviceprofiles.linkerd.io',
      `httproutes.${GATEWAY_GROUP}`,
      `grpcroutes.${GATEWAY_GROUP}`,
      `tlsroutes.${GATEWAY_GROUP}`,
      `tcproutes.${GATEWAY_GROUP}`,
      'externalworkloads.workload.linkerd.io',
    ]);
  });

  it('honours each enable* key on its own', () => {
    assert.deepEqual(gatewayKinds({ installGatewayAPI: false, enableHttpRoutes: true }), ['HTTPRoute', 'GRPCRoute']);
    assert.deepEqual(gatewayKinds({ installGatewayAPI: false, enableTlsRoutes: true }), ['TLSRoute']);
    assert.deepEqual(gatewayKinds({ installGatewayAPI: true, enableHttpRoutes: false }), ['TLSRoute', 'TCPRoute']);
    assert.deepEqual(gatewayKinds({ installGatewayAPI: true, enableTcpRoutes: false, enableTlsRoutes: false }), ['HTTPRoute', 'GRPCRoute']);
  });

  it('marks exactly one storage version per CRD', () => {
    for (const crd of linkerdCrds({ installGatewayAPI: true })) {
      assert.equal(crd.spec.versions.filter((v) => v.storage).length, 1, crd.metadata?.name);
    }
  });
});
