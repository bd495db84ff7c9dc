/**
 * `meshform check -f VALUES` end to end through `main`, on upstream's test certificates (read from
 * ../shared at run time and put into a values file in a temporary directory) and on generated ones.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { loadOrCreateIdentity, identityValuesOverlay, vizTlsOverlay } from '../../lib/identity/store.js';

const CERTS = fileURLToPath(new URL('../../../shared/linkerd/certs/', import.meta.url));
const skipShared = existsSync(CERTS) ? false : `upstream test certificates not found at ${CERTS} (../shared absent)`;
const work = mkdtempSync(join(tmpdir(), 'meshform-check-'));
after(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, { cwd: work });

function valuesFile(name: string, tree: object): string {
  const path = join(work, name);
  writeFileSync(path, stringify(tree));
  return path;
}

function upstreamSet(set: 'valid' | 'expired'): string {
  const read = (f: string) => readFileSync(join(CERTS, f), 'utf8');
  return valuesFile(`${set}.yaml`, {
    identityTrustAnchorsPEM: read(`${set}-trust-anchors.pem`),
    identity: { issuer: { tls: { crtPEM: read(`${set}-crt.pem`), keyPEM: read(`${set}-key.pem`) } } },
  });
}

describe('meshform check with upstream test certificates', { skip: skipShared }, () => {
  it('exits 0 for the valid set, printing upstream\'s table', async () => {
    const { code, stdout, stderr } = await run(['check', '-f', upstreamSet('valid')]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^linkerd-identity\n-{16}\n√ certificate config is valid\n/);
    assert.match(stdout, /√ issuer cert is issued by the trust anchor\n/);
    assert.match(stdout, /Status check results are √\n$/);
  });

  it('exits 1 for the expired set, saying which certificate expired when', async () => {
    const { code, stdout } = await run(['check', '-f', upstreamSet('expired')]);
    assert.equal(code, 1);
    assert.match(stdout, /× trust anchors are within their validity period\n {4}trust anchor \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990-01-01T01:01:11Z\n/);
    assert.match(stdout, /× issuer cert is within its validity period\n {4}issuer certificate identity\.linkerd\.cluster\.local expired on 1990-01-01T01:01:11Z\n/);
    assert.match(stdout, /see https:\/\/linkerd\.io\/2\/checks\/#l5d-identity-issuer-cert-is-time-valid for hints/);
    assert.match(stdout, /Status check results are ×\n$/);
  });

  it('reads the certificate files given with upstream\'s identity flags', async () => {
    const flags = (set: string) => [
      '--identity-trust-anchors-file',
      join(CERTS, `${set}-trust-anchors.pem`),
      '--identity-issuer-certificate-file',
      join(CERTS, `${set}-crt.pem`),
      '--identity-issuer-key-file',
      join(CERTS, `${set}-key.pem`),
    ];
    const valid = await run(['check', ...flags('valid')]);
    assert.equal(valid.code, 0, valid.stdout);
    const expired = await run(['check', ...flags('expired')]);
    assert.equal(expired.code, 1);
    assert.match(expired.stdout, /trust anchor \(identity\.linkerd\.cluster\.local, serial 01\) expired on 1990-01-01T01:01:11Z/);
    const other = await run(['check', ...flags('valid'), '--identity-trust-domain', 'example.org']);
    assert.equal(other.code, 0, other.stdout);
    assert.match(other.stdout, /‼ issuer cert is issued by the trust anchor\n {4}issuer certificate .* is not named identity\.linkerd\.example\.org/);
    const missing = await run(['check', '--identity-trust-anchors-file', 'no-such.pem']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /--identity-trust-anchors-file = "no-such\.pem": no such file/);
  });

  it('uses --set for the trust domain and prints JSON with -o json', async () => {
    const { code, stdout } = await run(['check', '-f', upstreamSet('valid'), '--set', 'clusterDomain=example.org', '-o', 'json']);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout) as { success: boolean; categories: { categoryName: string; checks: { description: string; result: string; error?: string }[] }[] };
    assert.equal(report.success, true);
    const warned = report.categories[0].checks.filter((c) => c.result !== 'success');
    assert.deepEqual(warned.map((c) => [c.description, c.result]), [['issuer cert is issued by the trust anchor', 'warning']]);
    assert.match(warned[0].error ?? '', /identity\.linkerd\.example\.org/);
  });
});

describe('meshform check with generated material', () => {
  it('checks identity and webhook certificates from the store\'s overlays', async () => {
    const id = await loadOrCreateIdentity(join(work, 'store'), { trustDomain: 'cluster.local', namespace: 'linkerd' });
    const file = valuesFile('generated.yaml', { ...identityValuesOverlay(id), ...vizTlsOverlay(id) });
    const { code, stdout } = await run(['check', '-f', file]);
    assert.equal(code, 0, stdout);
    for (const line of [
      '√ proxy-injector webhook has valid cert',
      '√ sp-validator cert is valid for at least 60 days',
      '√ policy-validator webhook has valid cert',
      '√ tap API server has valid cert',
      '√ tap-injector webhook has valid cert',
    ]) {
      assert.ok(stdout.includes(`${line}\n`), `missing "${line}" in\n${stdout}`);
    }
    assert.match(stdout, /linkerd-webhooks-and-apisvc-tls\n-+\n/);
    assert.match(stdout, /linkerd-viz\n-+\n/);

    // Installed into another namespace, the webhook certificates no longer name their Services.
    const moved = await run(['check', '-f', file, '-n', 'mesh']);
    assert.equal(moved.code, 1);
    assert.match(moved.stdout, /× proxy-injector webhook has valid cert\n {4}proxy-injector certificate linkerd-proxy-injector\.linkerd\.svc is not valid for linkerd-proxy-injector\.mesh\.svc/);
  });

  it('warns but exits 0 when the values carry no identity material', async () => {
    const { code, stdout } = await run(['check']);
    assert.equal(code, 0);
    assert.match(stdout, /‼ certificate config is valid\n {4}the values carry no identity material/);
  });

  it('warns but exits 0 for an external CA whose anchors are not in the values', async () => {
    const id = await loadOrCreateIdentity(join(work, 'store'), { trustDomain: 'cluster.local', namespace: 'linkerd' });
    const file = valuesFile('external-ca.yaml', {
      identity: { externalCA: true, issuer: { tls: { crtPEM: id.issuer.certificatePem, keyPEM: id.issuer.privateKeyPem } } },
    });
    const { code, stdout } = await run(['check', '-f', file]);
    assert.equal(code, 0);
    assert.match(stdout, /‼ certificate config is valid\n {4}identity\.externalCA is set/);
  });

  it('exits 2 on a bad --output', async () => {
    const { code, stderr } = await run(['check', '-o', 'yaml']);
    assert.equal(code, 2);
    assert.match(stderr, /--output must be "table" or "json"/);
  });
});
