import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GrpcRoute, type GrpcRouteProps } from '../../constructs/traffic/index.js';
import { assertOneIssue, chart, issuesOf, objectsOf } from './helpers.js';

const base: GrpcRouteProps = { namespace: 'emojivoto', parent: { name: 'emoji-svc', port: 8080 } };
const render = (props: Partial<GrpcRouteProps>) => {
  const c = chart('App');
  new GrpcRoute(c, 'emoji-route', { ...base, ...props });
  return objectsOf(c)[0];
};

test('emoji-svc: retries on unavailable up to 3 times, 300ms per try, 1s request timeout, as route annotations', () => {
  assert.deepEqual(render({ retry: { grpc: ['unavailable'], limit: 3, timeout: '300ms' }, timeouts: { request: '1s' } }), {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: {
      name: 'emoji-route',
      namespace: 'emojivoto',
      annotations: {
        'retry.linkerd.io/grpc': 'unavailable',
        'retry.linkerd.io/limit': '3',
        'retry.linkerd.io/timeout': '300ms',
        'timeout.linkerd.io/request': '1s',
      },
    },
    spec: { parentRefs: [{ group: 'core', kind: 'Service', name: 'emoji-svc', port: 8080 }], rules: [{}] },
  });
});

test('exact method matches, header matches, weighted backends and header edits render', () => {
  const route = render({
    rules: [
      {
        matches: [{ service: 'emojivoto.v1.EmojiService', method: 'ListAll' }, { headers: { 'x-canary': 'true' } }],
        backends: [{ name: 'emoji-svc', port: 8080, weight: 9 }, { name: 'emoji-svc-v2', port: 8080, weight: 1, requestHeaders: { set: { 'x-v': '2' } } }],
        responseHeaders: { remove: ['x-internal'] },
      },
    ],
  });
  assert.deepEqual((route.spec as { rules: unknown[] }).rules, [
    {
      matches: [
        { method: { type: 'Exact', service: 'emojivoto.v1.EmojiService', method: 'ListAll' } },
        { headers: [{ name: 'x-canary', type: 'Exact', value: 'true' }] },
      ],
      filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['x-internal'] } }],
      backendRefs: [
        { group: '', kind: 'Service', name: 'emoji-svc', port: 8080, weight: 9 },
        { group: '', kind: 'Service', name: 'emoji-svc-v2', port: 8080, weight: 1, filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-v', value: '2' }] } }] },
      ],
    },
  ]);
});

test('gRPC refusals: regex method match, HTTP retry conditions, bad names, weights', () => {
  assertOneIssue(() => render({ rules: [{ matches: [{ type: 'RegularExpression', service: 'a.*' } as never] }] }), 'App/emoji-route.rules[0].matches[0].type', /regular-expression gRPC method matches/);
  assertOneIssue(() => render({ retry: { http: ['5xx'] } }), 'App/emoji-route.retry.http', /ignores retry.linkerd.io\/http on a GRPCRoute/);
  assertOneIssue(() => render({ retry: { grpc: ['unavailable'], timeout: '1m30s' as never } }), 'App/emoji-route.retry.timeout', /write 90s/);
  const issues = issuesOf(() =>
    render({ rules: [{ matches: [{ service: 'emoji/svc', method: 'List-All' }, {}], backends: [{ name: 'emoji-svc', port: 8080, weight: -1 }] }] }),
  );
  assert.deepEqual(issues.map((i) => i.path), [
    'App/emoji-route.rules[0].matches[0].service',
    'App/emoji-route.rules[0].matches[0].method',
    'App/emoji-route.rules[0].matches[1]',
    'App/emoji-route.rules[0].backends[0].weight',
  ]);
  assertOneIssue(() => render({ rules: [{ timeout: '1s' } as never] }), 'App/emoji-route.rules[0].timeout', /not a known field/);
});
