/**
 * Ordering a real engine needs (issue #14 point 1), asserted by resource name under mocks: webhook
 * configurations and the tap APIService wait for the Service and Deployment behind them (so they
 * are also deleted first), the multicluster token Secret for its ServiceAccount, and the mesh reads
 * (`.get`) nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byName, reads, recorded, type Registration } from './recording-mocks.js';
import { dependencyOrder, objectDependencies } from '../../stacks/render/object-edges.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

const SERVICE = 'kubernetes:core/v1:Service';
const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';
const rs: Registration[] = await recorded(() => new LinkerdMesh('o', { ha: true, viz: true, multicluster: true }));

function assertWaitsFor(type: string, name: string, needs: readonly [string, string][]): void {
  const r = byName(rs, type, name);
  for (const [t, n] of needs) {
    byName(rs, t, n); // exists
    assert.ok(r.deps.includes(`${t}::${n}`), `${name} depends on ${t.split(':').pop()} ${n} (has ${r.deps.join(', ')})`);
  }
  // Registered after what it needs, as the engine creates it.
  const at = (t: string, n: string) => rs.findIndex((x) => x.type === t && x.name === n);
  for (const [t, n] of needs) assert.ok(at(t, n) < at(type, name), `${n} registers before ${name}`);
}

test('control-plane webhooks wait for their Service and the Deployment behind it', () => {
  assertWaitsFor('kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfiguration', 'o-linkerd-proxy-injector-webhook-config', [
    [SERVICE, 'o-linkerd-linkerd-proxy-injector'],
    [DEPLOYMENT, 'o-linkerd-linkerd-proxy-injector'],
  ]);
  for (const hook of ['sp-validator', 'policy-validator']) {
    assertWaitsFor('kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration', `o-linkerd-${hook}-webhook-config`, [
      [SERVICE, `o-linkerd-linkerd-${hook}`],
      [DEPLOYMENT, 'o-linkerd-linkerd-destination'],
    ]);
  }
});

test('viz: the tap APIService and the tap-injector webhook wait for their Service and Deployment', () => {
  assertWaitsFor('kubernetes:apiregistration.k8s.io/v1:APIService', 'o-v1alpha1.tap.linkerd.io', [
    [SERVICE, 'o-linkerd-viz-tap'],
    [DEPLOYMENT, 'o-linkerd-viz-tap'],
  ]);
  assertWaitsFor('kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfiguration', 'o-linkerd-tap-injector-webhook-config', [
    [SERVICE, 'o-linkerd-viz-tap-injector'],
    [DEPLOYMENT, 'o-linkerd-viz-tap-injector'],
  ]);
});

test('multicluster: the remote-access token Secret waits for its ServiceAccount', () => {
  assertWaitsFor('kubernetes:core/v1:Secret', 'o-linkerd-multicluster-linkerd-service-mirror-remote-access-default-token', [
    ['kubernetes:core/v1:ServiceAccount', 'o-linkerd-multicluster-linkerd-service-mirror-remote-access-default'],
  ]);
});

test('namespaced objects still wait for their phase\'s Namespace; unrelated objects get no extra edge', () => {
  const tap = byName(rs, DEPLOYMENT, 'o-linkerd-viz-tap');
  assert.ok(tap.deps.includes('kubernetes:core/v1:Namespace::o-linkerd-viz'));
  assert.ok(!tap.deps.some((d) => d.includes('WebhookConfiguration') || d.includes('APIService')));
});

test('the mesh reads nothing from the cluster (no .get of an object the same run creates)', () => {
  assert.deepEqual(reads, []);
});

test('objectDependencies: selector matching, references outside the list, dependency order', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hook', namespace: 'ns' }, spec: { selector: { app: 'hook' } } };
  const hookDeploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'ns' }, spec: { template: { metadata: { labels: { app: 'hook', x: '1' } } } } };
  const other = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'b', namespace: 'ns' }, spec: { template: { metadata: { labels: { app: 'other' } } } } };
  const elsewhere = { ...hookDeploy, metadata: { name: 'c', namespace: 'other-ns' } };
  const webhook = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: 'w' },
    webhooks: [{ clientConfig: { service: { name: 'hook', namespace: 'ns' } } }, { clientConfig: { service: { name: 'absent', namespace: 'ns' } } }],
  };
  const objects = [webhook, svc, hookDeploy, other, elsewhere];
  const deps = objectDependencies(objects);
  assert.deepEqual(deps[0], [1, 2], 'the Service and the selected Deployment only');
  assert.deepEqual(deps.slice(1), [[], [], [], []]);
  assert.deepEqual(dependencyOrder(deps), [1, 2, 0, 3, 4]);
  assert.throws(() => dependencyOrder([[1], [0]]), /cycle/);
});
