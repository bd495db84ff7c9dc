/**
 * Environment fit (issue #14 point 5), under mocks: every kind the charts can emit (all options
 * on) has a resource class with the kind's own type token — the viz Prometheus PersistentVolumeClaim
 * among them — and the multicluster gateway Service's type and await come from the arguments.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byName, recorded, unwrapSecrets } from './recording-mocks.js';
import { validateRender } from '../helpers/validate-all.js';
import type { KubeObject } from '../../lib/manifest.js';
import { renderMesh } from '../../stacks/render/render-mesh.js';
import { SKIP_AWAIT_ANNOTATION } from '../../stacks/render/resource-policy.js';
import { resourceClassFor, resourceTypeToken } from '../../stacks/components/kube-resource.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

const PERSISTENCE = { prometheus: { persistence: { storageClass: 'standard', accessMode: 'ReadWriteOnce', size: '8Gi' } } };

test('the resource-class mapping is total over every kind the charts emit with every option on', () => {
  const renders = [
    renderMesh({ ha: true, viz: true, cni: true, multicluster: true, vizValues: PERSISTENCE }),
    renderMesh({ viz: true, multicluster: true, certManager: {} }),
  ];
  const kinds = new Set(renders.flatMap((r) => r.phases.flatMap((p) => p.objects.map((o) => `${o.apiVersion} ${o.kind}`))));
  assert.ok(kinds.has('v1 PersistentVolumeClaim') && kinds.has('apps/v1 DaemonSet') && kinds.has('trust.cert-manager.io/v1alpha1 Bundle'), [...kinds].join());
  for (const kind of kinds) {
    const [apiVersion, k] = kind.split(' ');
    assert.ok(resourceClassFor(apiVersion, k), `${kind} has a resource class`);
  }
  assert.equal(resourceClassFor('v1', 'NoSuchKind'), undefined);
  assert.equal(resourceClassFor('v1', 'ConfigMapList'), undefined);
});

test('viz with Prometheus persistence: the PersistentVolumeClaim is a typed core resource', async () => {
  const rs = await recorded(() => new LinkerdMesh('e', { viz: true, cni: true, vizValues: PERSISTENCE }));
  const pvc = byName(rs, resourceTypeToken('v1', 'PersistentVolumeClaim'), 'e-linkerd-viz-prometheus');
  assert.equal((pvc.inputs.spec as { storageClassName: string }).storageClassName, 'standard');
  // Every registered object's type token is its kind's.
  for (const r of rs.filter((x) => x.type.startsWith('kubernetes:') && x.inputs.kind)) {
    assert.equal(r.type, resourceTypeToken(String(r.inputs.apiVersion), String(r.inputs.kind)), r.name);
  }
});

const GATEWAY = 'e-linkerd-multicluster-linkerd-gateway';
const gatewayOf = async (name: string, args: ConstructorParameters<typeof LinkerdMesh>[1]) => {
  const rs = await recorded(() => new LinkerdMesh(name, { multicluster: true, ...args }));
  return byName(rs, 'kubernetes:core/v1:Service', GATEWAY.replace(/^e-/, `${name}-`));
};
const annotations = (r: { inputs: Record<string, unknown> }) => ((r.inputs.metadata as { annotations?: Record<string, string> }).annotations ?? {});

test('multicluster gateway: LoadBalancer and awaited by default', async () => {
  const g = await gatewayOf('g1', {});
  assert.equal((g.inputs.spec as { type: string }).type, 'LoadBalancer');
  assert.equal(annotations(g)[SKIP_AWAIT_ANNOTATION], undefined);
  assert.equal(g.createTimeout, undefined);
});

test('multicluster gateway: NodePort without awaiting, or a shorter await', async () => {
  const skipped = await gatewayOf('g2', { multiclusterGateway: { serviceType: 'NodePort', await: false } });
  assert.equal((skipped.inputs.spec as { type: string }).type, 'NodePort');
  assert.equal(annotations(skipped)[SKIP_AWAIT_ANNOTATION], 'true');
  const short = await gatewayOf('g3', { multiclusterGateway: { awaitSeconds: 90 } });
  assert.equal(short.createTimeout, '90s');
  assert.equal(annotations(short)[SKIP_AWAIT_ANNOTATION], undefined);
});

test('gateway arguments are refused without multicluster, with every problem named', () => {
  assert.throws(
    () => new LinkerdMesh('bad', { multiclusterGateway: { serviceType: 'Ingress' as never, awaitSeconds: -1 } }),
    (e: unknown) => {
      const issues = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      assert.deepEqual(issues, ['bad.multiclusterGateway', 'bad.multiclusterGateway.serviceType', 'bad.multiclusterGateway.awaitSeconds']);
      return true;
    },
  );
});

test('every object a stack registers (every option on, anchors bound, gateway NodePort without await) is schema-valid', async () => {
  const rs = await recorded(
    () =>
      new LinkerdMesh('val', {
        ha: true,
        viz: true,
        cni: true,
        multicluster: true,
        vizValues: PERSISTENCE,
        multiclusterGateway: { serviceType: 'NodePort', await: false },
        identity: 'provided',
        trustAnchorPem: '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n',
        issuerCertPem: '-----BEGIN CERTIFICATE-----\nI\n-----END CERTIFICATE-----\n',
        issuerKeyPem: '-----BEGIN EC PRIVATE KEY-----\nK\n-----END EC PRIVATE KEY-----\n',
      }),
  );
  const objects = rs.filter((r) => r.type.startsWith('kubernetes:') && r.inputs.kind).map((r) => unwrapSecrets(r.inputs) as KubeObject);
  const { problems, bySchema, byCrd } = validateRender(objects as never);
  assert.deepEqual(problems, []);
  assert.ok(bySchema.length > 100 && byCrd.length > 5, `${bySchema.length} by schema, ${byCrd.length} by CRD`);
});
