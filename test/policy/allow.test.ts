// allow(from, to): stable names, AND-ed identity + network clients, route-level authorization, and
// refusals named by the allow's construct path and the `from` index the user wrote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import { chartObjects } from '../../constructs/kube-object.js';
import { NamespacePolicy } from '../../constructs/policy/index.js';
import { allowName, allowObjects, ALL_NETWORKS } from '../../lib/policy/index.js';
import { validatePolicyObjects } from './crd-sets.js';
import { issueAt, issuesOf } from './issues.js';

const setup = () => {
  const chart = new Chart(new App(), 'app');
  return { chart, policy: new NamespacePolicy(chart, 'policy', { namespace: 'shop' }) };
};
const domain = { controlPlaneNamespace: 'linkerd', trustDomain: 'cluster.local' };

test('route-level authorization: an AuthorizationPolicy targeting a Gateway API HTTPRoute or GRPCRoute', () => {
  const { chart, policy } = setup();
  policy.allow({ serviceAccount: 'admin' }, { kind: 'HTTPRoute', name: 'web-admin' }).allow({ namespace: 'ops' }, { kind: 'GRPCRoute', name: 'vote-rpc' });
  const objects = chartObjects(chart);
  const targets = objects.filter((o) => o.kind === 'AuthorizationPolicy').map((o) => [o.metadata?.name, (o.spec as { targetRef: unknown }).targetRef]);
  assert.deepEqual(targets, [
    ['web-admin-from-admin', { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'web-admin' }],
    ['vote-rpc-from-ns-ops', { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', name: 'vote-rpc' }],
  ]);
  assert.deepEqual(objects.find((o) => o.metadata?.name === 'vote-rpc-from-ns-ops' && o.kind === 'MeshTLSAuthentication')?.spec, {
    identities: ['*.ops.serviceaccount.identity.linkerd.cluster.local'],
  });
  assert.deepEqual(validatePolicyObjects(objects).problems, []);
});

test('identity and network clients in one allow are both required: one MeshTLS + one Network authentication', () => {
  const objects = allowObjects({
    namespace: 'shop',
    identityDomain: domain,
    to: { kind: 'Server', name: 'db' },
    from: [{ serviceAccount: 'api' }, { serviceAccount: 'worker', namespace: 'jobs' }, { networks: [{ cidr: '10.0.0.0/8' }] }],
  });
  assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata?.name}`), [
    'MeshTLSAuthentication/db-from-api-worker-jobs-networks',
    'NetworkAuthentication/db-from-api-worker-jobs-networks',
    'AuthorizationPolicy/db-from-api-worker-jobs-networks',
  ]);
  assert.deepEqual((objects[2].spec as { requiredAuthenticationRefs: unknown }).requiredAuthenticationRefs, [
    { group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'db-from-api-worker-jobs-networks' },
    { group: 'policy.linkerd.io', kind: 'NetworkAuthentication', name: 'db-from-api-worker-jobs-networks' },
  ]);
  assert.deepEqual(objects[0].spec, {
    identities: ['api.shop.serviceaccount.identity.linkerd.cluster.local', 'worker.jobs.serviceaccount.identity.linkerd.cluster.local'],
  });
});

test('{ unauthenticated: true } is the explicit spelling of an empty authentication list, and must stand alone', () => {
  const [policy] = allowObjects({ namespace: 'shop', identityDomain: domain, to: { kind: 'Server', name: 'public' }, from: [{ unauthenticated: true }] });
  assert.deepEqual(policy.spec, { targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'public' }, requiredAuthenticationRefs: [] });
  assert.equal(policy.metadata?.name, 'public-from-anyone');
  const { policy: p } = setup();
  const issues = issuesOf(() => p.allow([{ unauthenticated: true }, { serviceAccount: 'web' }], { kind: 'Server', name: 'public' }));
  assert.match(issueAt(issues, 'app/policy/public-from-anyone-web.from').message, /must stand alone/);
});

test('bad clients are named by the allow construct and the from index; all problems come at once', () => {
  const { policy } = setup();
  const issues = issuesOf(() =>
    policy.allow([{ serviceAccount: 'Web' }, { networks: [] }, { networks: [{ cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] }] }, { identity: 'spiffe:/x' }], { kind: 'Service', name: 'web' } as never, {
      name: 'web-clients',
    }),
  );
  const at = 'app/policy/web-clients';
  assert.match(issueAt(issues, `${at}.from[0].serviceAccount`).message, /RFC 1123/);
  assert.match(issueAt(issues, `${at}.from[1].networks`).message, /at least one network/);
  assert.match(issueAt(issues, `${at}.from[2].networks[0].except[0]`).message, /inside 10.0.0.0\/8/);
  assert.match(issueAt(issues, `${at}.from[3].identity`).message, /SPIFFE ID/);
  assert.match(issueAt(issues, `${at}.to.kind`).message, /Linkerd rejects any other authorization target/);
  assert.equal(issues.length, 5);
  assert.match(issueAt(issuesOf(() => setup().policy.allow([], { kind: 'Server', name: 'x' })), 'app/policy/x-from-nobody.from').message, /at least one client/);
});

test('names are stable, readable and short; a clash is refused instead of overwriting', () => {
  assert.equal(allowName({ kind: 'Server', name: 'web-http' }, [{ serviceAccount: 'vote-bot' }], 'emojivoto'), 'web-http-from-vote-bot');
  assert.equal(allowName({ kind: 'Server', name: 'web' }, [{ identity: '*' }, { networks: ALL_NETWORKS }], 'shop'), 'web-from-any-identity-networks');
  const long = allowName({ kind: 'Server', name: 'a-rather-long-server-name' }, ['one', 'two', 'three', 'four', 'five'].map((s) => ({ serviceAccount: `service-${s}` })), 'shop');
  assert.equal(long.length, 63);
  assert.match(long, /^a-rather-long-server-name-from-service-one-service-two-[0-9a-f]{8}$/);
  const { policy } = setup();
  policy.allow({ serviceAccount: 'web' }, { kind: 'Server', name: 'api' });
  const issues = issuesOf(() => policy.allow({ serviceAccount: 'web' }, { kind: 'Server', name: 'api' }));
  assert.match(issueAt(issues, 'app/policy/api-from-web').message, /reuses the name of an object already written here/);
});

test('an inline Server given twice with the same spec is written once; a different spec under the same name is refused', () => {
  const { chart, policy } = setup();
  const api = { name: 'api', podSelector: { matchLabels: { app: 'api' } }, port: 8080 };
  policy.allow({ serviceAccount: 'a' }, api).allow({ serviceAccount: 'b' }, api);
  assert.equal(chartObjects(chart).filter((o) => o.kind === 'Server').length, 1);
  const issues = issuesOf(() => policy.allow({ serviceAccount: 'c' }, { ...api, port: 9090 }));
  assert.match(issueAt(issues, 'app/policy/api').message, /reuses the name/);
});

test('identityForm identityRefs writes references instead of identity strings', () => {
  const chart = new Chart(new App(), 'app');
  new NamespacePolicy(chart, 'policy', { namespace: 'shop', identityForm: 'identityRefs' }).allow([{ serviceAccount: 'web' }, { namespace: 'ops' }], { kind: 'Namespace' });
  const mtls = chartObjects(chart).find((o) => o.kind === 'MeshTLSAuthentication');
  assert.deepEqual(mtls?.spec, { identityRefs: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }, { kind: 'Namespace', name: 'ops' }] });
  assert.deepEqual(validatePolicyObjects(chartObjects(chart)).problems, []);
});

test('NamespacePolicy refuses a bad namespace, default policy or contradicting trust domain before writing anything', () => {
  const issues = issuesOf(
    () =>
      new NamespacePolicy(new Chart(new App(), 'app'), 'policy', {
        namespace: 'Shop',
        defaultInboundPolicy: 'allow' as never,
        mesh: { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference', trustDomain: 'a.example' },
        trustDomain: 'b.example',
      }),
  );
  assert.deepEqual(issues.map((i) => i.path), ['app/policy.namespace', 'app/policy.defaultInboundPolicy', 'app/policy.trustDomain']);
});
