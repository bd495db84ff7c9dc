// Rate limits and egress: rendered objects, and every refusal with its construct path and field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import { EgressNetwork, EgressPolicy, HttpLocalRateLimitPolicy, Server } from '../../constructs/policy/index.js';
import { egressPolicyObjects } from '../../lib/policy/index.js';
import { validatePolicyObjects } from './crd-sets.js';
import { issueAt, issuesOf } from './issues.js';

const chart = () => new Chart(new App(), 'app', { namespace: 'shop' });

test('rate limit: positive integers, identity and overrides within total, overrides name ServiceAccounts', () => {
  const issues = issuesOf(
    () =>
      new HttpLocalRateLimitPolicy(chart(), 'rl', {
        server: 'api',
        total: 10,
        identity: 20,
        overrides: [
          { requestsPerSecond: 0, clients: [{ serviceAccount: 'web' }] },
          { requestsPerSecond: 11, clients: [] },
          { requestsPerSecond: 1.5, clients: [{ identity: '*' } as never] },
        ],
      }),
  );
  assert.match(issueAt(issues, 'app/rl.identity').message, /must not exceed total.requestsPerSecond \(10\)/);
  assert.match(issueAt(issues, 'app/rl.overrides[0].requestsPerSecond').message, /positive integer.*Linkerd refuses 0/);
  assert.match(issueAt(issues, 'app/rl.overrides[1].requestsPerSecond').message, /must not exceed total/);
  assert.match(issueAt(issues, 'app/rl.overrides[1].clients').message, /at least one ServiceAccount/);
  assert.equal(issueAt(issues, 'app/rl.overrides[2].requestsPerSecond').value, 1.5);
  assert.match(issueAt(issues, 'app/rl.overrides[2].clients[0]').message, /ServiceAccount identities only/);
  assert.equal(issues.length, 6);
  for (const total of [-1, 0, 2 ** 32]) assert.equal(issueAt(issuesOf(() => new HttpLocalRateLimitPolicy(chart(), 'rl', { server: 'api', total })), 'app/rl.total').value, total);
  assert.match(issueAt(issuesOf(() => new HttpLocalRateLimitPolicy(chart(), 'rl', { server: 'api' })), 'app/rl').message, /sets no limit/);
});

test('rate limit on a Server construct renders its targetRef; the CRD schema accepts it', () => {
  const c = chart();
  const server = new Server(c, 'api', { podSelector: { matchLabels: { app: 'api' } }, port: 8080, accessPolicy: 'all-authenticated' });
  const limit = new HttpLocalRateLimitPolicy(c, 'api-limit', { server, identity: 5, overrides: [{ requestsPerSecond: 50, clients: [{ serviceAccount: 'batch', namespace: 'jobs' }] }] });
  assert.deepEqual(limit.apiObject.toJson().spec, {
    targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'api' },
    identity: { requestsPerSecond: 5 },
    overrides: [{ requestsPerSecond: 50, clientRefs: [{ kind: 'ServiceAccount', name: 'batch', namespace: 'jobs' }] }],
  });
  assert.deepEqual(validatePolicyObjects([server.apiObject.toJson(), limit.apiObject.toJson()]).problems, []);
});

test('egress in one call: HTTP and TCP routes too, with parentRefs to the EgressNetwork and its port', () => {
  const objects = egressPolicyObjects({
    namespace: 'shop',
    allow: [
      { hostnames: ['api.github.com', '*.githubusercontent.com'], port: 443 },
      { protocol: 'http', hostnames: ['example.com'], port: 80, paths: ['/v1/'] },
      { protocol: 'tcp', port: 5432, name: 'postgres' },
    ],
  });
  assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata?.name}`), ['EgressNetwork/egress', 'TLSRoute/tls-api.github.com-443', 'HTTPRoute/http-example.com-80', 'TCPRoute/postgres']);
  const parent = { group: 'policy.linkerd.io', kind: 'EgressNetwork', name: 'egress', namespace: 'shop' };
  const backendRefs = [{ group: 'policy.linkerd.io', kind: 'EgressNetwork', name: 'egress' }];
  assert.deepEqual(objects[2], {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'http-example.com-80', namespace: 'shop' },
    spec: { parentRefs: [{ ...parent, port: 80 }], hostnames: ['example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/v1/' } }], backendRefs }] },
  });
  assert.deepEqual(objects[3], {
    apiVersion: 'gateway.networking.k8s.io/v1alpha2',
    kind: 'TCPRoute',
    metadata: { name: 'postgres', namespace: 'shop' },
    spec: { parentRefs: [{ ...parent, port: 5432 }], rules: [{ backendRefs }] },
  });
  assert.deepEqual(validatePolicyObjects(objects).problems, []);
});

test('egress: refusals name the allow entry and field', () => {
  const issues = issuesOf(
    () =>
      new EgressPolicy(chart(), 'out', {
        trafficPolicy: 'Block' as never,
        networks: [],
        allow: [
          { port: 443 },
          { protocol: 'tcp', hostnames: ['db.example.com'], port: 5432 },
          { hostnames: ['https://api.github.com'], port: 0, paths: ['/x'] },
          { protocol: 'http', port: 80, paths: ['v1'] },
          { protocol: 'tls', hostnames: ['a.example.com'], port: 80, name: 'dup' },
          { protocol: 'tls', hostnames: ['b.example.com'], port: 8443, name: 'dup' },
          { protocol: 'udp' as never, port: 53 },
        ],
      }),
  );
  assert.match(issueAt(issues, 'app/out.trafficPolicy').message, /one of Allow, Deny/);
  assert.match(issueAt(issues, 'app/out.networks').message, /must not be empty/);
  assert.match(issueAt(issues, 'app/out.allow[0].hostnames').message, /at least one hostname for tls/);
  assert.match(issueAt(issues, 'app/out.allow[1].hostnames').message, /TCPRoute cannot match hostnames/);
  assert.match(issueAt(issues, 'app/out.allow[2].hostnames[0]').message, /no port, no scheme/);
  assert.match(issueAt(issues, 'app/out.allow[2].port').message, /between 1 and 65535/);
  assert.match(issueAt(issues, 'app/out.allow[2].paths').message, /only applies to protocol "http"/);
  assert.match(issueAt(issues, 'app/out.allow[3].paths[0]').message, /absolute path starting with '\/'/);
  assert.match(issueAt(issues, 'app/out.allow[5].name').message, /name of an earlier route/);
  assert.match(issueAt(issues, 'app/out.allow[6].protocol').message, /one of tls, http, tcp/);
  // Port 80 has an HTTP route (allow[3]) and a TLS route (allow[4]): Linkerd would keep only the HTTPRoute.
  assert.match(issueAt(issues, 'app/out.allow[4].protocol').message, /Linkerd accepts only the HTTPRoute there and marks the TLSRoute Conflicted/);
});

test('EgressNetwork alone: networks with exceptions; Allow keeps everything open', () => {
  const network = new EgressNetwork(chart(), 'internet', { trafficPolicy: 'Allow', networks: [{ cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] }] });
  assert.deepEqual(network.apiObject.toJson().spec, { networks: [{ cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] }], trafficPolicy: 'Allow' });
  assert.deepEqual(validatePolicyObjects([network.apiObject.toJson()]).problems, []);
  const issues = issuesOf(() => new EgressNetwork(chart(), 'bad', { trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['::/0'] }] }));
  assert.match(issueAt(issues, 'app/bad.networks[0].except[0]').message, /smaller block inside 0.0.0.0\/0/);
});

test('the schema check itself notices a wrong object (so the validations above can fail)', () => {
  const bad = { apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'EgressNetwork', metadata: { name: 'x', namespace: 'shop' }, spec: { trafficPolicy: 'Maybe' } };
  assert.notDeepEqual(validatePolicyObjects([bad]).problems, []);
  const typo = { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TLSRoute', metadata: { name: 'x', namespace: 'shop' }, spec: { hostname: ['a'], rules: [{ backendRefs: [{ name: 'x' }] }] } };
  assert.notDeepEqual(validatePolicyObjects([typo]).problems, []);
});

test('rate limit and egress: names, namespaces and list sizes', () => {
  const limit = issuesOf(() => new HttpLocalRateLimitPolicy(chart(), 'rl', { server: 'API', overrides: [{ requestsPerSecond: 5, clients: [{ serviceAccount: 'web', namespace: 'Jobs' }] }] }));
  assert.deepEqual(limit.map((i) => i.path), ['app/rl.server', 'app/rl.overrides[0].clients[0].namespace']);
  const hostnames = Array.from({ length: 17 }, (_, i) => `h${i}.example.com`);
  const egress = issuesOf(() => new EgressPolicy(chart(), 'out', { name: 'Egress', allow: [{ hostnames, port: 443, name: 'Too-Many' }] }));
  assert.deepEqual(egress.map((i) => i.path).sort(), ['app/out.allow[0].hostnames', 'app/out.allow[0].name', 'app/out.name']);
});
