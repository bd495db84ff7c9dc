// cert-manager identity mode: a full mesh whose render holds no certificate or key at all, the
// cert-manager / trust-manager objects by their fixed names, the values overlays, apply order, and
// collected validation errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { Mesh, type MeshSpec } from '../../constructs/mesh.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { synthPhases } from '../../constructs/synth.js';
import { MeshformError } from '../../lib/errors.js';
import {
  certManagerClusterObjects,
  certManagerControlPlaneObjects,
  certManagerControlPlaneValues,
  certManagerVizValues,
  identityIssuerCertificate,
  resolveCertManagerIdentity,
  validateCertManagerIdentity,
} from '../../lib/identity/index.js';
import type { KubeObject } from '../../lib/manifest.js';
import { validateKubeObject } from '../helpers/kube-schema.js';
import { validateRender } from '../helpers/validate-all.js';

type Obj = KubeObject & { spec?: Record<string, unknown>; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } };

const spec = (extra: Partial<MeshSpec> = {}): MeshSpec => ({
  mesh: { installGatewayAPI: true },
  viz: {},
  identity: { certManager: { trustAnchors: ['2024', '2025'], signingTrustAnchor: '2024', labels: { team: 'platform' } } },
  ...extra,
});

function render(s: MeshSpec = spec()): { app: App; mesh: Mesh; objects: Obj[] } {
  const app = new App();
  const mesh = new Mesh(app, 'mesh', s);
  return { app, mesh, objects: app.charts.flatMap((c) => chartObjects(c)) as Obj[] };
}

function synthToDir(s: MeshSpec): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'meshform-cm-'));
  const files = synthPhases(render(s).app, dir);
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const first = synthToDir(spec());
const second = synthToDir(spec());
const text = [...first.values()].join('');
const objects = [...first.values()].flatMap((t) => parseAllDocuments(t).map((d) => d.toJS() as Obj));
const find = (kind: string, name: string, namespace?: string): Obj | undefined =>
  objects.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
const isCertManager = (o: Obj): boolean => /^(cert-manager\.io|trust\.cert-manager\.io)\//.test(o.apiVersion);

test('phases are written in apply order: CRDs, cert-manager identity, control plane, viz', () => {
  assert.deepEqual([...first.keys()], ['00-crds.yaml', '01-cert-manager-identity.yaml', '02-control-plane.yaml', '03-viz.yaml']);
});

test('with CNI and multicluster the identity chart still comes right after the CRDs, with dependency edges', () => {
  const { app, mesh } = render(spec({ mesh: { cniEnabled: true }, multicluster: {} }));
  assert.deepEqual(
    app.charts.map((c) => c.node.id),
    ['crds', 'cert-manager-identity', 'cni', 'control-plane', 'viz', 'multicluster'],
  );
  assert.ok(mesh.certManagerIdentity!.node.dependencies.includes(mesh.crds));
  assert.ok(mesh.controlPlane.node.dependencies.includes(mesh.certManagerIdentity!));
});

test('no private key, certificate or PEM anywhere in the output', () => {
  assert.doesNotMatch(text, /PRIVATE KEY/);
  assert.doesNotMatch(text, /BEGIN/);
  assert.doesNotMatch(text, /keyPEM/);
  // linkerd-config's values dump keeps upstream's `crtPEM` keys, but every one of them is empty.
  const crtPems = [...text.matchAll(/crtPEM:(.*)$/gm)].map((m) => m[1].trim());
  assert.ok(crtPems.length > 0, 'the values dump was searched');
  assert.deepEqual(crtPems.filter((v) => v !== '""'), []);
  assert.ok(!objects.some((o) => o.kind === 'Secret'), 'no Secret is rendered at all');
});

test('the cert-manager schemas reject what cert-manager would (the validation is real)', () => {
  const issuer = objects.find((o) => o.kind === 'Certificate' && o.metadata.name === 'linkerd-identity-issuer')!;
  const broken = structuredClone(issuer) as typeof issuer & { spec: { privateKey: { algorithm: string } } };
  broken.spec.privateKey.algorithm = 'DSA';
  assert.equal(validateKubeObject(broken).status, 'invalid');
  const bundle = structuredClone(objects.find((o) => o.kind === 'Bundle')!);
  delete bundle.spec?.target;
  assert.equal(validateKubeObject(bundle).status, 'invalid');
});

test('two renders are byte-identical', () => {
  assert.deepEqual(second, first);
});

test('every object validates: built-in kinds, cert-manager and trust-manager kinds against their CRD schemas, Linkerd custom resources against theirs', () => {
  const { problems, bySchema } = validateRender(objects);
  assert.deepEqual(problems, []);
  // Validated by @kubernetes-models/cert-manager's schemas, never skipped as unknown kinds.
  const schemaValidated = new Set(bySchema);
  const certManagerKinds = objects.filter(isCertManager).filter((o) => schemaValidated.has(`${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)).length;
  // Issuer, 2 × (Certificate, ClusterIssuer), webhook CA (Certificate, ClusterIssuer), Bundle,
  // 4 control-plane Certificates, 2 viz Certificates.
  assert.equal(certManagerKinds, 1 + 4 + 2 + 1 + 4 + 2);
});

test('cert-manager objects have the structure cert-manager and trust-manager accept', () => {
  for (const o of objects.filter(isCertManager)) {
    const where = `${o.kind} ${o.metadata.name}`;
    assert.ok(['Certificate', 'Issuer', 'ClusterIssuer', 'Bundle'].includes(o.kind), where);
    assert.match(o.metadata.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, where);
    const clusterScoped = o.kind === 'ClusterIssuer' || o.kind === 'Bundle';
    assert.equal(o.metadata.namespace === undefined, clusterScoped, `${where}: namespace`);
    assert.equal(o.metadata.labels?.['linkerd.io/control-plane-ns'], 'linkerd', where);
    assert.equal(o.metadata.labels?.['app.kubernetes.io/part-of'], 'Linkerd', where);
    assert.equal(o.metadata.labels?.team, 'platform', `${where}: the options' labels`);
    const s = o.spec as Record<string, any>;
    if (o.kind === 'Certificate') {
      assert.equal(o.apiVersion, 'cert-manager.io/v1');
      assert.equal(typeof s.secretName, 'string', where);
      assert.ok(s.commonName || s.dnsNames?.length, `${where}: a subject`);
      assert.match(s.duration, /^\d+h$/, where);
      assert.deepEqual({ algorithm: s.privateKey.algorithm, size: s.privateKey.size }, { algorithm: 'ECDSA', size: 256 }, where);
      assert.ok(['Never', 'Always'].includes(s.privateKey.rotationPolicy), where);
      assert.equal(s.issuerRef.group, 'cert-manager.io', where);
      const issuer = find(s.issuerRef.kind, s.issuerRef.name, s.issuerRef.kind === 'Issuer' ? o.metadata.namespace : undefined);
      assert.ok(issuer, `${where}: its ${s.issuerRef.kind} ${s.issuerRef.name} is rendered (in its namespace)`);
      if (s.isCA) assert.ok(s.usages.includes('cert sign'), where);
    }
    if (o.kind === 'ClusterIssuer') {
      // A ClusterIssuer's CA Secret is read from the cluster resource namespace: cert-manager's.
      assert.ok(find('Certificate', s.ca.secretName, 'cert-manager'), `${where}: its CA Certificate is in cert-manager`);
    }
  }
});

test('trust anchors: one self-signed CA per generation, never re-keyed, with a ClusterIssuer each', () => {
  assert.deepEqual(find('Issuer', 'linkerd-self-signed', 'cert-manager')?.spec, { selfSigned: {} });
  for (const g of ['2024', '2025']) {
    const cert = find('Certificate', `linkerd-trust-anchor-${g}`, 'cert-manager');
    assert.deepEqual(cert?.spec, {
      commonName: 'root.linkerd.cluster.local',
      duration: '87600h',
      isCA: true,
      issuerRef: { group: 'cert-manager.io', kind: 'Issuer', name: 'linkerd-self-signed' },
      privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Never', size: 256 },
      secretName: `linkerd-trust-anchor-${g}`,
      usages: ['cert sign', 'crl sign'],
    });
    assert.deepEqual(find('ClusterIssuer', `linkerd-trust-anchor-${g}`)?.spec, { ca: { secretName: `linkerd-trust-anchor-${g}` } });
  }
  assert.deepEqual(find('ClusterIssuer', 'linkerd-webhook-ca')?.spec, { ca: { secretName: 'linkerd-webhook-ca' } });
  assert.equal((find('Certificate', 'linkerd-webhook-ca', 'cert-manager')?.spec as any).isCA, true);
});

test('the Bundle lists every generation in order and targets the control-plane namespace', () => {
  const bundle = find('Bundle', 'linkerd-identity-trust-roots');
  assert.equal(bundle?.apiVersion, 'trust.cert-manager.io/v1alpha1');
  assert.deepEqual(bundle?.spec, {
    sources: [
      { secret: { name: 'linkerd-trust-anchor-2024', key: 'tls.crt' } },
      { secret: { name: 'linkerd-trust-anchor-2025', key: 'tls.crt' } },
    ],
    target: { configMap: { key: 'ca-bundle.crt' }, namespaceSelector: { matchLabels: { 'linkerd.io/is-control-plane': 'true' } } },
  });
  const ns = find('Namespace', 'linkerd');
  assert.equal(ns?.metadata.labels?.['linkerd.io/is-control-plane'], 'true', 'the selector matches the control-plane namespace');
});

test('the identity issuer Certificate is signed by the signing generation, and is what identity mounts', () => {
  const cert = find('Certificate', 'linkerd-identity-issuer', 'linkerd');
  assert.deepEqual(cert?.spec, {
    commonName: 'identity.linkerd.cluster.local',
    dnsNames: ['identity.linkerd.cluster.local'],
    duration: '48h',
    isCA: true,
    issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'linkerd-trust-anchor-2024' },
    privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Always', size: 256 },
    renewBefore: '25h',
    secretName: 'linkerd-identity-issuer',
    usages: ['cert sign', 'crl sign', 'server auth', 'client auth'],
  });
  // Default signing generation: the oldest, so appending a generation never switches the issuer.
  const { objects: appended } = render(spec({ identity: { certManager: { trustAnchors: ['a', 'b', 'c'] } } }));
  const issuer = appended.find((o) => o.kind === 'Certificate' && o.metadata.name === 'linkerd-identity-issuer');
  assert.equal((issuer?.spec as { issuerRef: { name: string } }).issuerRef.name, 'linkerd-trust-anchor-a');
});

function secretVolumes(namespace: string): string[] {
  const out: string[] = [];
  for (const o of objects.filter((x) => x.kind === 'Deployment' && x.metadata.namespace === namespace)) {
    const volumes = ((o.spec as any).template.spec.volumes ?? []) as { secret?: { secretName: string } }[];
    for (const v of volumes) if (v.secret) out.push(v.secret.secretName);
  }
  return out;
}

test('the control plane renders no issuer Secret, no trust-roots ConfigMap, and mounts the Certificates’ Secrets', () => {
  assert.equal(find('Secret', 'linkerd-identity-issuer'), undefined);
  assert.equal(find('ConfigMap', 'linkerd-identity-trust-roots'), undefined);
  const mounted = secretVolumes('linkerd');
  const certs = objects.filter((o) => o.kind === 'Certificate' && o.metadata.namespace === 'linkerd');
  assert.deepEqual(certs.map((c) => c.metadata.name), ['linkerd-identity-issuer', 'linkerd-proxy-injector', 'linkerd-sp-validator', 'linkerd-policy-validator']);
  for (const c of certs) assert.ok(mounted.includes((c.spec as any).secretName), `${c.metadata.name}'s Secret is mounted: ${mounted.join(', ')}`);
  const vizCerts = objects.filter((o) => o.kind === 'Certificate' && o.metadata.namespace === 'linkerd-viz');
  assert.deepEqual(vizCerts.map((c) => c.metadata.name), ['tap', 'tap-injector']);
  const vizMounted = secretVolumes('linkerd-viz');
  for (const c of vizCerts) assert.ok(vizMounted.includes((c.spec as any).secretName), `${c.metadata.name}'s Secret is mounted`);
});

test('namespaced Certificates come right after their Namespace', () => {
  for (const [file, ns] of [['02-control-plane.yaml', 'linkerd'], ['03-viz.yaml', 'linkerd-viz']] as const) {
    const docs = parseAllDocuments(first.get(file)!).map((d) => d.toJS() as Obj);
    assert.equal(docs[0].kind, 'Namespace');
    assert.equal(docs[0].metadata.name, ns);
    const certs = docs.map((d, i) => (d.kind === 'Certificate' ? i : -1)).filter((i) => i >= 0);
    assert.deepEqual(certs, certs.map((_, i) => i + 1), file);
  }
});

test('webhooks and the tap APIService get their CA from cert-manager’s CA injector, not a caBundle', () => {
  const expected: [string, string, string][] = [
    ['MutatingWebhookConfiguration', 'linkerd-proxy-injector-webhook-config', 'linkerd/linkerd-proxy-injector'],
    ['ValidatingWebhookConfiguration', 'linkerd-sp-validator-webhook-config', 'linkerd/linkerd-sp-validator'],
    ['ValidatingWebhookConfiguration', 'linkerd-policy-validator-webhook-config', 'linkerd/linkerd-policy-validator'],
    ['MutatingWebhookConfiguration', 'linkerd-tap-injector-webhook-config', 'linkerd-viz/tap-injector'],
    ['APIService', 'v1alpha1.tap.linkerd.io', 'linkerd-viz/tap'],
  ];
  for (const [kind, name, from] of expected) {
    const o = find(kind, name);
    assert.ok(o, `${kind} ${name}`);
    assert.equal(o.metadata.annotations?.['cert-manager.io/inject-ca-from'], from, name);
    assert.doesNotMatch(JSON.stringify(o), /caBundle/, name);
    const [ns, cert] = from.split('/');
    assert.ok(find('Certificate', cert, ns), `${from} names a rendered Certificate`);
  }
});

test('webhook Certificates are issued by the webhook CA for their Service', () => {
  const cert = find('Certificate', 'tap-injector', 'linkerd-viz');
  assert.deepEqual(cert?.spec, {
    dnsNames: ['tap-injector.linkerd-viz.svc'],
    duration: '24h',
    issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'linkerd-webhook-ca' },
    privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Always', size: 256 },
    renewBefore: '1h',
    secretName: 'tap-injector-k8s-tls',
    usages: ['server auth'],
  });
  assert.deepEqual((find('Certificate', 'linkerd-sp-validator', 'linkerd')?.spec as any).dnsNames, ['linkerd-sp-validator.linkerd.svc']);
});

test('namespaces, trust domain and cert-manager namespace follow the spec', () => {
  const { objects: objs } = render({
    namespace: 'mesh-system',
    mesh: { values: { identityTrustDomain: 'example.org' } },
    viz: { namespace: 'observability' },
    identity: { certManager: { namespace: 'certs' } },
  });
  const get = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;
  assert.equal(get('Certificate', 'linkerd-trust-anchor-1').metadata.namespace, 'certs');
  assert.equal((get('Certificate', 'linkerd-trust-anchor-1').spec as any).commonName, 'root.linkerd.example.org');
  assert.deepEqual((get('Certificate', 'linkerd-identity-issuer').spec as any).dnsNames, ['identity.linkerd.example.org']);
  assert.equal(get('Certificate', 'linkerd-identity-issuer').metadata.namespace, 'mesh-system');
  assert.deepEqual((get('Certificate', 'tap').spec as any).dnsNames, ['tap.observability.svc']);
  assert.equal(get('MutatingWebhookConfiguration', 'linkerd-proxy-injector-webhook-config').metadata.annotations?.['cert-manager.io/inject-ca-from'], 'mesh-system/linkerd-proxy-injector');
  assert.equal(get('APIService', 'v1alpha1.tap.linkerd.io').metadata.annotations?.['cert-manager.io/inject-ca-from'], 'observability/tap');
  assert.equal(get('Issuer', 'linkerd-self-signed').metadata.labels?.['linkerd.io/control-plane-ns'], 'mesh-system');
});

test("the user's values still win over the overlays", () => {
  const { mesh, objects: objs } = render(
    spec({
      mesh: { values: { proxyInjector: { injectCaFrom: 'linkerd/my-injector-cert' }, identity: { issuer: { issuanceLifetime: '12h0m0s' } } } },
    }),
  );
  assert.equal(mesh.values.identity.issuer.scheme, 'kubernetes.io/tls');
  assert.equal(mesh.values.identity.issuer.issuanceLifetime, '12h0m0s');
  const hook = objs.find((o) => o.metadata.name === 'linkerd-proxy-injector-webhook-config')!;
  assert.equal(hook.metadata.annotations?.['cert-manager.io/inject-ca-from'], 'linkerd/my-injector-cert');
});

test('the values overlays', () => {
  const r = resolveCertManagerIdentity({}, { controlPlaneNamespace: 'l5d', vizNamespace: 'v' });
  assert.deepEqual(certManagerControlPlaneValues(r), {
    identity: { issuer: { scheme: 'kubernetes.io/tls' }, externalCA: true },
    proxyInjector: { externalSecret: true, injectCaFrom: 'l5d/linkerd-proxy-injector' },
    profileValidator: { externalSecret: true, injectCaFrom: 'l5d/linkerd-sp-validator' },
    policyValidator: { externalSecret: true, injectCaFrom: 'l5d/linkerd-policy-validator' },
  });
  assert.deepEqual(certManagerVizValues(r), {
    tap: { externalSecret: true, injectCaFrom: 'v/tap' },
    tapInjector: { externalSecret: true, injectCaFrom: 'v/tap-injector' },
  });
});

test('defaults: cert-manager namespace, one generation, upstream guide lifetimes', () => {
  const r = resolveCertManagerIdentity();
  assert.equal(r.namespace, 'cert-manager');
  assert.deepEqual(r.trustAnchors, ['1']);
  assert.equal(r.signingTrustAnchor, '1');
  const cluster = certManagerClusterObjects(r);
  assert.deepEqual(cluster.map((o) => `${o.kind}/${o.metadata.name}`), [
    'Issuer/linkerd-self-signed',
    'Certificate/linkerd-trust-anchor-1',
    'ClusterIssuer/linkerd-trust-anchor-1',
    'Certificate/linkerd-webhook-ca',
    'ClusterIssuer/linkerd-webhook-ca',
    'Bundle/linkerd-identity-trust-roots',
  ]);
  const [issuer] = certManagerControlPlaneObjects(r);
  assert.equal(issuer.spec.duration, '48h');
  assert.equal(issuer.spec.renewBefore, '25h');
});

test('the Pulumi-facing issuer builder is the same definition', () => {
  const r = resolveCertManagerIdentity({ trustAnchors: ['x'] });
  const [fromMode] = certManagerControlPlaneObjects(r);
  const direct = identityIssuerCertificate({
    namespace: 'linkerd',
    trustDomain: 'cluster.local',
    issuerRef: { name: 'linkerd-trust-anchor-x', kind: 'ClusterIssuer' },
    labels: fromMode.metadata.labels,
  });
  assert.deepEqual(direct, fromMode);
});

test('validation collects every problem with its path, value and what is allowed', () => {
  let error: unknown;
  try {
    render(spec({ identity: { certManager: { trustAnchors: ['ok', 'Bad_Gen', 'ok'], signingTrustAnchor: 'missing', issuerRenewBefore: '72h', webhookDuration: '10m', namespace: 'Cert Manager' } } }));
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof MeshformError, String(error));
  const byPath = new Map(error.issues.map((i) => [i.path, i]));
  assert.deepEqual([...byPath.keys()].sort(), [
    'identity.certManager.issuerRenewBefore',
    'identity.certManager.namespace',
    'identity.certManager.signingTrustAnchor',
    'identity.certManager.trustAnchors[1]',
    'identity.certManager.trustAnchors[2]',
    'identity.certManager.webhookDuration',
  ]);
  assert.equal(byPath.get('identity.certManager.trustAnchors[1]')?.value, 'Bad_Gen');
  assert.match(byPath.get('identity.certManager.trustAnchors[1]')!.message, /^a lowercase RFC 1123 label must consist of .* \(so that linkerd-trust-anchor-<generation> is a valid name\)$/);
  assert.match(byPath.get('identity.certManager.trustAnchors[2]')!.message, /twice/);
  assert.equal(byPath.get('identity.certManager.signingTrustAnchor')?.value, 'missing');
  assert.match(byPath.get('identity.certManager.signingTrustAnchor')!.message, /one of trustAnchors \("ok", "Bad_Gen", "ok"\)/);
  assert.match(byPath.get('identity.certManager.issuerRenewBefore')!.message, /shorter than issuerDuration \(48h\)/);
  assert.match(byPath.get('identity.certManager.webhookDuration')!.message, /at least 1h/);
  assert.match(error.message, /6 problems/);
});

test('validation: empty generations, long generation names, bad durations', () => {
  assert.deepEqual(validateCertManagerIdentity({}), []);
  const empty = validateCertManagerIdentity({ trustAnchors: [] });
  assert.deepEqual(empty.map((i) => i.path), ['identity.certManager.trustAnchors']);
  const long = validateCertManagerIdentity({ trustAnchors: ['g'.repeat(43)], trustAnchorDuration: 'ten years' }, {}, 'certManager');
  assert.deepEqual(long.map((i) => i.path), ['certManager.trustAnchors[0]', 'certManager.trustAnchorDuration']);
  assert.deepEqual(validateCertManagerIdentity({ trustAnchors: ['g'.repeat(42)] }), []);
});

test('a misspelt option is refused with a suggestion, not ignored', () => {
  const issues = validateCertManagerIdentity({ trustAnchor: ['2'], issuerDuraton: '2h', labels: { free: 'form' } } as never);
  assert.deepEqual(
    issues.map((i) => `${i.path}: ${i.message}`),
    ['identity.certManager.trustAnchor: unknown key (did you mean "trustAnchors"?)', 'identity.certManager.issuerDuraton: unknown key (did you mean "issuerDuration"?)'],
  );
});
