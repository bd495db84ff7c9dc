// No keys in git: a private key in a phase is refused (nothing written) unless inlineKeys, which then says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chart, App } from 'cdk8s';
import { addObject } from '../../constructs/kube-object.js';
import { synthGitOps } from '../../constructs/gitops/synth-gitops.js';
import { privateKeyFields } from '../../lib/gitops/private-keys.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';

const FAKE_KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIFakeFakeFake\n-----END EC PRIVATE KEY-----\n';
const issuerSecret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' },
  data: { 'crt.pem': Buffer.from('cert').toString('base64'), 'key.pem': Buffer.from(FAKE_KEY).toString('base64') },
};

function appWithKey(): App {
  const app = new App();
  addObject(new Chart(app, 'control-plane'), issuerSecret);
  return app;
}

test('a Secret with a private key is refused, naming where it is and never what it is; nothing is written', () => {
  const outdir = join(mkdtempSync(join(tmpdir(), 'meshform-keys-')), 'tree');
  assert.throws(
    () => synthGitOps(appWithKey(), outdir, { engine: 'plain', log: () => {} }),
    (e: unknown) =>
      e instanceof MeshformError &&
      e.issues.map((i) => i.path).join() === 'control-plane/Secret/linkerd/linkerd-identity-issuer.data.key.pem' &&
      /inlineKeys \(--gitops-inline-keys\)/.test(e.message) &&
      !e.message.includes('MHcCAQ') &&
      !e.message.includes(issuerSecret.data ? (issuerSecret.data as Record<string, string>)['key.pem'] : 'x'),
  );
  assert.equal(existsSync(outdir), false);
});

test('with inlineKeys the key is written to a 0600 file and each such file is reported', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'meshform-keys-'));
  const logged: string[] = [];
  synthGitOps(appWithKey(), outdir, { engine: 'plain', inlineKeys: true, log: (m) => logged.push(m) });
  assert.equal(statSync(join(outdir, '00-control-plane/control-plane.yaml')).mode & 0o777, 0o600);
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^meshform: warning: 00-control-plane\/control-plane\.yaml holds a private key \(control-plane\/Secret\/linkerd\/linkerd-identity-issuer: data\.key\.pem\)/);
});

test('keys are found by entry name, by PEM content in data or stringData, and anywhere else in an object', () => {
  assert.deepEqual(privateKeyFields({ apiVersion: 'v1', kind: 'Secret', stringData: { 'tls.key': '', 'tls.crt': 'x' } }), ['stringData.tls.key']);
  assert.deepEqual(privateKeyFields({ apiVersion: 'v1', kind: 'Secret', data: { identity: Buffer.from(FAKE_KEY).toString('base64') } }), ['data.identity']);
  assert.deepEqual(privateKeyFields({ apiVersion: 'v1', kind: 'ConfigMap', data: { values: `keyPEM: |\n  ${FAKE_KEY}` } }), ['(a PEM private key)']);
  assert.deepEqual(privateKeyFields({ apiVersion: 'v1', kind: 'Secret', data: { 'ca.crt': Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64') } }), []);
});
