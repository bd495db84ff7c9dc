/**
 * Generated identity and webhook certificates carry what Linkerd and the API server require, and pass
 * the same checks `meshform check` runs.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { checkIdentity } from '../../lib/identity/check.js';
import { generateIssuer, generateTrustAnchor, generateWebhookCert } from '../../lib/identity/generate.js';
import { parsePrivateKeyPem, isEcdsaP256, keyMatchesCertificate } from '../../lib/identity/pem.js';
import { checkWebhookCert } from '../../lib/identity/webhook-certs.js';

const DAY = 86_400_000;

function extensions(pem: string) {
  const cert = new x509.X509Certificate(pem);
  return {
    cert,
    basic: cert.getExtension(x509.BasicConstraintsExtension),
    usage: cert.getExtension(x509.KeyUsagesExtension),
    ski: cert.getExtension(x509.SubjectKeyIdentifierExtension),
    aki: cert.getExtension(x509.AuthorityKeyIdentifierExtension),
    san: cert.getExtension(x509.SubjectAlternativeNameExtension),
  };
}

describe('generateTrustAnchor / generateIssuer', () => {
  it('make an anchor and issuer that pass every linkerd-identity check', async () => {
    const anchor = await generateTrustAnchor({ trustDomain: 'example.org' });
    const issuer = await generateIssuer({ anchor, trustDomain: 'example.org' });
    const findings = checkIdentity({
      trustAnchorsPem: anchor.certificatePem,
      issuerCertificatePem: issuer.certificatePem,
      issuerKeyPem: issuer.privateKeyPem,
      trustDomain: 'example.org',
    });
    assert.deepEqual(findings.filter((f) => f.severity !== 'ok'), []);
    assert.equal(findings.length, 8);
  });

  it('carry Linkerd\'s required properties', async () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const anchor = await generateTrustAnchor({ notBefore });
    const issuer = await generateIssuer({ anchor, notBefore });
    for (const [pair, pathLength, days] of [
      [anchor, 1, 3650],
      [issuer, 0, 365],
    ] as const) {
      const { cert, basic, usage, ski, san } = extensions(pair.certificatePem);
      assert.equal(cert.subject, 'CN=identity.linkerd.cluster.local');
      assert.deepEqual(san?.names.toJSON(), [{ type: 'dns', value: 'identity.linkerd.cluster.local' }]);
      assert.equal(basic?.ca, true);
      assert.equal(basic?.critical, true);
      assert.equal(basic?.pathLength, pathLength);
      assert.equal(usage?.usages, x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
      assert.equal(usage?.critical, true);
      assert.ok(ski?.keyId);
      assert.equal(cert.notBefore.getTime(), notBefore.getTime());
      assert.equal(cert.notAfter.getTime() - notBefore.getTime(), days * DAY);
      assert.match(pair.privateKeyPem, /^-----BEGIN EC PRIVATE KEY-----\n/);
      const key = parsePrivateKeyPem(pair.privateKeyPem);
      assert.ok(key.ok && isEcdsaP256(key.value));
      assert.ok(key.ok && keyMatchesCertificate(new X509Certificate(pair.certificatePem), key.value));
    }
    const { cert: anchorCert, ski: anchorSki } = extensions(anchor.certificatePem);
    const { cert: issuerCert, aki } = extensions(issuer.certificatePem);
    assert.equal(aki?.keyId, anchorSki?.keyId);
    assert.equal(issuerCert.issuer, anchorCert.subject);
    assert.ok(await issuerCert.verify({ publicKey: anchorCert.publicKey, signatureOnly: true }, globalThis.crypto));
  });

  it('refuses a non-positive validity', async () => {
    await assert.rejects(generateTrustAnchor({ validityDays: 0 }), /validityDays must be a positive number/);
  });
});

describe('generateWebhookCert', () => {
  for (const [service, namespace] of [
    ['linkerd-proxy-injector', 'linkerd'],
    ['linkerd-sp-validator', 'linkerd'],
    ['linkerd-policy-validator', 'linkerd'],
    ['tap', 'linkerd-viz'],
    ['tap-injector', 'linkerd-viz'],
  ] as const) {
    it(`serves ${service}.${namespace}.svc and verifies against its caBundle`, async () => {
      const w = await generateWebhookCert({ serviceName: service, namespace });
      const { cert, basic, san } = extensions(w.certificatePem);
      assert.deepEqual(san?.names.toJSON(), [{ type: 'dns', value: `${service}.${namespace}.svc` }]);
      assert.equal(basic?.ca, false);
      const ca = new x509.X509Certificate(w.caBundlePem);
      assert.ok(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }, globalThis.crypto));
      assert.ok(new X509Certificate(w.certificatePem).checkIssued(new X509Certificate(w.caBundlePem)));
      const key = parsePrivateKeyPem(w.privateKeyPem);
      assert.ok(key.ok && keyMatchesCertificate(new X509Certificate(w.certificatePem), key.value));
    });
  }

  it('passes the webhook cert checks, and fails them for another namespace', async () => {
    const w = await generateWebhookCert({ serviceName: 'linkerd-proxy-injector', namespace: 'linkerd' });
    const ok = checkWebhookCert({ name: 'proxy-injector', certificatePem: w.certificatePem, caBundlePem: w.caBundlePem });
    assert.deepEqual(ok.map((f) => [f.check, f.severity]), [
      ['proxy-injector webhook has valid cert', 'ok'],
      ['proxy-injector cert is valid for at least 60 days', 'ok'],
    ]);
    const moved = checkWebhookCert({ name: 'proxy-injector', certificatePem: w.certificatePem, caBundlePem: w.caBundlePem, namespace: 'mesh' });
    assert.equal(moved[0].severity, 'error');
    assert.match(moved[0].message, /is not valid for linkerd-proxy-injector\.mesh\.svc/);
  });
});
