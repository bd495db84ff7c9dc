// The Mesh construct: every phase from one spec, apply-order edges between the charts, and every
// object valid against the Kubernetes schema or (custom resources) against the CRDs we install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App } from 'cdk8s';
import 'reflect-metadata';
import { generateIssuer, generateTrustAnchor, generateWebhookCert } from '../lib/identity/generate.js';
import { Mesh } from '../constructs/mesh.js';
import { chartObjects } from '../constructs/kube-object.js';
import { validateRender } from './helpers/validate-all.js';

const anchor = await generateTrustAnchor({});
const issuer = await generateIssuer({ anchor });
const tls = async (serviceName: string, namespace: string) => {
  const c = await generateWebhookCert({ serviceName, namespace });
  return { crtPEM: c.certificatePem, keyPEM: c.privateKeyPem, caBundle: c.caBundlePem };
};

async function fullMesh(ha: boolean, namespace = 'linkerd') {
  const app = new App();
  const mesh = new Mesh(app, 'mesh', {
    namespace,
    mesh: {
      ha,
      cniEnabled: true,
      installGatewayAPI: true,
      identity: { trustAnchorsPem: anchor.certificatePem, issuer: { certificatePem: issuer.certificatePem, keyPem: issuer.privateKeyPem } },
      values: {
        proxyInjector: await tls('linkerd-proxy-injector', 'linkerd'),
        profileValidator: await tls('linkerd-sp-validator', 'linkerd'),
        policyValidator: await tls('linkerd-policy-validator', 'linkerd'),
      },
    },
    viz: { values: { tap: await tls('tap', 'linkerd-viz'), tapInjector: await tls('tap-injector', 'linkerd-viz') } },
    multicluster: { values: { controllers: [{ link: { ref: { name: 'east' } } }] } },
  });
  return { app, mesh };
}

for (const ha of [false, true]) {
  test(`every phase of a full mesh${ha ? ' (HA)' : ''} is valid Kubernetes or valid against its CRD`, async () => {
    const { app } = await fullMesh(ha);
    const objects = app.charts.flatMap((c) => chartObjects(c));
    const { problems, byCrd } = validateRender(objects);
    assert.deepEqual(problems, []);
    assert.ok(byCrd.length > 10, 'policy objects, ServiceProfiles and Links were checked');
  });
}

test('charts come out in apply order: CRDs, CNI, control plane, viz, multicluster', async () => {
  const { app } = await fullMesh(false);
  assert.deepEqual(
    app.charts.map((c) => c.node.id),
    ['crds', 'cni', 'control-plane', 'viz', 'multicluster'],
  );
});

test('extensions follow the control plane namespace', async () => {
  const { mesh } = await fullMesh(false, 'mesh-system');
  const vizText = JSON.stringify(chartObjects(mesh.viz!));
  const mcText = JSON.stringify(chartObjects(mesh.multicluster!));
  assert.match(vizText, /mesh-system/);
  assert.match(mcText, /mesh-system/);
  const { mesh: plain } = await fullMesh(false);
  assert.doesNotMatch(JSON.stringify(chartObjects(plain.viz!)), /mesh-system/);
});

test('HA raises controller replicas and adds disruption budgets', async () => {
  const { mesh } = await fullMesh(true);
  const cp = chartObjects(mesh.controlPlane);
  const destination = cp.find((o) => o.kind === 'Deployment' && o.metadata?.name === 'linkerd-destination') as unknown as { spec: { replicas: number } };
  assert.equal(destination.spec.replicas, 3);
  assert.ok(cp.some((o) => o.kind === 'PodDisruptionBudget'));
});
