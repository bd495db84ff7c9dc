import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';
import { planPhases, sortPhases } from '../../stacks/render/phase-plan.js';
import { fillPlaceholders, placeholder, unfilledPlaceholders } from '../../stacks/render/placeholders.js';
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

test('phase plan with the cert-manager-identity chart: no identity phase, namespace after it', () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd' } };
  const cert = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' } };
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'linkerd-identity', namespace: 'linkerd' } };
  const plan = planPhases([
    { name: 'crds', objects: [], dependsOn: [] },
    { name: 'control-plane', objects: [ns, cert, deploy], dependsOn: ['crds', 'cert-manager-identity'] },
    { name: 'cert-manager-identity', objects: [], dependsOn: ['crds'] },
  ]);
  assert.deepEqual(plan.map((p) => p.name), ['crds', 'cert-manager-identity', 'control-plane-namespace', 'control-plane']);
  const byName = new Map(plan.map((p) => [p.name, p]));
  assert.deepEqual(byName.get('control-plane-namespace')?.objects, [ns]);
  assert.deepEqual([...(byName.get('control-plane-namespace')?.dependsOn ?? [])].sort(), ['cert-manager-identity', 'crds']);
  // The Certificates stay in the control-plane phase, which waits for the namespace phase.
  assert.deepEqual(byName.get('control-plane')?.objects, [cert, deploy]);
  assert.deepEqual([...(byName.get('control-plane')?.dependsOn ?? [])].sort(), ['cert-manager-identity', 'control-plane-namespace', 'crds']);
});

test('renderMesh with certManager: the construct\'s cert-manager chart, no identity phase, no certificate or placeholder', () => {
  const r = renderMesh({ viz: true, certManager: { trustAnchors: ['a', 'b'], labels: { team: 'platform' } } });
  assert.deepEqual(
    r.phases.map((p) => p.name),
    ['crds', 'cert-manager-identity', 'control-plane-namespace', 'control-plane', 'viz'],
  );
  const byName = new Map(r.phases.map((p) => [p.name, p]));
  assert.deepEqual(byName.get('cert-manager-identity')?.dependsOn, ['crds']);
  assert.ok(byName.get('control-plane')?.dependsOn.includes('cert-manager-identity'));
  assert.deepEqual(r.webhookCerts, []);
  assert.equal(r.certManager?.signingTrustAnchor, 'a');
  assert.equal(r.values.identity.issuer.scheme, 'kubernetes.io/tls');
  assert.equal(r.values.identity.externalCA, true);
  assert.equal(r.values.proxyInjector.externalSecret, true);
  const all = r.phases.flatMap((p) => p.objects);
  assert.deepEqual(unfilledPlaceholders(all), []);
  const text = JSON.stringify(all);
  assert.doesNotMatch(text, /BEGIN CERTIFICATE|PRIVATE KEY/);
  assert.ok(!all.some((o) => o.kind === 'Secret' && ((o as { type?: string }).type === 'kubernetes.io/tls' || 'tls.key' in ((o as { data?: object }).data ?? {}))));
  // The trust-manager Bundle over both anchor generations, in the cert-manager-identity phase.
  const bundle = byName.get('cert-manager-identity')?.objects.find((o) => o.kind === 'Bundle');
  assert.equal(bundle?.metadata?.name, 'linkerd-identity-trust-roots');
  assert.deepEqual(
    (bundle as unknown as { spec: { sources: { secret: { name: string } }[] } }).spec.sources.map((s) => s.secret.name),
    ['linkerd-trust-anchor-a', 'linkerd-trust-anchor-b'],
  );
  // The control-plane phase starts with its Certificates (its Namespace is in the namespace phase).
  const cp = byName.get('control-plane')?.objects ?? [];
  assert.ok(!cp.some((o) => o.kind === 'Namespace'));
  const firstNonCert = cp.findIndex((o) => o.kind !== 'Certificate');
  const certs = cp.slice(0, firstNonCert).map((o) => o.metadata?.name);
  assert.deepEqual(certs, ['linkerd-identity-issuer', 'linkerd-proxy-injector', 'linkerd-sp-validator', 'linkerd-policy-validator']);
  assert.ok(!cp.slice(firstNonCert).some((o) => o.kind === 'Certificate'), 'no Certificate after the first control-plane object');
  const issuer = cp[0] as unknown as { metadata: { namespace: string; labels: Record<string, string> }; spec: { issuerRef: { name: string; kind: string } } };
  assert.equal(issuer.metadata.namespace, 'linkerd');
  assert.deepEqual(issuer.spec.issuerRef, { name: 'linkerd-trust-anchor-a', kind: 'ClusterIssuer', group: 'cert-manager.io' });
  // No stack-managed issuer Secret or trust-roots ConfigMap: cert-manager and trust-manager write them.
  assert.ok(!all.some((o) => o.metadata?.name === 'linkerd-identity-trust-roots' && o.kind === 'ConfigMap'));
  const vizCerts = (byName.get('viz')?.objects ?? []).filter((o) => o.kind === 'Certificate').map((o) => o.metadata?.name);
  assert.deepEqual(vizCerts, ['tap', 'tap-injector']);
});

test('renderMesh with bad certManager options fails with every problem', () => {
  assert.throws(() => renderMesh({ certManager: { trustAnchors: [], issuerDuration: 'soon' } }), (e: unknown) => {
    assert.match(String(e), /trustAnchors/);
    assert.match(String(e), /issuerDuration/);
    return true;
  });
});
