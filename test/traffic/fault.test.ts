import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultInjection, HttpRoute } from '../../constructs/traffic/index.js';
import { faultSplitWeights } from '../../lib/traffic/backends.js';
import { buildFaultBackend, faultNginxConfig, FAULT_BACKEND_IMAGE } from '../../lib/traffic/fault-backend.js';
import { assertOneIssue, assertValid, chart, objectsOf } from './helpers.js';

/** Each weight's share of the total, as an exact fraction n/d compared by cross-multiplying. */
const shareIs = (weights: readonly number[], i: number, numerator: number, denominator: number) =>
  weights[i] * denominator === numerator * weights.reduce((s, w) => s + w, 0);

test('fault split weights are exact: 90/10 with 5 % faults → 855/95/50', () => {
  assert.deepEqual(faultSplitWeights([90, 10], 5), { backends: [855, 95], fault: 50 });
  const w = [855, 95, 50];
  assert.ok(shareIs(w, 0, 95 * 90, 100 * 100) && shareIs(w, 1, 95 * 10, 100 * 100) && shareIs(w, 2, 5, 100));
  assert.deepEqual(faultSplitWeights([1], 5), { backends: [95], fault: 5 });
  assert.deepEqual(faultSplitWeights([1, 1], 10), { backends: [45, 45], fault: 10 });
  assert.deepEqual(faultSplitWeights([1], 100), { backends: [0], fault: 10 });
  // Thirds cannot sum to a power of ten: the reduced exact weights are kept.
  const thirds = faultSplitWeights([1, 1, 1], 1);
  assert.deepEqual(thirds, { backends: [33, 33, 33], fault: 1 });
  const odd = faultSplitWeights([2, 1], 2.5);
  assert.ok(odd);
  const all = [...odd.backends, odd.fault];
  assert.ok(shareIs(all, 0, 975 * 2, 1000 * 3) && shareIs(all, 2, 25, 1000));
  assert.equal(faultSplitWeights([999_983, 1], 0.0001), undefined);
});

test('the fault backend: NGINX answering every request with the status, pinned and locked down', () => {
  const built = buildFaultBackend({ name: 'web-fault', namespace: 'emojivoto', status: 503 }, 'f');
  assert.equal((built.configMap.data as Record<string, string>)['default.conf'], faultNginxConfig(503));
  assert.match(faultNginxConfig(503), /location \/ \{[^}]*return 503 /);
  const pod = (built.deployment.spec as { template: { spec: { containers: Record<string, unknown>[]; automountServiceAccountToken: boolean } } }).template.spec;
  assert.equal(pod.automountServiceAccountToken, false);
  const container = pod.containers[0] as { image: string; securityContext: Record<string, unknown>; resources: Record<string, unknown> };
  assert.equal(container.image, FAULT_BACKEND_IMAGE);
  assert.match(container.image, /:\d+\.\d+\.\d+-alpine$/);
  assert.deepEqual([container.securityContext.runAsNonRoot, container.securityContext.readOnlyRootFilesystem, container.securityContext.allowPrivilegeEscalation], [true, true, false]);
  assert.deepEqual(container.resources, { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } });
  assert.deepEqual(built.backend, { name: 'web-fault', namespace: 'emojivoto', port: 80 });
  // A different status rolls the pods.
  const other = buildFaultBackend({ name: 'web-fault', status: 500 }, 'f');
  const checksum = (d: typeof built.deployment) => (d.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations['meshform.io/fault-config-sha256'];
  assert.notEqual(checksum(built.deployment), checksum(other.deployment));
});

test('FaultInjection + a rule without backends: the parent becomes an explicit backend', () => {
  const c = chart('App');
  const faults = new FaultInjection(c, 'books-fault', { status: 500, port: 8080 });
  new HttpRoute(c, 'books', { parent: { name: 'books', port: 7002 }, rules: [{ fault: faults.share(10) }] });
  const objects = objectsOf(c);
  assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata?.name}`), ['ConfigMap/books-fault', 'Deployment/books-fault', 'Service/books-fault', 'HTTPRoute/books']);
  assert.deepEqual((objects[3].spec as { rules: { backendRefs: unknown }[] }).rules[0].backendRefs, [
    { group: '', kind: 'Service', name: 'books', port: 7002, weight: 9 },
    { group: '', kind: 'Service', name: 'books-fault', port: 8080, weight: 1 },
  ]);
  assertValid(objects);
});

test('fault refusals: status, percent, a rule with neither backends nor parent port', () => {
  assertOneIssue(() => new FaultInjection(chart('App'), 'f', { status: 200 }), 'App/f.status', /error status from 400 to 599/);
  assertOneIssue(() => new FaultInjection(chart('App'), 'f', { status: 503, image: 'nginx' }), 'App/f.image', /tag or digest/);
  const c = chart('App');
  const faults = new FaultInjection(c, 'f', { status: 503 });
  assertOneIssue(() => new HttpRoute(c, 'r1', { parent: { name: 'web', port: 80 }, rules: [{ fault: faults.share(0) }] }), 'App/r1.rules[0].fault.percent', /above 0 and at most 100/);
  assertOneIssue(() => new HttpRoute(c, 'r2', { parent: { name: 'web', port: 80 }, rules: [{ fault: faults.share(150) }] }), 'App/r2.rules[0].fault.percent', /above 0 and at most 100/);
  assertOneIssue(() => new HttpRoute(c, 'r3', { parent: { name: 'web' }, rules: [{ fault: faults.share(5) }] }), 'App/r3.rules[0].fault', /parent.port/);
  assertOneIssue(
    () => new HttpRoute(c, 'r4', { parent: { name: 'web' }, rules: [{ backends: [{ name: 'web', port: 80, weight: -1 }], fault: faults.share(5) }] }),
    'App/r4.rules[0].backends[0].weight',
    /integer from 0/,
  );
});
