// Meshing from a MeshReference (public facts only) instead of the mesh's values: identical output,
// the reference the same from a Mesh, its render and a kubectl dump of linkerd-config.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import 'reflect-metadata';
import { MeshformError } from '../../lib/errors.js';
import { generateIssuer, generateTrustAnchor, generateWebhookCert } from '../../lib/identity/generate.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND, meshReference, meshReferenceFromManifests, meshReferenceFromValues, type MeshReference } from '../../lib/mesh-reference/index.js';
import { MESH_REVISION_ANNOTATION, meshRevision } from '../../lib/proxy-config/index.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { Mesh } from '../../constructs/mesh.js';
import { meshPodTemplate, meshWorkload, type MeshWorkloadOptions } from '../../constructs/workload/index.js';
import { testMeshValues } from './mesh-values.js';

type Obj = { kind: string; metadata: { name?: string; namespace?: string }; data?: Record<string, string>; spec?: { template?: { metadata?: { annotations?: Record<string, string> } } } };

const values = await testMeshValues();
const anchorsOnly: MeshReference = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, trustAnchorsPem: values.identityTrustAnchorsPEM };

function deploymentJson(options: MeshWorkloadOptions): unknown[] {
  const chart = new Chart(Testing.app(), 'app');
  const d = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1', portNumber: 80, securityContext: { ensureNonRoot: false } }] });
  meshWorkload(d, options);
  return chart.toJson();
}

for (const mode of ['annotation', 'manual'] as const) {
  test(`${mode} mode: a reference holding only the trust anchors meshes exactly as the full MeshValues`, () => {
    const fromReference = deploymentJson({ mesh: anchorsOnly, mode, proxyConfig: { adminPort: 4192 } });
    assert.deepEqual(fromReference, deploymentJson({ meshValues: values, mode, proxyConfig: { adminPort: 4192 } }));
    const text = JSON.stringify(fromReference);
    assert.ok(!text.includes('PRIVATE KEY'), 'no key in the output');
    const template = (fromReference[0] as Obj).spec?.template?.metadata?.annotations ?? {};
    assert.equal(template[MESH_REVISION_ANNOTATION], meshRevision(values));
    if (mode === 'annotation') assert.equal(template['linkerd.io/inject'], 'enabled');
    else assert.ok(text.includes('"linkerd-proxy"') && text.includes('LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS'), 'the sidecar is written');
  });
}

test('annotation mode needs no anchors; the revision then digests version and trust domain, never nothing', () => {
  const bare: MeshReference = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND };
  const revisionOf = (mesh: MeshReference) => ((deploymentJson({ mesh })[0] as Obj).spec?.template?.metadata?.annotations ?? {})[MESH_REVISION_ANNOTATION];
  const base = revisionOf(bare);
  assert.match(String(base), /^edge-26\.8\.3\.[0-9a-f]{16}$/);
  assert.notEqual(base, 'edge-26.8.3.e3b0c44298fc1c14', 'not the sha256 of an empty string');
  assert.notEqual(revisionOf({ ...bare, proxyVersion: 'edge-26.9.1' }), base, 'changes with the version');
  assert.notEqual(revisionOf({ ...bare, trustDomain: 'prod.example' }), base, 'changes with the trust domain');
  assert.notEqual(revisionOf(anchorsOnly), base, 'anchors change it');
  assert.equal(revisionOf(bare), base, 'stable');
});

test('manual mode without anchors is refused at the call, naming trustAnchorsPem', () => {
  const chart = new Chart(Testing.app(), 'app');
  const d = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1', securityContext: { ensureNonRoot: false } }] });
  const mesh: MeshReference = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND };
  assert.throws(() => meshWorkload(d, { mesh, mode: 'manual' }), (e: unknown) => e instanceof MeshformError && e.issues.some((i) => i.path === 'trustAnchorsPem'));
  assert.throws(() => meshPodTemplate(d, { mesh, mode: 'manual' }), (e: unknown) => e instanceof MeshformError && e.issues.some((i) => i.path === 'trustAnchorsPem'));
});

test('a bad reference is refused at the call, every problem named by its path', () => {
  const chart = new Chart(Testing.app(), 'app');
  const d = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1', securityContext: { ensureNonRoot: false } }] });
  const bad = { apiVersion: 'v1', kind: MESH_REFERENCE_KIND, controlPlaneNamespace: 'Linkerd', proxyDefaults: { proxy: { ports: { admin: 'x' } } } } as unknown as MeshReference;
  assert.throws(() => meshWorkload(d, { mesh: bad }), (e: unknown) => {
    assert.ok(e instanceof MeshformError);
    assert.deepEqual(e.issues.map((i) => i.path), ['apiVersion', 'controlPlaneNamespace', 'proxyDefaults.proxy.ports.admin'], 'the fields and the values, in one error');
    return true;
  });
  const badValue = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, proxyDefaults: { proxy: { ports: { admin: 'x' } } } } as unknown as MeshReference;
  assert.throws(() => meshWorkload(d, { mesh: badValue }), (e: unknown) => e instanceof MeshformError && e.issues.some((i) => i.path === 'proxyDefaults.proxy.ports.admin'));
  assert.throws(() => meshWorkload(d, { mesh: anchorsOnly, meshValues: values }), /not both/);
  assert.throws(() => meshWorkload(d, {}), (e: unknown) => e instanceof MeshformError && e.issues[0].path === 'mesh');
});

test('the reference of a Mesh equals the one read from its render and from a kubectl dump of linkerd-config', async () => {
  const anchor = await generateTrustAnchor({});
  const issuer = await generateIssuer({ anchor });
  const tls = async (serviceName: string) => {
    const c = await generateWebhookCert({ serviceName, namespace: 'mesh-system' });
    return { crtPEM: c.certificatePem, keyPEM: c.privateKeyPem, caBundle: c.caBundlePem };
  };
  const mesh = new Mesh(new App(), 'mesh', {
    namespace: 'mesh-system',
    mesh: {
      ha: true,
      identity: { trustAnchorsPem: anchor.certificatePem, issuer: { certificatePem: issuer.certificatePem, keyPem: issuer.privateKeyPem } },
      values: {
        proxy: { logLevel: 'debug', image: { version: 'edge-26.8.2' } },
        proxyInjector: await tls('linkerd-proxy-injector'),
        profileValidator: await tls('linkerd-sp-validator'),
        policyValidator: await tls('linkerd-policy-validator'),
      },
    },
  });
  const reference = mesh.reference;
  assert.deepEqual(meshReference(mesh), reference, 'the getter is meshReference(mesh)');
  assert.equal(reference.controlPlaneNamespace, 'mesh-system');
  assert.equal(reference.proxyVersion, 'edge-26.8.2');
  assert.equal(reference.trustAnchorsPem, anchor.certificatePem);
  assert.equal((reference.proxyDefaults as { proxy: { logLevel: string } }).proxy.logLevel, 'debug');
  const serialized = JSON.stringify(reference);
  for (const secret of [issuer.certificatePem, issuer.privateKeyPem, 'PRIVATE KEY']) assert.ok(!serialized.includes(secret.trim()), 'no issuer material');

  const objects = chartObjects(mesh.controlPlane) as Obj[];
  assert.deepEqual(meshReferenceFromManifests(objects), reference, 'from the render');
  const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-config')!;
  // What kubectl get -o yaml adds around the object.
  const live = { ...config, metadata: { ...config.metadata, uid: 'u-1', resourceVersion: '42', creationTimestamp: '2026-12-01T00:00:00Z' } };
  assert.deepEqual(meshReferenceFromManifests([live]), reference, 'from the ConfigMap alone');
  assert.deepEqual(meshReferenceFromManifests([{ apiVersion: 'v1', kind: 'List', items: [live] }]), reference, 'from a List');
  assert.deepEqual(meshReferenceFromValues(mesh.values, { controlPlaneNamespace: 'mesh-system' }), reference, 'from the values');
  assert.deepEqual(JSON.parse(serialized), reference, 'plain JSON');
});

test('manual mode from a reference carries the mesh\'s proxy defaults exactly as its values do', async () => {
  const { resolveMeshValues } = await import('../../lib/values/mesh/resolve.js');
  const custom = resolveMeshValues({
    ha: true,
    crdsOnly: true,
    user: { identityTrustAnchorsPEM: values.identityTrustAnchorsPEM, clusterDomain: 'example.org', proxy: { logLevel: 'debug', image: { version: 'edge-26.8.2' } }, proxyInit: { ignoreOutboundPorts: '3306' } },
  });
  const reference = meshReferenceFromValues(custom);
  assert.ok(Object.keys(reference.proxyDefaults ?? {}).includes('proxyInit'));
  for (const mode of ['annotation', 'manual'] as const) {
    assert.deepEqual(deploymentJson({ mesh: reference, mode }), deploymentJson({ meshValues: custom, mode }), mode);
  }
  const text = JSON.stringify(deploymentJson({ mesh: reference, mode: 'manual' }));
  assert.ok(text.includes('proxy:edge-26.8.2') && text.includes('3306') && text.includes('example.org'), 'the defaults reach the sidecar');
});
