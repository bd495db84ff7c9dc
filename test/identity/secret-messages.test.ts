/**
 * Broken private keys (issuer and webhooks) are refused, and no message echoes any part of them:
 * errors name the field path and the kind of problem only. Webhook key pairs are checked as
 * upstream's check does (the key parses and matches the certificate).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { generateIssuer, generateTrustAnchor, generateWebhookCert, type CertificateAndKey, type WebhookCertificate } from '../../lib/identity/generate.js';
import { checkWebhookCert } from '../../lib/identity/webhook-certs.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'meshform-secret-messages-'));
after(() => rmSync(work, { recursive: true, force: true }));

let anchor: CertificateAndKey;
let issuer: CertificateAndKey;
let injector: WebhookCertificate;
let tap: WebhookCertificate;
before(async () => {
  anchor = await generateTrustAnchor();
  issuer = await generateIssuer({ anchor });
  injector = await generateWebhookCert({ serviceName: 'linkerd-proxy-injector', namespace: 'linkerd' });
  tap = await generateWebhookCert({ serviceName: 'tap', namespace: 'linkerd-viz' });
});

/** The base64 body of a PEM key, and variants of it broken in different ways. */
function brokenKeys(keyPem: string): Record<string, string> {
  const body = keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
  const corrupt = body.map((l, i) => (i === 1 ? `${l.slice(0, 10)}${l.slice(10, 30).split('').reverse().join('')}${l.slice(30)}` : l));
  return {
    corrupted: keyPem.replace(body.join('\n'), corrupt.join('\n')),
    'without PEM armour': body.join('\n'),
    truncated: keyPem.slice(0, Math.floor(keyPem.length * 0.7)),
    'wrong label': keyPem.replace(/EC PRIVATE KEY/g, 'CERTIFICATE'),
    'trailing text': `${keyPem}${body[1]}`,
  };
}

/** Fails when `output` contains any 8 characters in a row of the key's base64 body. */
function assertNoKeyMaterial(output: string, keyPem: string): void {
  const body = keyPem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  const flat = output.replace(/\s+/g, '');
  for (let i = 0; i + 8 <= body.length; i++) {
    const piece = body.slice(i, i + 8);
    assert.ok(!flat.includes(piece), `output contains key material "${piece}" (offset ${i}):\n${output}`);
  }
}

function file(name: string, values: object): string {
  const path = join(work, name);
  writeFileSync(path, stringify(values));
  return path;
}

function identity(keyPEM = issuer.privateKeyPem): object {
  return { identityTrustAnchorsPEM: anchor.certificatePem, identity: { issuer: { tls: { crtPEM: issuer.certificatePem, keyPEM } } } };
}

function assertRefusedQuietly(result: CliResult, keyPem: string, path: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, path);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assertNoKeyMaterial(result.stderr, keyPem);
}

describe('broken private keys in messages', () => {
  it('install refuses a broken issuer key, naming identity.issuer.tls.keyPEM and never its contents', async () => {
    for (const [kind, key] of Object.entries(brokenKeys(issuer.privateKeyPem))) {
      const result = await runCli(['install', '-f', file(`issuer-${kind}.yaml`, identity(key))], { cwd: work });
      assertRefusedQuietly(result, issuer.privateKeyPem, /identity\.issuer\.tls\.keyPEM/);
      const check = await runCli(['check', '-f', file(`issuer-${kind}.yaml`, identity(key))], { cwd: work });
      assert.equal(check.code, 1, kind);
      assertNoKeyMaterial(check.stdout + check.stderr, issuer.privateKeyPem);
    }
  });

  it('install and check refuse a broken webhook key, naming proxyInjector.keyPEM and never its contents', async () => {
    for (const [kind, key] of Object.entries(brokenKeys(injector.privateKeyPem))) {
      const values = { ...identity(), proxyInjector: { crtPEM: injector.certificatePem, keyPEM: key, caBundle: injector.caBundlePem } };
      const result = await runCli(['install', '-f', file(`injector-${kind}.yaml`, values)], { cwd: work });
      assertRefusedQuietly(result, injector.privateKeyPem, /proxyInjector\.(keyPEM|crtPEM)/);
      const check = await runCli(['check', '-f', file(`injector-${kind}.yaml`, values)], { cwd: work });
      assert.equal(check.code, 1, kind);
      assert.match(check.stdout, /× proxy-injector webhook has valid cert\n {4}proxy-injector private key \(proxyInjector\.keyPEM\) /);
      assertNoKeyMaterial(check.stdout + check.stderr, injector.privateKeyPem);
    }
  });

  it('never shows a key given with the wrong type (a map or a list holding the PEM)', async () => {
    for (const [kind, key] of [['map', { pem: issuer.privateKeyPem }], ['list', [issuer.privateKeyPem]]] as const) {
      const result = await runCli(['install', '-f', file(`typed-${kind}.yaml`, identity(key as unknown as string))], { cwd: work });
      assertRefusedQuietly(result, issuer.privateKeyPem, new RegExp(`identity\\.issuer\\.tls\\.keyPEM: .*must be a PEM string, got a ${kind}`));
      const values = { ...identity(), proxyInjector: { crtPEM: injector.certificatePem, keyPEM: key, caBundle: injector.caBundlePem } };
      const webhook = await runCli(['install', '-f', file(`typed-injector-${kind}.yaml`, values)], { cwd: work });
      assertRefusedQuietly(webhook, issuer.privateKeyPem, /proxyInjector\.keyPEM/);
    }
  });

  it('check refuses a broken tap key without echoing it', async () => {
    const values = { ...identity(), tap: { crtPEM: tap.certificatePem, keyPEM: brokenKeys(tap.privateKeyPem).corrupted, caBundle: tap.caBundlePem } };
    const check = await runCli(['check', '-f', file('tap.yaml', values)], { cwd: work });
    assert.equal(check.code, 1);
    assert.match(check.stdout, /tap private key \(tap\.keyPEM\) is not a valid private key/);
    assertNoKeyMaterial(check.stdout + check.stderr, tap.privateKeyPem);
  });
});

describe('webhook key pairs', () => {
  it('accepts the matching key and refuses another certificate\'s key', () => {
    const [ok] = checkWebhookCert({ name: 'proxy-injector', certificatePem: injector.certificatePem, keyPem: injector.privateKeyPem, caBundlePem: injector.caBundlePem });
    assert.equal(ok.severity, 'ok', ok.message);
    const [other] = checkWebhookCert({ name: 'proxy-injector', certificatePem: injector.certificatePem, keyPem: tap.privateKeyPem, caBundlePem: injector.caBundlePem });
    assert.equal(other.severity, 'error');
    assert.match(other.message, /proxy-injector private key \(proxyInjector\.keyPEM\) does not match proxy-injector certificate linkerd-proxy-injector\.linkerd\.svc/);
  });

  it('refuses an empty key when the key is checked', () => {
    const [empty] = checkWebhookCert({ name: 'tap-injector', certificatePem: tap.certificatePem, keyPem: ' ', caBundlePem: tap.caBundlePem });
    assert.equal(empty.severity, 'error');
    assert.match(empty.message, /tap-injector private key \(tapInjector\.keyPEM\) is empty/);
  });
});
