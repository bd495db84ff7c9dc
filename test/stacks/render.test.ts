import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';
import { planPhases, sortPhases } from '../../stacks/render/phase-plan.js';
import { fillPlaceholders, placeholder, unfilledPlaceholders } from '../../stacks/render/placeholders.js';
import { credentialsSecrets, labelSelector, linkObject, remoteKubeconfig, type LinkSettings } from '../../stacks/render/link-objects.js';
import { renderMesh } from '../../stacks/render/render-mesh.js';

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply((v) => (r(v), v)));
const b64 = (s: string) => Buffer.from(s).toString('base64');

test('placeholders: whole string, base64 and embedded-in-YAML shapes are all replaced', async () => {
  const tok = placeholder('w.crt');
  const obj = { a: tok, b: b64(tok), dump: `crtPEM: "${tok}"\nother: 1\n`, keep: 'x' };
  const out = fillPlaceholders(obj, new Map([['w.crt', 'PEM\n']])) as Record<string, unknown>;
  assert.equal(await resolve(out.a as pulumi.Output<string>), 'PEM\n');
  assert.equal(await resolve(out.b as pulumi.Output<string>), b64('PEM'));
  assert.equal(out.dump, 'crtPEM: ""\nother: 1\n');
  assert.equal(out.keep, 'x');
  assert.deepEqual(unfilledPlaceholders(out), []);
  assert.deepEqual(unfilledPlaceholders({ x: [b64(tok)] }), ['x[0]']);
});

test('phase plan: namespace and identity phases go between the CRDs and the control plane', () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd' } };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'linkerd' } };
  const plan = planPhases([
    { name: 'viz', objects: [], dependsOn: ['control-plane'] },
    { name: 'control-plane', objects: [ns, cm], dependsOn: ['crds'] },
    { name: 'crds', objects: [], dependsOn: [] },
  ]);
  assert.deepEqual(plan.map((p) => p.name), ['crds', 'control-plane-namespace', 'identity', 'control-plane', 'viz']);
  assert.deepEqual(plan[3].objects, [cm]);
  assert.deepEqual(plan[1].objects, [ns]);
  assert.deepEqual([...plan[3].dependsOn].sort(), ['control-plane-namespace', 'crds', 'identity']);
  assert.throws(() => sortPhases([{ name: 'a', objects: [], dependsOn: ['b'] }, { name: 'b', objects: [], dependsOn: ['a'] }]), /cycle/);
});

test('renderMesh: external issuer scheme, no issuer Secret or trust roots, webhook placeholders', () => {
  const r = renderMesh({});
  assert.equal(r.values.identity.issuer.scheme, 'kubernetes.io/tls');
  const all = r.phases.flatMap((p) => p.objects);
  assert.ok(!all.some((o) => o.metadata?.name === 'linkerd-identity-issuer' || o.metadata?.name === 'linkerd-identity-trust-roots'));
  assert.deepEqual(r.webhookCerts.map((w) => w.slot), ['proxyInjector', 'profileValidator', 'policyValidator']);
  assert.ok(unfilledPlaceholders(all).length > 0, 'placeholders are present before filling');
  // A user-supplied webhook certificate is left alone.
  const own = renderMesh({ values: { proxyInjector: { externalSecret: true, caBundle: 'CA' } } });
  assert.deepEqual(own.webhookCerts.map((w) => w.slot), ['profileValidator', 'policyValidator']);
});

test('link-gen objects: credentials in both namespaces, Link v1alpha3, kubeconfig with the token', () => {
  const s: LinkSettings = {
    name: 'east', multiclusterNamespace: 'linkerd-multicluster', linkerdNamespace: 'linkerd', trustDomain: 'cluster.local',
    clusterDomain: 'cluster.local', gatewayName: 'linkerd-gateway', gatewayNamespace: 'linkerd-multicluster', gatewayPort: 4143,
    probePort: 4191, probePath: '/ready', probeSeconds: 3, selector: 'mirror.linkerd.io/exported=true',
    remoteDiscoverySelector: 'mirror.linkerd.io/exported=remote-discovery', federatedServiceSelector: 'mirror.linkerd.io/federated=member',
    excludedAnnotations: [], excludedLabels: [],
  };
  const [mc, l5d] = credentialsSecrets(s, 'KUBECONFIG');
  assert.equal(mc.type, 'mirror.linkerd.io/remote-kubeconfig');
  assert.deepEqual(mc.data, { kubeconfig: 'KUBECONFIG' });
  assert.equal(l5d.metadata?.namespace, 'linkerd');
  assert.deepEqual(l5d.metadata?.labels, { 'multicluster.linkerd.io/cluster-name': 'east' });
  const link = linkObject(s, '1.2.3.4') as unknown as { apiVersion: string; spec: Record<string, unknown> };
  assert.equal(link.apiVersion, 'multicluster.linkerd.io/v1alpha3');
  assert.equal(link.spec.gatewayIdentity, 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local');
  assert.equal(link.spec.clusterCredentialsSecret, 'cluster-credentials-east');
  assert.deepEqual(labelSelector('a=b'), { matchLabels: { a: 'b' } });
  const kc = remoteKubeconfig({ clusterName: 'east', server: 'https://x', caDataB64: 'Q0E=', serviceAccount: 'sa', token: 'TOKEN' });
  assert.match(kc, /token: TOKEN/);
  assert.match(kc, /current-context: east/);
});
