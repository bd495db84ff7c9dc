/**
 * linkerd-identity checks against upstream's fixed test certificates (read from ../shared at run time)
 * and against certificates made for the purpose.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { checkIdentity, IDENTITY_CHECKS, type Finding } from '../../lib/identity/check.js';
import { generateIssuer, generateTrustAnchor } from '../../lib/identity/generate.js';

const CERTS = fileURLToPath(new URL('../../../shared/linkerd/certs/', import.meta.url));
const HAVE_CERTS = existsSync(CERTS);
const skipShared = HAVE_CERTS ? false : `upstream test certificates not found at ${CERTS} (../shared absent)`;
const cert = (name: string) => readFileSync(`${CERTS}${name}`, 'utf8');
const NOW = new Date('2026-01-15T00:00:00Z');

function byCheck(findings: readonly Finding[], check: string): Finding {
  const f = findings.find((x) => x.check === check);
  assert.ok(f, `no finding for "${check}" in ${JSON.stringify(findings.map((x) => x.check))}`);
  return f;
}

function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'ok');
}

describe('checkIdentity with upstream test certificates', { skip: skipShared }, () => {
  it('passes every check for the valid set', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem'),
      issuerCertificatePem: cert('valid-crt.pem'),
      issuerKeyPem: cert('valid-key.pem'),
      trustDomain: 'cluster.local',
      now: NOW,
    });
    assert.deepEqual(findings.map((f) => f.check), Object.values(IDENTITY_CHECKS));
    assert.deepEqual(problems(findings), []);
    assert.ok(findings.every((f) => f.category === 'linkerd-identity'));
  });

  it('fails the expired set, naming the certificates and when they expired', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('expired-trust-anchors.pem'),
      issuerCertificatePem: cert('expired-crt.pem'),
      issuerKeyPem: cert('expired-key.pem'),
      trustDomain: 'cluster.local',
      now: NOW,
    });
    const anchors = byCheck(findings, IDENTITY_CHECKS.anchorsValidity);
    assert.equal(anchors.severity, 'error');
    assert.match(anchors.message, /trust anchor \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990-01-01T01:01:11Z/);
    const issuer = byCheck(findings, IDENTITY_CHECKS.issuerValidity);
    assert.equal(issuer.severity, 'error');
    assert.equal(issuer.message, 'issuer certificate identity.linkerd.cluster.local expired on 1990-01-01T01:01:11Z');
  });

  it('fails an issuer not signed by the anchor even though the names match (signature, not names)', () => {
    // expired-crt.pem names the same issuer CN as valid-trust-anchors.pem's subject.
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem'),
      issuerCertificatePem: cert('expired-crt.pem'),
      issuerKeyPem: cert('expired-key.pem'),
      trustDomain: 'cluster.local',
      now: NOW,
    });
    const f = byCheck(findings, IDENTITY_CHECKS.issuedByAnchor);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /is not signed by the trust anchor/);
  });

  it('fails when the issuer key does not match the issuer certificate', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem'),
      issuerCertificatePem: cert('valid-crt.pem'),
      issuerKeyPem: cert('expired-key.pem'),
      trustDomain: 'cluster.local',
      now: NOW,
    });
    const f = byCheck(findings, IDENTITY_CHECKS.configValid);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /issuer private key does not match issuer certificate identity\.linkerd\.cluster\.local/);
  });

  it('only warns about an issuer named under another trust domain (upstream verifies without a DNS name)', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem'),
      issuerCertificatePem: cert('valid-crt.pem'),
      issuerKeyPem: cert('valid-key.pem'),
      trustDomain: 'example.org',
      now: NOW,
    });
    const f = byCheck(findings, IDENTITY_CHECKS.issuedByAnchor);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /is not named identity\.linkerd\.example\.org \(its DNS names: identity\.linkerd\.cluster\.local\)/);
    assert.deepEqual(problems(findings).map((p) => p.check), [IDENTITY_CHECKS.issuedByAnchor]);
  });

  it('warns, without failing, within 60 days of the test certificates expiring', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem'),
      issuerCertificatePem: cert('valid-crt.pem'),
      issuerKeyPem: cert('valid-key.pem'),
      trustDomain: 'cluster.local',
      now: new Date('2030-07-27T00:00:00Z'),
    });
    assert.deepEqual(
      problems(findings).map((f) => [f.check, f.severity]),
      [
        [IDENTITY_CHECKS.anchorsExpiringSoon, 'warning'],
        [IDENTITY_CHECKS.issuerExpiringSoon, 'warning'],
      ],
    );
    assert.match(byCheck(findings, IDENTITY_CHECKS.issuerExpiringSoon).message, /will expire on 2030-08-26T07:13:47Z \(in 30 days\)/);
  });

  it('names which anchor of a bundle is expired', () => {
    const findings = checkIdentity({
      trustAnchorsPem: cert('valid-trust-anchors.pem') + cert('expired-trust-anchors.pem'),
      issuerCertificatePem: cert('valid-crt.pem'),
      issuerKeyPem: cert('valid-key.pem'),
      trustDomain: 'cluster.local',
      now: NOW,
    });
    const f = byCheck(findings, IDENTITY_CHECKS.anchorsValidity);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^trust anchor 2 of 2 \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990/);
    assert.equal(byCheck(findings, IDENTITY_CHECKS.issuedByAnchor).severity, 'ok');
  });
});

describe('checkIdentity with generated certificates', () => {
  it('fails an RSA issuer: "must be ECDSA P-256"', async () => {
    const anchor = await generateTrustAnchor();
    const issuer = await rsaIssuer(anchor.certificatePem, anchor.privateKeyPem);
    const findings = checkIdentity({ trustAnchorsPem: anchor.certificatePem, ...issuer, trustDomain: 'cluster.local' });
    const f = byCheck(findings, IDENTITY_CHECKS.issuerAlgorithm);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'issuer certificate identity.linkerd.cluster.local uses RSA 2048: must be ECDSA P-256');
    // Everything else about it is fine: the failure is the algorithm alone.
    assert.deepEqual(problems(findings).map((x) => x.check), [IDENTITY_CHECKS.issuerAlgorithm]);
  });

  it('warns, without failing, for an issuer expiring in 30 days', async () => {
    const anchor = await generateTrustAnchor();
    const issuer = await generateIssuer({ anchor, validityDays: 30 });
    const findings = checkIdentity({
      trustAnchorsPem: anchor.certificatePem,
      issuerCertificatePem: issuer.certificatePem,
      issuerKeyPem: issuer.privateKeyPem,
      trustDomain: 'cluster.local',
    });
    assert.deepEqual(problems(findings).map((f) => [f.check, f.severity]), [[IDENTITY_CHECKS.issuerExpiringSoon, 'warning']]);
    assert.match(byCheck(findings, IDENTITY_CHECKS.issuerExpiringSoon).message, /^issuer certificate identity\.linkerd\.cluster\.local will expire on \d{4}-\d\d-\d\dT.*Z \(in 29 days\)$/);
  });

  it('reports unparseable material under "certificate config is valid" and skips what depends on it', () => {
    const findings = checkIdentity({ trustAnchorsPem: 'not a pem', issuerCertificatePem: '', issuerKeyPem: '', trustDomain: 'cluster.local' });
    assert.deepEqual(findings.map((f) => f.check), [IDENTITY_CHECKS.configValid]);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /trust anchors \(identityTrustAnchorsPEM\) contains no PEM block/);
    assert.match(findings[0].message, /no issuer certificate given/);
  });

  it('skips the issuer checks for an external (cert-manager) issuer', async () => {
    const anchor = await generateTrustAnchor();
    const findings = checkIdentity({ trustAnchorsPem: anchor.certificatePem, trustDomain: 'cluster.local', externalIssuer: true });
    assert.deepEqual(problems(findings), []);
    assert.ok(!findings.some((f) => f.check.startsWith('issuer')));
  });
});

/** An RSA 2048 issuer with otherwise correct Linkerd properties, signed by the (ECDSA) anchor. */
async function rsaIssuer(anchorPem: string, anchorKeyPem: string): Promise<{ issuerCertificatePem: string; issuerKeyPem: string }> {
  const crypto = webcrypto as unknown as Crypto;
  const anchor = new x509.X509Certificate(anchorPem);
  const signingKey = await crypto.subtle.importKey(
    'pkcs8',
    createPrivateKey(anchorKeyPem).export({ format: 'der', type: 'pkcs8' }),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  const keys = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const name = 'identity.linkerd.cluster.local';
  const issuer = await x509.X509CertificateGenerator.create(
    {
      subject: `CN=${name}`,
      issuer: anchor.subjectName,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 365 * 86_400_000),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      publicKey: keys.publicKey,
      signingKey,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }]),
        await x509.AuthorityKeyIdentifierExtension.create(anchor.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const keyDer = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    issuerCertificatePem: issuer.toString('pem'),
    issuerKeyPem: createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}
