/** The local identity store: generate once, reuse byte for byte, keys 0600, values overlays. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { checkIdentity } from '../../lib/identity/check.js';
import { identityValuesOverlay, loadOrCreateIdentity, vizTlsOverlay } from '../../lib/identity/store.js';
import { checkWebhookCert } from '../../lib/identity/webhook-certs.js';
import { getPath } from '../../lib/values/tree.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-identity-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('loadOrCreateIdentity', () => {
  it('generates on the first call, then reuses byte-identical PEMs', async () => {
    const dir = join(root, 'reuse', '.meshform', 'identity');
    const logs: string[] = [];
    const first = await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd', log: (m) => logs.push(m) });
    assert.equal(first.generated.length, 4 + 5 * 3);
    assert.equal(logs.length, 1);
    assert.match(logs[0], new RegExp(`generated identity and webhook certificates in ${dir.replace(/[.]/g, '\\.')}`));

    const again: string[] = [];
    const second = await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd', log: (m) => again.push(m) });
    assert.deepEqual(second.generated, []);
    assert.deepEqual(again, []);
    assert.deepEqual(identityValuesOverlay(second), identityValuesOverlay(first));
    assert.deepEqual(vizTlsOverlay(second), vizTlsOverlay(first));
    assert.equal(second.trustAnchor.certificatePem, first.trustAnchor.certificatePem);
    assert.equal(second.issuer.privateKeyPem, first.issuer.privateKeyPem);
  });

  it('writes private keys 0600 and keeps the directory out of git', async () => {
    const dir = join(root, 'modes');
    await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
    const files = readdirSync(dir);
    const keys = files.filter((f) => f.endsWith('.key'));
    assert.deepEqual(keys.sort(), [
      'issuer.key',
      'policy-validator.key',
      'proxy-injector.key',
      'sp-validator.key',
      'tap-injector.key',
      'tap.key',
      'trust-anchor.key',
    ]);
    for (const f of keys) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
    assert.ok(files.includes('.gitignore'));
    assert.ok(!files.some((f) => f.endsWith('.tmp')));
  });

  it('produces material that passes the checks and overlays shaped like upstream values', async () => {
    const dir = join(root, 'overlay');
    const id = await loadOrCreateIdentity(dir, { trustDomain: 'example.org', namespace: 'mesh' });
    const values = identityValuesOverlay(id);
    const findings = checkIdentity({
      trustAnchorsPem: getPath(values, 'identityTrustAnchorsPEM') as string,
      issuerCertificatePem: getPath(values, 'identity.issuer.tls.crtPEM') as string,
      issuerKeyPem: getPath(values, 'identity.issuer.tls.keyPEM') as string,
      trustDomain: 'example.org',
    });
    assert.deepEqual(findings.filter((f) => f.severity !== 'ok'), []);
    for (const [name, key] of [
      ['proxy-injector', 'proxyInjector'],
      ['sp-validator', 'profileValidator'],
      ['policy-validator', 'policyValidator'],
    ]) {
      const w = checkWebhookCert({
        name,
        certificatePem: getPath(values, `${key}.crtPEM`) as string,
        caBundlePem: getPath(values, `${key}.caBundle`) as string,
        namespace: 'mesh',
      });
      assert.deepEqual(w.map((f) => f.severity), ['ok', 'ok'], name);
      assert.match(getPath(values, `${key}.keyPEM`) as string, /BEGIN EC PRIVATE KEY/);
    }
    const viz = vizTlsOverlay(id);
    assert.deepEqual(Object.keys(viz), ['tap', 'tapInjector']);
    const tap = checkWebhookCert({ name: 'tap', certificatePem: getPath(viz, 'tap.crtPEM') as string, caBundlePem: getPath(viz, 'tap.caBundle') as string });
    assert.deepEqual(tap.map((f) => f.severity), ['ok', 'ok']);
  });

  it('refuses to reuse material made for another trust domain', async () => {
    const dir = join(root, 'domain');
    await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
    await assert.rejects(
      loadOrCreateIdentity(dir, { trustDomain: 'example.org', namespace: 'linkerd' }),
      (e: unknown) => e instanceof MeshformError && /trust-anchor\.crt was generated for another trust domain/.test(e.message),
    );
  });

  it('regenerates only what is missing, and the issuer with a new anchor', async () => {
    const dir = join(root, 'partial');
    const first = await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
    rmSync(join(dir, 'tap.key'));
    const second = await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
    assert.deepEqual([...second.generated].sort(), ['tap-ca.crt', 'tap.crt', 'tap.key']);
    assert.equal(second.issuer.certificatePem, first.issuer.certificatePem);

    writeFileSync(join(dir, 'unrelated'), 'x');
    rmSync(join(dir, 'trust-anchor.key'));
    const third = await loadOrCreateIdentity(dir, { trustDomain: 'cluster.local', namespace: 'linkerd' });
    assert.notEqual(third.issuer.certificatePem, first.issuer.certificatePem);
    const findings = checkIdentity({
      trustAnchorsPem: third.trustAnchor.certificatePem,
      issuerCertificatePem: third.issuer.certificatePem,
      issuerKeyPem: third.issuer.privateKeyPem,
      trustDomain: 'cluster.local',
    });
    assert.deepEqual(findings.filter((f) => f.severity !== 'ok'), []);
  });
});
