/**
 * Identity verdicts as upstream reaches them with Go's crypto/x509 (`Cred.Verify(anchors, "")`,
 * `CheckIssuerCertAlgoRequirements`, `DecodePEMCertificates`): each rule on certificates built to
 * break exactly that rule, through `meshform check`'s checks and the render's validation alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { checkIdentity, IDENTITY_CHECKS, type Finding } from '../../lib/identity/check.js';
import { validateMeshIdentity } from '../../lib/values/mesh/validate-identity.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { buildCert, unknownExtension, type BuiltCert, type CertSpec } from '../helpers/cert-builder.js';

const NAME = 'identity.linkerd.cluster.local';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

interface Verdict {
  /** Failed checks of `meshform check`, as `check: message`. */
  readonly errors: readonly string[];
  /** The render's validation issues. */
  readonly render: readonly string[];
}

function verdict(anchors: string, crt: string, key: string): Verdict {
  const findings = checkIdentity({ trustAnchorsPem: anchors, issuerCertificatePem: crt, issuerKeyPem: key, trustDomain: 'cluster.local' });
  const values = { cliVersion: 'edge-26.8.3', identityTrustAnchorsPEM: anchors, identity: { issuer: { scheme: 'linkerd.io/tls', tls: { crtPEM: crt, keyPEM: key } } } };
  return {
    errors: findings.filter((f: Finding) => f.severity === 'error').map((f) => `${f.check}: ${f.message}`),
    render: validateMeshIdentity(values as unknown as MeshValues).map((i) => `${i.path}: ${i.message}`),
  };
}

async function pair(anchorSpec: Partial<CertSpec> = {}, issuerSpec: Partial<CertSpec> = {}): Promise<{ anchor: BuiltCert; issuer: BuiltCert }> {
  const anchor = await buildCert({ cn: NAME, pathLen: 1, ...anchorSpec });
  const issuer = await buildCert({ cn: NAME, pathLen: 0, ...issuerSpec }, anchor);
  return { anchor, issuer };
}

function assertAccepted(v: Verdict): void {
  assert.deepEqual(v.errors, []);
  assert.deepEqual(v.render, []);
}

function assertRefused(v: Verdict, check: string, pattern: RegExp, renderToo = true): void {
  const hit = v.errors.find((e) => e.startsWith(`${check}: `));
  assert.ok(hit, `expected "${check}" to fail; failures: ${JSON.stringify(v.errors)}`);
  assert.match(hit, pattern);
  if (renderToo) assert.ok(v.render.length > 0, 'the render refuses it too');
}

describe('issuer chain verification as Go\'s x509 Verify', () => {
  it('accepts a plain anchor → issuer pair, and an issuer that is itself an anchor', async () => {
    const { anchor, issuer } = await pair();
    assertAccepted(verdict(anchor.pem, issuer.pem, issuer.keyPem));
    assertAccepted(verdict(anchor.pem, anchor.pem, anchor.keyPem));
  });

  it('builds the chain through intermediates given after the issuer in crtPEM, and needs them', async () => {
    const anchor = await buildCert({ cn: 'root' });
    const middle = await buildCert({ cn: 'middle' }, anchor);
    const issuer = await buildCert({ cn: NAME, pathLen: 0 }, middle);
    const v = verdict(anchor.pem, issuer.pem + middle.pem, issuer.keyPem);
    assertAccepted(v);
    const ok = checkIdentity({ trustAnchorsPem: anchor.pem, issuerCertificatePem: issuer.pem + middle.pem, issuerKeyPem: issuer.keyPem, trustDomain: 'cluster.local' });
    assert.match(ok.find((f) => f.check === IDENTITY_CHECKS.issuedByAnchor)?.message ?? '', /chains through 1 intermediate of identity\.issuer\.tls\.crtPEM to trust anchor \(root/);
    assertRefused(verdict(anchor.pem, issuer.pem, issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /issuer name CN=middle\) is not signed by the trust anchor/);
  });

  it('refuses a chain longer than an anchor\'s path length', async () => {
    const anchor = await buildCert({ cn: 'root', pathLen: 0 });
    const middle = await buildCert({ cn: 'middle' }, anchor);
    const issuer = await buildCert({ cn: NAME, pathLen: 0 }, middle);
    assertRefused(verdict(anchor.pem, issuer.pem + middle.pem, issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /trust anchor \(root, serial \w+\) has path length 0 but 1 intermediate follows it/);
  });

  it('refuses an intermediate that is expired, naming it', async () => {
    const anchor = await buildCert({ cn: 'root' });
    const middle = await buildCert({ cn: 'middle', notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2021-01-01T00:00:00Z') }, anchor);
    const issuer = await buildCert({ cn: NAME, pathLen: 0 }, middle);
    const v = verdict(anchor.pem, issuer.pem + middle.pem, issuer.keyPem);
    assertRefused(v, IDENTITY_CHECKS.issuedByAnchor, /intermediate certificate in identity\.issuer\.tls\.crtPEM .*\(middle, serial \w+\) expired on 2021-01-01T00:00:00Z/, false);
    assert.deepEqual(v.render, [], 'a render does not read the clock');
  });

  it('refuses an anchor that is not a CA, or whose keyUsage lacks certSign', async () => {
    const notCa = await pair({ ca: false });
    assertRefused(verdict(notCa.anchor.pem, notCa.issuer.pem, notCa.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /trust anchor \(identity\.linkerd\.cluster\.local, serial \w+\) is not a CA/);
    const noCertSign = await pair({ keyUsage: x509.KeyUsageFlags.digitalSignature });
    assertRefused(verdict(noCertSign.anchor.pem, noCertSign.issuer.pem, noCertSign.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /has a keyUsage without certSign/);
    // Go ignores key usages otherwise: an anchor without the extension signs.
    const noUsage = await pair({ keyUsage: 'absent' });
    assertAccepted(verdict(noUsage.anchor.pem, noUsage.issuer.pem, noUsage.issuer.keyPem));
  });

  it('needs serverAuth, any, or no extended key usage along the chain (Go\'s default usage)', async () => {
    const client = await pair({}, { eku: [CLIENT_AUTH] });
    assertRefused(verdict(client.anchor.pem, client.issuer.pem, client.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /extended key usages clientAuth without serverAuth/);
    const anchorClient = await pair({ eku: [CLIENT_AUTH] });
    assertRefused(verdict(anchorClient.anchor.pem, anchorClient.issuer.pem, anchorClient.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /trust anchor .* clientAuth without serverAuth/);
    const both = await pair({}, { eku: [SERVER_AUTH, CLIENT_AUTH] });
    assertAccepted(verdict(both.anchor.pem, both.issuer.pem, both.issuer.keyPem));
    const any = await pair({}, { eku: ['2.5.29.37.0'] });
    assertAccepted(verdict(any.anchor.pem, any.issuer.pem, any.issuer.keyPem));
  });

  it('refuses unknown critical extensions on the issuer or an anchor, and ignores non-critical ones', async () => {
    const issuer = await pair({}, { extra: [unknownExtension(true)] });
    assertRefused(verdict(issuer.anchor.pem, issuer.issuer.pem, issuer.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /critical extensions Go's x509 does not handle \(1\.3\.6\.1\.4\.1\.99999\.1\)/);
    const anchor = await pair({ extra: [unknownExtension(true)] });
    assertRefused(verdict(anchor.anchor.pem, anchor.issuer.pem, anchor.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /trust anchor .* has critical extensions/);
    const harmless = await pair({ extra: [unknownExtension(false)] }, { extra: [unknownExtension(false)] });
    assertAccepted(verdict(harmless.anchor.pem, harmless.issuer.pem, harmless.issuer.keyPem));
  });

  it('applies an anchor\'s DNS name constraints to the issuer\'s names', async () => {
    const permitted = await pair({ permittedDns: ['cluster.local'] });
    assertAccepted(verdict(permitted.anchor.pem, permitted.issuer.pem, permitted.issuer.keyPem));
    const elsewhere = await pair({ permittedDns: ['example.com'] });
    assertRefused(verdict(elsewhere.anchor.pem, elsewhere.issuer.pem, elsewhere.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /DNS name "identity\.linkerd\.cluster\.local" is not permitted by any constraint/);
    const excluded = await pair({ excludedDns: ['linkerd.cluster.local'] });
    assertRefused(verdict(excluded.anchor.pem, excluded.issuer.pem, excluded.issuer.keyPem), IDENTITY_CHECKS.issuedByAnchor, /is excluded by constraint "linkerd\.cluster\.local"/);
  });

  it('checks the issuer\'s signature algorithm: SHA-1 is insecure to Go, SHA-384 is not what upstream accepts', async () => {
    const sha1 = await pair({}, { hash: 'SHA-1' });
    const v = verdict(sha1.anchor.pem, sha1.issuer.pem, sha1.issuer.keyPem);
    assertRefused(v, IDENTITY_CHECKS.issuerAlgorithm, /is signed with ECDSA-SHA1: must be signed with ECDSA-SHA256 or SHA256-RSA/);
    assertRefused(v, IDENTITY_CHECKS.issuedByAnchor, /ECDSA-SHA1, which Go's x509 refuses as insecure/);
    const sha384 = await pair({}, { hash: 'SHA-384' });
    const w = verdict(sha384.anchor.pem, sha384.issuer.pem, sha384.issuer.keyPem);
    assertRefused(w, IDENTITY_CHECKS.issuerAlgorithm, /is signed with ECDSA-SHA384/);
    assert.equal(w.errors.length, 1, 'the chain itself verifies');
  });

  it('accepts an RSA 2048 anchor signing an ECDSA issuer, and refuses a P-384 issuer', async () => {
    const rsa = await pair({ key: 'rsa2048' });
    assertAccepted(verdict(rsa.anchor.pem, rsa.issuer.pem, rsa.issuer.keyPem));
    const p384 = await pair({}, { key: 'ec384' });
    assertRefused(verdict(p384.anchor.pem, p384.issuer.pem, p384.issuer.keyPem), IDENTITY_CHECKS.issuerAlgorithm, /uses ECDSA P-384: must be ECDSA P-256/);
  });

  it('refuses text after the last PEM block (Go\'s pem.Decode loop) without echoing it, but not trailing whitespace', async () => {
    const { anchor, issuer } = await pair();
    assertAccepted(verdict(`${anchor.pem}\n\n`, `${issuer.pem}  \n`, issuer.keyPem));
    const junk = 'not-a-certificate-SECRET1234';
    const v = verdict(`${anchor.pem}${junk}\n`, issuer.pem, issuer.keyPem);
    assertRefused(v, IDENTITY_CHECKS.configValid, /trust anchors \(identityTrustAnchorsPEM\) has 28 characters of non-PEM text after the last PEM block/);
    assert.ok(![...v.errors, ...v.render].some((m) => m.includes('SECRET1234')));
    assertRefused(verdict(anchor.pem, issuer.pem, `${issuer.keyPem}junk`), IDENTITY_CHECKS.configValid, /issuer private key \(identity\.issuer\.tls\.keyPEM\) has 4 characters of non-PEM text/);
  });

  it('refuses what Go\'s parser refuses: a negative serial number', async () => {
    const anchor = await buildCert({ cn: NAME, pathLen: 1 });
    const issuer = await buildCert({ cn: NAME, pathLen: 0, serial: '0102030405' }, anchor);
    // The generator keeps serials positive: set the sign bit in the DER (the signature breaks, but Go
    // refuses the certificate before looking at it).
    const der = Buffer.from(issuer.cert.rawData);
    const at = der.indexOf(Buffer.from([0x02, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05]));
    assert.ok(at > 0);
    der[at + 2] = 0x81;
    const negative = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
    assertRefused(verdict(anchor.pem, negative, issuer.keyPem), IDENTITY_CHECKS.configValid, /PEM block 1 has a negative serial number/);
  });

  it('refuses an issuer that is not yet valid, naming when it becomes valid', async () => {
    const { anchor, issuer } = await pair({}, { notBefore: new Date('2099-01-01T00:00:00Z') });
    const v = verdict(anchor.pem, issuer.pem, issuer.keyPem);
    assertRefused(v, IDENTITY_CHECKS.issuerValidity, /is not valid before 2099-01-01T00:00:00Z/, false);
    assert.deepEqual(v.errors.map((e) => e.split(':')[0]), [IDENTITY_CHECKS.issuerValidity], 'reported once, by its own check');
  });
});
