// Route-level authorization: an inbound HTTPRoute on a Server, targeted by an AuthorizationPolicy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import { chartObjects } from '../../constructs/kube-object.js';
import { NamespacePolicy, ServerRoute } from '../../constructs/policy/index.js';
import { validatePolicyObjects } from './crd-sets.js';
import { issueAt, issuesOf } from './issues.js';

test('serverRoute + allow: only POST /api/vote on web-http is authorized for vote-bot', () => {
  const chart = new Chart(new App(), 'app');
  const policy = new NamespacePolicy(chart, 'policy', { namespace: 'emojivoto' });
  const server = policy.server({ name: 'web-http', podSelector: { matchLabels: { app: 'web' } }, port: 'http', proxyProtocol: 'HTTP/1' });
  const vote = policy.serverRoute({ name: 'web-vote', server, matches: [{ path: { prefix: '/api/vote' }, method: 'POST' }] });
  policy.allow({ serviceAccount: 'vote-bot' }, vote);
  const objects = chartObjects(chart);
  assert.deepEqual(objects.find((o) => o.kind === 'HTTPRoute'), {
    apiVersion: 'policy.linkerd.io/v1beta3',
    kind: 'HTTPRoute',
    metadata: { name: 'web-vote', namespace: 'emojivoto' },
    spec: {
      parentRefs: [{ group: 'policy.linkerd.io', kind: 'Server', name: 'web-http' }],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api/vote' }, method: 'POST' }] }],
    },
  });
  const authz = objects.find((o) => o.kind === 'AuthorizationPolicy');
  assert.equal(authz?.metadata?.name, 'web-vote-from-vote-bot');
  assert.deepEqual((authz?.spec as { targetRef: unknown }).targetRef, { group: 'policy.linkerd.io', kind: 'HTTPRoute', name: 'web-vote' });
  assert.deepEqual(validatePolicyObjects(objects).problems, []);
});

test('the Gateway API kind on request; match-all when no match is given; bad matches named by index', () => {
  const chart = new Chart(new App(), 'app', { namespace: 'shop' });
  const route = new ServerRoute(chart, 'all', { server: 'api', group: 'gateway.networking.k8s.io' });
  assert.equal(route.apiObject.toJson().apiVersion, 'gateway.networking.k8s.io/v1');
  assert.deepEqual(route.apiObject.toJson().spec.rules, [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
  assert.deepEqual(route.authorizationTarget, { kind: 'HTTPRoute', name: 'all', group: 'gateway.networking.k8s.io' });
  assert.deepEqual(validatePolicyObjects([route.apiObject.toJson()]).problems, []);
  const issues = issuesOf(() => new ServerRoute(chart, 'bad', { server: 'Api', matches: [{ path: { prefix: 'api' } }, { method: 'FETCH' as never }] }));
  assert.match(issueAt(issues, 'app/bad.server').message, /RFC 1123/);
  assert.match(issueAt(issues, 'app/bad.matches[0].path.prefix').message, /absolute path/);
  assert.match(issueAt(issues, 'app/bad.matches[1].method').message, /one of GET/);
});

test('allowProbes: a GET route on the probe paths, authorized from every network (no identity needed)', () => {
  const chart = new Chart(new App(), 'app');
  const policy = new NamespacePolicy(chart, 'policy', { namespace: 'shop' });
  const server = policy.server({ name: 'api', podSelector: { matchLabels: { app: 'api' } }, port: 8080, proxyProtocol: 'HTTP/1' });
  policy.allowProbes(server, ['/healthz', '/readyz']);
  const objects = chartObjects(chart);
  const route = objects.find((o) => o.kind === 'HTTPRoute');
  assert.equal(route?.metadata?.name, 'api-probes');
  assert.deepEqual((route?.spec as { rules: unknown }).rules, [
    { matches: [{ path: { type: 'Exact', value: '/healthz' }, method: 'GET' }, { path: { type: 'Exact', value: '/readyz' }, method: 'GET' }] },
  ]);
  assert.deepEqual(objects.find((o) => o.kind === 'NetworkAuthentication')?.spec, { networks: [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }] });
  const authz = objects.find((o) => o.kind === 'AuthorizationPolicy');
  assert.deepEqual(authz?.spec, {
    targetRef: { group: 'policy.linkerd.io', kind: 'HTTPRoute', name: 'api-probes' },
    requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'NetworkAuthentication', name: 'api-probes-from-networks' }],
  });
  assert.deepEqual(validatePolicyObjects(objects).problems, []);
});
