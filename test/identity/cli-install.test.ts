/**
 * `meshform install` refuses identity material that fails the certificate checks, as upstream's
 * install does (exit 1, every problem on stderr, nothing on stdout), and its identity flags set the
 * values upstream's flags set. In-process through `main`, on upstream's test certificates and on
 * generated ones.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { generateIssuer, generateTrustAnchor, type CertificateAndKey } from '../../lib/identity/generate.js';

const SHARED = fileURLToPath(new URL('../../../shared/linkerd/', import.meta.url));
const CERTS = join(SHARED, 'certs');
const PINS = join(SHARED, 'cases', 'control-plane-pins.values.yaml');
const skipShared = existsSync(CERTS) && existsSync(PINS) ? false : `upstream test certificates or case values not found under ${SHARED} (../shared absent)`;
const work = mkdtempSync(join(tmpdir(), 'meshform-install-'));
after(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, { cwd: work });

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

function identityValues(name: string, anchors: string, issuer: CertificateAndKey): string {
  return file(name, stringify({ identityTrustAnchorsPEM: anchors, identity: { issuer: { tls: { crtPEM: issuer.certificatePem, keyPEM: issuer.privateKeyPem } } } }));
}

function upstreamSet(set: 'valid' | 'expired'): string {
  const read = (f: string) => readFileSync(join(CERTS, f), 'utf8');
  return identityValues(`${set}.yaml`, read(`${set}-trust-anchors.pem`), { certificatePem: read(`${set}-crt.pem`), privateKeyPem: read(`${set}-key.pem`) });
}

function assertRefused(result: { code: number; stdout: string; stderr: string }, ...patterns: RegExp[]): void {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stdout, '');
  for (const p of patterns) assert.match(result.stderr, p);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

const DAY = 86_400_000;

describe('meshform install and upstream test certificates', { skip: skipShared }, () => {
  it('renders with the valid set', async () => {
    const result = await run(['install', '-f', PINS, '-f', upstreamSet('valid')]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes('kind: Deployment'));
  });

  it('renders the valid set under another trust domain, warning about the issuer name on stderr', async () => {
    // Upstream verifies the issuer against the anchors without a DNS name (it is a CA, not a leaf).
    for (const domain of ['example.com', 'cluster.example']) {
      const result = await run(['install', '-f', PINS, '-f', upstreamSet('valid'), '--set', `clusterDomain=${domain}`]);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.includes('kind: Deployment'));
      assert.match(result.stderr, new RegExp(`warning: .*is not named identity\\.linkerd\\.${domain.replace('.', '\\.')}`));
    }
  });

  it('refuses the expired set, naming each certificate and when it expired, with nothing on stdout', async () => {
    assertRefused(
      await run(['install', '-f', PINS, '-f', upstreamSet('expired')]),
      /identityTrustAnchorsPEM: trust anchors are within their validity period: trust anchor \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990-01-01T01:01:11Z/,
      /identity\.issuer\.tls\.crtPEM: issuer cert is within its validity period: issuer certificate identity\.linkerd\.cluster\.local expired on 1990-01-01T01:01:11Z/,
    );
  });

  it('reports the identity and the webhook problems of one values file together', async () => {
    // A webhook value given (here only its CA bundle) is the user's to complete: the store does not fill it.
    assertRefused(await run(['install', '-f', upstreamSet('expired'), '--set', 'proxyInjector.caBundle=ca']), /expired on 1990/, /proxyInjector\.crtPEM/);
  });

  it('takes the certificates from the identity file flags', async () => {
    const viaFlags = await run([
      'install',
      '-f',
      PINS,
      '--identity-trust-anchors-file',
      join(CERTS, 'expired-trust-anchors.pem'),
      '--identity-issuer-certificate-file',
      join(CERTS, 'expired-crt.pem'),
      '--identity-issuer-key-file',
      join(CERTS, 'expired-key.pem'),
    ]);
    // -f wins over the flags, as upstream merges value options last: the pins' valid certificates render.
    assert.equal(viaFlags.code, 0, viaFlags.stderr);
    const flagsOnly = await run(['install', '--set', 'proxyInjector.externalSecret=true', '--identity-trust-anchors-file', join(CERTS, 'expired-trust-anchors.pem')]);
    assertRefused(flagsOnly, /trust anchor \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990-01-01T01:01:11Z/);
  });

  it('--identity-external-issuer renders no issuer Secret and refuses issuer files', async () => {
    const result = await run(['install', '-f', PINS, '--identity-external-issuer']);
    assert.equal(result.code, 0, result.stderr);
    const kinds = parseAllDocuments(result.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    assert.ok(!kinds.some((o) => o.kind === 'Secret' && o.metadata.name === 'linkerd-identity-issuer'));
    assert.ok(kinds.some((o) => o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-identity-trust-roots'));
    assert.match(result.stdout, /scheme: kubernetes\.io\/tls/);
    // Contradicting flags are a usage error.
    const conflict = await run(['install', '-f', PINS, '--identity-external-issuer', '--identity-issuer-key-file', join(CERTS, 'valid-key.pem')]);
    assert.equal(conflict.code, 2);
    assert.equal(conflict.stdout, '');
    assert.match(conflict.stderr, /--identity-issuer-key-file cannot be used with --identity-external-issuer/);
  });

  it('--identity-external-issuer without trust anchors says where they must come from offline', async () => {
    assertRefused(
      await run(['install', '-f', PINS, '--identity-external-issuer', '--set', 'identityTrustAnchorsPEM=']),
      /identityTrustAnchorsPEM: is required with an external issuer .*--identity-trust-anchors-file/,
    );
    const externalCA = await run(['install', '-f', PINS, '--identity-external-issuer', '--identity-external-ca', '--set', 'identityTrustAnchorsPEM=']);
    assert.equal(externalCA.code, 0, externalCA.stderr);
    const objects = parseAllDocuments(externalCA.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    assert.ok(!objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-identity-trust-roots'));
  });

  it('refuses an issuer that is not yet valid, and one signed by another anchor', async () => {
    const anchor = await generateTrustAnchor();
    const other = await generateTrustAnchor();
    const future = await generateIssuer({ anchor, notBefore: new Date(Date.now() + 10 * DAY) });
    assertRefused(
      await run(['install', '-f', PINS, '-f', identityValues('future.yaml', anchor.certificatePem, future)]),
      /issuer cert is within its validity period: issuer certificate identity\.linkerd\.cluster\.local is not valid before 20\d\d-/,
    );
    const foreign = await generateIssuer({ anchor: other });
    assertRefused(
      await run(['install', '-f', PINS, '-f', identityValues('foreign.yaml', anchor.certificatePem, foreign)]),
      /issuer cert is issued by the trust anchor: issuer certificate .* is not signed by the trust anchor/,
    );
  });

  it('renders, with a warning on stderr, an issuer expiring within 60 days', async () => {
    const anchor = await generateTrustAnchor();
    const soon = await generateIssuer({ anchor, validityDays: 30 });
    const result = await run(['install', '-f', PINS, '-f', identityValues('soon.yaml', anchor.certificatePem, soon)]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: issuer cert is valid for at least 60 days: issuer certificate .* will expire on /);
  });
});

describe('meshform install --cert-manager', () => {
  it('renders cert-manager and trust-manager objects then the control plane, with no certificate or key, identically twice', async () => {
    const first = await run(['install', '--cert-manager']);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stdout, /PRIVATE KEY|BEGIN/);
    assert.equal((await run(['install', '--cert-manager'])).stdout, first.stdout);
    const objects = parseAllDocuments(first.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } });
    const names = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    assert.ok(names.includes('Bundle//linkerd-identity-trust-roots'));
    assert.ok(names.includes('ClusterIssuer//linkerd-trust-anchor-1'));
    assert.ok(names.includes('Certificate/linkerd/linkerd-identity-issuer'));
    // The Namespace precedes the Certificates that live in it.
    assert.ok(names.indexOf('Namespace//linkerd') < names.indexOf('Certificate/linkerd/linkerd-identity-issuer'));
    assert.ok(!objects.some((o) => o.kind === 'Secret'));
    assert.ok(!objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-identity-trust-roots'));
    assert.match(first.stdout, /cert-manager\.io\/inject-ca-from: linkerd\/linkerd-proxy-injector/);
  });

  it('puts the anchors in --cert-manager-namespace and refuses what contradicts the mode', async () => {
    const moved = await run(['install', '--cert-manager', '--cert-manager-namespace', 'certs']);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(moved.stdout, /name: linkerd-trust-anchor-1\n {2}namespace: certs\n/);
    assertRefused(await run(['install', '--cert-manager', '--cert-manager-namespace', 'Bad_NS']), /--cert-manager-namespace = "Bad_NS": a lowercase RFC 1123 label must consist of/);
    // Contradicting flags are usage errors (exit 2), all named at once.
    const conflicts = await run(['install', '--cert-manager', '--identity-issuer-certificate-file', 'issuer.crt', '--identity-issuer-key-file', 'issuer.key']);
    assert.equal(conflicts.code, 2);
    assert.equal(conflicts.stdout, '');
    assert.match(conflicts.stderr, /--identity-issuer-certificate-file cannot be used with --cert-manager; --identity-issuer-key-file cannot be used with --cert-manager/);
    const stray = await run(['install', '--cert-manager-namespace', 'certs', '--identity-external-ca']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /--cert-manager-namespace only applies with --cert-manager/);
    const crds = await run(['install', '--crds', '--cert-manager', '--identity-external-ca']);
    assert.equal(crds.code, 2);
    assert.match(crds.stderr, /--identity-external-ca, --cert-manager configures the control plane and cannot be used with --crds/);
  });

  it('viz install --cert-manager has cert-manager issue tap and tap-injector certificates', async () => {
    const viz = await run(['viz', 'install', '--cert-manager']);
    assert.equal(viz.code, 0, viz.stderr);
    assert.doesNotMatch(viz.stdout, /PRIVATE KEY|BEGIN|kind: Secret/);
    assert.match(viz.stdout, /cert-manager\.io\/inject-ca-from: linkerd-viz\/tap\n/);
    assert.match(viz.stdout, /cert-manager\.io\/inject-ca-from: linkerd-viz\/tap-injector\n/);
    assert.match(viz.stdout, /kind: Certificate\nmetadata:\n(.*\n)*? {2}name: tap-injector\n {2}namespace: linkerd-viz\n/);
  });
});
