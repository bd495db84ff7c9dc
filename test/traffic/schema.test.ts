/**
 * Every object the traffic constructs emit validates: built-in kinds against the Kubernetes 1.33
 * schema, routes against the CRDs meshform's CRD phase renders and against upstream's golden render.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultInjection, GrpcRoute, HttpRoute, blueGreen } from '../../constructs/traffic/index.js';
import type { KubeObject } from '../../lib/manifest.js';
import { buildTraffic } from './fixture.js';
import { assertValid, chart, goldenCrds, goldenSkip, objectsOf } from './helpers.js';
import { validateRender } from '../helpers/validate-all.js';
import { allKnownCrds, linkerdCrds } from '../../lib/crds/linkerd-crds.js';
import { GATEWAY_ROUTE_CRD_VALUES, ROUTE_KINDS } from '../../lib/traffic/route-crds.js';

function everything(): KubeObject[] {
  const c = chart('App');
  buildTraffic(c);
  const faults = new FaultInjection(c, 'shop-fault', { namespace: 'shop', status: 500, port: 8080, replicas: 2, podAnnotations: { 'linkerd.io/inject': 'enabled' } });
  const colours = { blue: { name: 'cart-blue', port: 8080 }, green: { name: 'cart-green', port: 8080 } };
  for (const api of ['gateway', 'linkerd'] as const) {
    new HttpRoute(c, `shop-${api}`, {
      namespace: 'shop',
      parent: { name: 'shop', port: 8080 },
      api,
      hostnames: ['shop.example.com', '*.shop.example.com'],
      retry: { http: ['5xx', { from: 429, to: 429 }], limit: 2, timeout: '250ms' },
      timeouts: { response: '5s', idle: '1m' },
      rules: [
        { matches: [{ path: { exact: '/old' } }], redirect: { scheme: 'https', hostname: 'shop.example.com', port: 443, path: { fullPath: '/new' }, statusCode: 301 } },
        { matches: [{ path: { prefix: '/legacy' } }], redirect: { path: { prefix: '/v2' } } },
        {
          matches: [{ path: { regex: '^/cart/[0-9]+$' }, method: 'POST', headers: { 'x-user': { regex: '^test-.*' } }, queryParams: { debug: '1' } }],
          backends: blueGreen('green', colours),
          requestHeaders: { set: { 'x-route': 'cart' }, add: { 'x-trace': 'on' }, remove: ['x-debug'] },
          timeout: '10s',
        },
        { matches: [{ path: { prefix: '/checkout' } }], backends: [{ name: 'checkout', port: 80, weight: 3, requestHeaders: { set: { a: 'b' } } }], fault: faults.share(12.5) },
      ],
    });
  }
  new GrpcRoute(c, 'grpc', {
    namespace: 'shop',
    parent: { name: 'pricing' },
    retry: { grpc: ['unavailable', 'deadline-exceeded'], limit: 5 },
    rules: [{ matches: [{ service: 'shop.v1.Pricing', method: 'Quote', headers: { 'x-tier': 'gold' } }], backends: [{ name: 'pricing', port: 9090, weight: 1, responseHeaders: { set: { 'x-p': '1' } } }] }, {}],
  });
  return objectsOf(c);
}

test("every emitted object validates (Kubernetes schema; routes against meshform's CRD render)", () => {
  const objects = everything();
  const byCrd = assertValid(objects, allKnownCrds());
  assert.deepEqual(byCrd, [
    'gateway.networking.k8s.io/v1/HTTPRoute/emojivoto/web-route',
    'gateway.networking.k8s.io/v1/GRPCRoute/emojivoto/emoji-route',
    'gateway.networking.k8s.io/v1/HTTPRoute/shop/shop-gateway',
    'policy.linkerd.io/v1beta3/HTTPRoute/shop/shop-linkerd',
    'gateway.networking.k8s.io/v1/GRPCRoute/shop/grpc',
  ]);
});

test("every emitted route validates against upstream's golden CRDs too", { skip: goldenSkip }, () => {
  assertValid(everything(), goldenCrds());
});

test('the validator catches a broken route (the checks above can fail)', () => {
  const route = everything().find((o) => o.kind === 'HTTPRoute') as KubeObject & { spec: { parentRefs: Record<string, unknown>[] } };
  const broken = { ...route, spec: { ...route.spec, parentRefs: [{ ...route.spec.parentRefs[0], port: 'http', sectoin: 'x' }] } };
  assert.notDeepEqual(validateRender([broken as never], allKnownCrds()).problems, []);
});

test('GATEWAY_ROUTE_CRD_VALUES adds exactly the HTTPRoute and GRPCRoute CRDs to the CRD phase', () => {
  const names = (values: Parameters<typeof linkerdCrds>[0]) => linkerdCrds(values).map((c) => c.metadata?.name).filter((n) => n?.endsWith('gateway.networking.k8s.io'));
  assert.deepEqual(names({ installGatewayAPI: false }), []);
  assert.deepEqual(names({ installGatewayAPI: false, ...GATEWAY_ROUTE_CRD_VALUES }), ['httproutes.gateway.networking.k8s.io', 'grpcroutes.gateway.networking.k8s.io']);
  const served = (name: string) => linkerdCrds({ installGatewayAPI: true }).find((c) => c.metadata?.name === name)?.spec.versions.filter((v) => v.storage).map((v) => v.name);
  assert.deepEqual([served('httproutes.gateway.networking.k8s.io'), served('grpcroutes.gateway.networking.k8s.io'), served('httproutes.policy.linkerd.io')], [['v1'], ['v1'], ['v1beta3']]);
  assert.deepEqual([ROUTE_KINDS.gatewayHttpRoute.apiVersion, ROUTE_KINDS.linkerdHttpRoute.apiVersion], ['gateway.networking.k8s.io/v1', 'policy.linkerd.io/v1beta3']);
});
