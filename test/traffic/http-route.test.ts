import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blueGreen, HttpRoute, type HttpRouteProps } from '../../constructs/traffic/index.js';
import { buildHttpRoute } from '../../lib/traffic/http-route.js';
import { buildTraffic } from './fixture.js';
import { assertOneIssue, chart, issuesOf, objectsOf } from './helpers.js';

const prefix = (value: string) => ({ type: 'PathPrefix', value });
const backend = (name: string, port: number, weight?: number) => ({ group: '', kind: 'Service', name, port, ...(weight !== undefined ? { weight } : {}) });

test('the web-svc canary: header on every path (overlap rendered first), exact fault share, 90/10 split', () => {
  const c = chart('App');
  buildTraffic(c);
  const route = objectsOf(c).find((o) => o.kind === 'HTTPRoute');
  assert.deepEqual(route, {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web-route', namespace: 'emojivoto' },
    spec: {
      parentRefs: [{ group: 'core', kind: 'Service', name: 'web-svc', namespace: 'emojivoto', port: 80 }],
      rules: [
        {
          matches: [
            { path: prefix('/'), headers: [{ name: 'x-canary', type: 'Exact', value: 'true' }] },
            // Without this match, /api/vote requests with the header would go to the longer prefix.
            { path: prefix('/api/vote'), headers: [{ name: 'x-canary', type: 'Exact', value: 'true' }] },
          ],
          backendRefs: [{ group: '', kind: 'Service', name: 'web-svc-v2', namespace: 'emojivoto', port: 80 }],
        },
        {
          matches: [{ path: prefix('/api/vote') }],
          backendRefs: [
            { group: '', kind: 'Service', name: 'web-svc', namespace: 'emojivoto', port: 80, weight: 855 },
            { group: '', kind: 'Service', name: 'web-svc-v2', namespace: 'emojivoto', port: 80, weight: 95 },
            { group: '', kind: 'Service', name: 'web-fault', namespace: 'emojivoto', port: 80, weight: 50 },
          ],
        },
        {
          matches: [{ path: prefix('/') }],
          backendRefs: [
            { group: '', kind: 'Service', name: 'web-svc', namespace: 'emojivoto', port: 80, weight: 90 },
            { group: '', kind: 'Service', name: 'web-svc-v2', namespace: 'emojivoto', port: 80, weight: 10 },
          ],
        },
      ],
    },
  });
});

test('the same props render byte-identical objects', () => {
  const render = () => JSON.stringify(objectsOf((() => { const c = chart('App'); buildTraffic(c); return c; })()));
  assert.equal(render(), render());
});

test('blue/green is a one-word switch; filters, redirect, timeout and route retries render', () => {
  const route = (active: 'blue' | 'green') =>
    buildHttpRoute(
      {
        name: 'r',
        namespace: 'shop',
        parent: { name: 'shop' },
        hostnames: ['shop.example.com'],
        retry: { http: ['5xx'], limit: 2 },
        rules: [
          { matches: [{ path: { exact: '/old' } }], redirect: { path: { fullPath: '/new' }, statusCode: 301 } },
          {
            matches: [{ path: { prefix: '/cart' }, method: 'POST', queryParams: { v: { regex: '^[0-9]+$' } } }],
            backends: blueGreen(active, { blue: { name: 'cart-blue', port: 8080 }, green: { name: 'cart-green', port: 8080 } }),
            requestHeaders: { set: { 'x-route': 'cart' }, remove: ['x-debug'] },
            responseHeaders: { add: { 'x-served-by': 'mesh' } },
            timeout: '5s',
          },
        ],
      },
      'r',
    ) as unknown as { metadata: unknown; spec: { rules: Record<string, unknown>[] } };
  const blue = route('blue');
  assert.deepEqual(blue.metadata, { name: 'r', namespace: 'shop', annotations: { 'retry.linkerd.io/http': '5xx', 'retry.linkerd.io/limit': '2' } });
  assert.deepEqual(blue.spec.rules[0], {
    matches: [{ path: { type: 'Exact', value: '/old' } }],
    filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 } }],
  });
  assert.deepEqual(blue.spec.rules[1], {
    matches: [{ path: prefix('/cart'), queryParams: [{ name: 'v', type: 'RegularExpression', value: '^[0-9]+$' }], method: 'POST' }],
    filters: [
      { type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['x-debug'], set: [{ name: 'x-route', value: 'cart' }] } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-served-by', value: 'mesh' }] } },
    ],
    backendRefs: [backend('cart-blue', 8080, 1), backend('cart-green', 8080, 0)],
    timeouts: { request: '5s' },
  });
  const green = route('green');
  assert.deepEqual((green.spec.rules[1].backendRefs as { weight: number }[]).map((b) => b.weight), [0, 1]);
});

test("api 'linkerd' renders policy.linkerd.io/v1beta3 and refuses what that kind cannot do", () => {
  const spec = { name: 'r', parent: { name: 'web-svc', port: 80 }, api: 'linkerd' as const, rules: [{ backends: [{ name: 'web-svc', port: 80, weight: 1 }] }] };
  const route = buildHttpRoute(spec, 'r');
  assert.equal(route.apiVersion, 'policy.linkerd.io/v1beta3');
  assert.deepEqual((route.spec as { parentRefs: unknown }).parentRefs, [{ group: 'core', kind: 'Service', name: 'web-svc', port: 80 }]);
  const issues = issuesOf(() =>
    buildHttpRoute({ ...spec, rules: [{ responseHeaders: { set: { a: 'b' } }, backends: [{ name: 'web-svc', port: 80, responseHeaders: { set: { a: 'b' } } }] }] }, 'r'),
  );
  assert.deepEqual(issues.map((i) => i.path), ['r.rules[0].backends[0].responseHeaders', 'r.rules[0].responseHeaders']);
});

const base: HttpRouteProps = { parent: { name: 'web-svc', port: 80 }, rules: [{ backends: [{ name: 'web-svc', port: 80 }] }] };
const build = (props: Partial<HttpRouteProps>) => () => new HttpRoute(chart('App'), 'web-route', { ...base, ...props });

test('a weight of -1, all-zero weights, a 1m30s timeout: one clear issue each, under construct path + field', () => {
  assertOneIssue(
    build({ rules: [{ backends: [{ name: 'web-svc', port: 80, weight: 90 }, { name: 'web-svc-v2', port: 80, weight: -1 }] }] }),
    'App/web-route.rules[0].backends[1].weight',
    /integer from 0 to 1000000/,
  );
  assertOneIssue(
    build({ rules: [{ backends: [{ name: 'web-svc', port: 80, weight: 0 }, { name: 'web-svc-v2', port: 80, weight: 0 }] }] }),
    'App/web-route.rules[0].backends',
    /all zero/,
  );
  assertOneIssue(build({ rules: [{ timeout: '1m30s' as never }] }), 'App/web-route.rules[0].timeout', /silently ignores.*write 90s/);
  assertOneIssue(build({ timeouts: { request: '1m30s' as never } }), 'App/web-route.timeouts.request', /write 90s/);
});

test('unsupported Gateway API features are refused by name', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ urlRewrite: { path: '/x' } }, 'App/web-route.rules[0].urlRewrite', /URLRewrite is not implemented by Linkerd/],
    [{ requestMirror: { name: 'm' } }, 'App/web-route.rules[0].requestMirror', /RequestMirror is not implemented/],
    [{ filters: [{ type: 'ExtensionRef' }] }, 'App/web-route.rules[0].filters', /raw filters are not accepted/],
    [{ timeouts: { backendRequest: '1s' } }, 'App/web-route.rules[0].timeouts', /backendRequest is ignored/],
    [{ sessionPersistence: {} }, 'App/web-route.rules[0].sessionPersistence', /ignored by Linkerd/],
  ];
  for (const [extra, path, message] of cases) assertOneIssue(build({ rules: [{ ...extra } as never] }), path, message);
});

test('rule-order problems: an unreachable rule, an uncomputable overlap', () => {
  assertOneIssue(
    build({ rules: [{ backends: [{ name: 'a', port: 80 }] }, { matches: [{ path: { prefix: '/api' } }], backends: [{ name: 'b', port: 80 }] }] }),
    'App/web-route.rules[1].matches[0]',
    /never reached: App\/web-route.rules\[0\] matches every such request first/,
  );
  assertOneIssue(
    build({ rules: [{ matches: [{ path: { regex: '^/a.*' } }] }, { matches: [{ path: { prefix: '/api' } }] }] }),
    'App/web-route.rules[1].matches[0]',
    /cannot tell how it overlaps/,
  );
  // Gateway API precedence as written: no error, nothing added.
  const c = chart('App');
  new HttpRoute(c, 'r', { ...base, matchOrder: 'specificity', rules: [{}, { matches: [{ path: { prefix: '/api' } }] }] });
  assert.deepEqual((objectsOf(c)[0].spec as { rules: unknown[] }).rules, [{ matches: [{ path: prefix('/') }] }, { matches: [{ path: prefix('/api') }] }]);
});

test('matches, parents, backends, filters and redirects are checked field by field, all at once', () => {
  const issues = issuesOf(
    build({
      name: 'Web_Route',
      parent: { name: 'web.svc', port: 0 },
      hostnames: ['*.Example.com'],
      rules: [
        {
          matches: [{ path: { prefix: 'api' } }, { path: { regex: '(?=x)' } }, { headers: { 'bad header': 'v' } }, { method: 'FETCH' as never }],
          backends: [{ name: 'web-svc', port: 70000 }],
          redirect: { scheme: 'ftp' as never },
        },
      ],
    }),
  );
  assert.deepEqual(issues.map((i) => i.path), [
    'App/web-route.name',
    'App/web-route.parent.name',
    'App/web-route.parent.port',
    'App/web-route.hostnames[0]',
    'App/web-route.rules[0].matches[0].path.prefix',
    'App/web-route.rules[0].matches[1].path.regex',
    'App/web-route.rules[0].matches[2].headers.bad header',
    'App/web-route.rules[0].matches[3].method',
    'App/web-route.rules[0].redirect.scheme',
    'App/web-route.rules[0].redirect',
    'App/web-route.rules[0].backends[0].port',
  ]);
  assert.match(issues[5].message, /look-around/);
  assert.match(issues[9].message, /cannot also have backends/);
});

test('a rule timeout next to a route request-timeout annotation is refused (the annotation would win)', () => {
  assertOneIssue(build({ timeouts: { request: '2s' }, rules: [{ timeout: '1s' }] }), 'App/web-route.rules[0].timeout', /wins over a rule timeout/);
});

test('serviceRef reads the name and namespace of a cdk8s-plus Service or an ApiObject', async () => {
  const kplus = await import('cdk8s-plus-27');
  const { ApiObject } = await import('cdk8s');
  const { serviceRef } = await import('../../constructs/traffic/index.js');
  const c = chart('App');
  const web = new kplus.Service(c, 'web-svc-service', { metadata: { name: 'web-svc', namespace: 'emojivoto' }, ports: [{ port: 80 }] });
  const raw = new ApiObject(c, 'raw', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'raw-svc' } });
  assert.deepEqual(serviceRef(web, 80), { name: 'web-svc', namespace: 'emojivoto', port: 80 });
  assert.deepEqual(serviceRef(web), { name: 'web-svc', namespace: 'emojivoto' });
  assert.deepEqual(serviceRef(raw, 8080), { name: 'raw-svc', port: 8080 });
  assert.deepEqual(serviceRef('other', 9090), { name: 'other', port: 9090 });
});
