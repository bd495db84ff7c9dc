/**
 * `meshform install` / `viz install` with no identity input work like `linkerd install`: what is
 * missing comes from the local identity store (generated on first use, reused after), supplied
 * material wins, and modes that leave identity to the cluster generate nothing. In-process, each
 * case in an empty temporary working directory.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { generateIssuer, generateTrustAnchor, generateWebhookCert } from '../../lib/identity/generate.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { validateRender } from '../helpers/validate-all.js';

const roots: string[] = [];
after(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder to run in. */
function emptyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshform-generated-'));
  roots.push(dir);
  return dir;
}

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; data?: Record<string, string> };

function objects(stdout: string): Obj[] {
  return parseAllDocuments(stdout)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}

function secretData(stdout: string, name: string): Record<string, string> {
  const secret = objects(stdout).find((o) => o.kind === 'Secret' && o.metadata.name === name);
  assert.ok(secret?.data, `Secret ${name} in the output`);
  return Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

function assertOk(r: CliResult): void {
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

function assertRefused(r: CliResult, ...patterns: RegExp[]): void {
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  for (const p of patterns) assert.match(r.stderr, p);
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('meshform install with no identity input, in an empty folder', () => {
  const cwd = emptyDir();
  const run = (...args: string[]) => runCli(args, { cwd });
  const store = join(cwd, 'keys');

  it('install --crds, install, install --ha and viz install exit 0 with valid output, identical when run twice', async () => {
    const crds = await run('install', '--crds');
    assertOk(crds);
    assert.equal(existsSync(join(cwd, '.meshform')), false, '--crds generates nothing');
    const crdObjects = objects(crds.stdout);
    for (const args of [['install'], ['install', '--ha'], ['viz', 'install']]) {
      const first = await run(...args, '--identity-dir', 'keys');
      assertOk(first);
      const second = await run(...args, '--identity-dir', 'keys');
      assertOk(second);
      assert.equal(second.stdout, first.stdout, `${args.join(' ')}: byte-identical when run twice`);
      const rendered = objects(first.stdout);
      assert.ok(rendered.length > 10, `${args.join(' ')} renders objects`);
      assert.deepEqual(validateRender(rendered, crdObjects).problems, [], args.join(' '));
      // One line on stderr says where the keys are.
      assert.equal(first.stderr.split('\n').filter((l) => l.includes(store)).length, 1, first.stderr);
    }
    assert.equal(existsSync(join(cwd, '.meshform')), false, '--identity-dir is where the store goes');
  });

  it('says on first use that it generated, and later that it reused', async () => {
    const dir = emptyDir();
    const first = await runCli(['install'], { cwd: dir });
    assertOk(first);
    assert.match(first.stderr, /meshform: identity: trust anchor, issuer, proxy-injector certificate, .* generated into .*\.meshform\/identity /);
    const again = await runCli(['install'], { cwd: dir });
    assert.match(again.stderr, /reused from .*\.meshform\/identity /);
    assert.equal(again.stdout, first.stdout);
  });

  it('keeps private keys 0600 and the store 0700, and renders the store\'s anchor and issuer', async () => {
    assert.equal(mode(store), 0o700);
    for (const key of ['trust-anchor.key', 'issuer.key', 'proxy-injector.key', 'tap.key']) assert.equal(mode(join(store, key)), 0o600, key);
    const r = await run('install', '--identity-dir', 'keys');
    const roots = objects(r.stdout).find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-identity-trust-roots') as { data: Record<string, string> } | undefined;
    assert.equal(roots?.data['ca-bundle.crt'].trim(), readFileSync(join(store, 'trust-anchor.crt'), 'utf8').trim());
    assert.equal(secretData(r.stdout, 'linkerd-identity-issuer')['crt.pem'].trim(), readFileSync(join(store, 'issuer.crt'), 'utf8').trim());
    assert.equal(secretData(r.stdout, 'linkerd-proxy-injector-k8s-tls')['tls.crt'].trim(), readFileSync(join(store, 'proxy-injector.crt'), 'utf8').trim());
  });

  it('never replaces the store\'s anchors: another trust domain is refused, pointing at --identity-dir', async () => {
    const anchor = readFileSync(join(store, 'trust-anchor.crt'), 'utf8');
    assertRefused(await run('install', '--identity-dir', 'keys', '--identity-trust-domain', 'example.org'), /generated for another trust domain/, /--identity-dir/);
    assert.equal(readFileSync(join(store, 'trust-anchor.crt'), 'utf8'), anchor);
  });
});

describe('supplied identity material wins over the store', () => {
  it('takes only the missing webhook certificates from the store, even one made for another trust domain', async () => {
    const cwd = emptyDir();
    assertOk(await runCli(['install', '--identity-dir', 'keys'], { cwd }));
    const anchor = await generateTrustAnchor({ trustDomain: 'example.org' });
    const issuer = await generateIssuer({ anchor, trustDomain: 'example.org' });
    writeFileSync(join(cwd, 'anchor.crt'), anchor.certificatePem);
    writeFileSync(join(cwd, 'issuer.crt'), issuer.certificatePem);
    writeFileSync(join(cwd, 'issuer.key'), issuer.privateKeyPem);
    const injector = await generateWebhookCert({ serviceName: 'linkerd-proxy-injector', namespace: 'linkerd' });
    writeFileSync(join(cwd, 'injector.yaml'), stringify({ proxyInjector: { crtPEM: injector.certificatePem, keyPEM: injector.privateKeyPem, caBundle: injector.caBundlePem } }));
    const r = await runCli(
      [
        'install',
        '--identity-dir',
        'keys',
        '--identity-trust-domain',
        'example.org',
        '--identity-trust-anchors-file',
        'anchor.crt',
        '--identity-issuer-certificate-file',
        'issuer.crt',
        '--identity-issuer-key-file',
        'issuer.key',
        '-f',
        'injector.yaml',
      ],
      { cwd },
    );
    assertOk(r);
    assert.equal(secretData(r.stdout, 'linkerd-identity-issuer')['crt.pem'].trim(), issuer.certificatePem.trim());
    assert.equal(secretData(r.stdout, 'linkerd-proxy-injector-k8s-tls')['tls.crt'].trim(), injector.certificatePem.trim());
    assert.equal(secretData(r.stdout, 'linkerd-sp-validator-k8s-tls')['tls.crt'].trim(), readFileSync(join(cwd, 'keys', 'sp-validator.crt'), 'utf8').trim());
    assert.match(r.stderr, /identity: sp-validator certificate, policy-validator certificate reused from /);
    assert.doesNotMatch(r.stderr, /trust anchor/);
  });

  it('warns that --identity-dir is unused when the values supply everything', async () => {
    const cwd = emptyDir();
    const r = await runCli(['viz', 'install', '--identity-dir', 'keys', '--set', 'tap.externalSecret=true,tap.caBundle=ca,tapInjector.externalSecret=true,tapInjector.caBundle=ca'], { cwd });
    assertOk(r);
    assert.match(r.stderr, /warning: --identity-dir keys is not used/);
    assert.equal(existsSync(join(cwd, 'keys')), false);
  });
});

describe('what the store does not fill', () => {
  const nothingWritten = (cwd: string) => assert.equal(existsSync(join(cwd, '.meshform')), false, 'no identity store created');

  it('refuses a partial identity, naming the three ways to provide it', async () => {
    const cwd = emptyDir();
    const anchor = await generateTrustAnchor();
    writeFileSync(join(cwd, 'anchor.crt'), anchor.certificatePem);
    assertRefused(
      await runCli(['install', '--identity-trust-anchors-file', 'anchor.crt'], { cwd }),
      /identity\.issuer\.tls\.crtPEM, identity\.issuer\.tls\.keyPEM: .*must all be given if any is \(given: identityTrustAnchorsPEM\)/,
      /--identity-issuer-certificate-file/,
      /--identity-dir DIR/,
      /--cert-manager/,
    );
    nothingWritten(cwd);
  });

  it('generates nothing for a Helm-style render or cert-manager', async () => {
    const helm = emptyDir();
    assertRefused(await runCli(['install', '--set', 'cliVersion='], { cwd: helm }), /identityTrustAnchorsPEM/);
    nothingWritten(helm);
    const certManager = emptyDir();
    assertOk(await runCli(['install', '--cert-manager'], { cwd: certManager }));
    assertOk(await runCli(['viz', 'install', '--cert-manager'], { cwd: certManager }));
    nothingWritten(certManager);
    const usage = await runCli(['install', '--cert-manager', '--identity-dir', 'keys'], { cwd: certManager });
    assert.equal(usage.code, 2, usage.stderr);
    assert.match(usage.stderr, /--identity-dir cannot be used with --cert-manager/);
    const crds = await runCli(['install', '--crds', '--identity-dir', 'keys'], { cwd: certManager });
    assert.equal(crds.code, 2, crds.stderr);
  });

  it('with an external issuer only the webhook certificates come from the store; with an external CA, the issuer too', async () => {
    const cwd = emptyDir();
    const anchor = await generateTrustAnchor();
    writeFileSync(join(cwd, 'anchor.crt'), anchor.certificatePem);
    const external = await runCli(['install', '--identity-external-issuer', '--identity-trust-anchors-file', 'anchor.crt'], { cwd });
    assertOk(external);
    assert.ok(!objects(external.stdout).some((o) => o.kind === 'Secret' && o.metadata.name === 'linkerd-identity-issuer'));
    assert.match(external.stderr, /identity: proxy-injector certificate, sp-validator certificate, policy-validator certificate generated into /);
    // An external CA leaves only the trust-roots ConfigMap to the cluster: the issuer is generated, as upstream does.
    const externalCA = await runCli(['install', '--identity-external-ca'], { cwd });
    assertOk(externalCA);
    assert.ok(!objects(externalCA.stdout).some((o) => o.metadata.name === 'linkerd-identity-trust-roots'));
    assert.equal(secretData(externalCA.stdout, 'linkerd-identity-issuer')['crt.pem'].trim(), readFileSync(join(cwd, '.meshform', 'identity', 'issuer.crt'), 'utf8').trim());
    assert.match(externalCA.stderr, /warning: identity\.externalCA: the linkerd-identity-trust-roots ConfigMap you manage must hold .*trust-anchor\.crt/);
  });

  it('creates no store while other values are wrong, and reports only those', async () => {
    const cwd = emptyDir();
    const r = await runCli(['install', '--set', 'controllerReplicas=-1'], { cwd });
    assertRefused(r, /controllerReplicas = -1/);
    assert.doesNotMatch(r.stderr, /identityTrustAnchorsPEM|proxyInjector/);
    const viz = await runCli(['viz', 'install', '--set', 'tap.replicas=-1'], { cwd });
    assertRefused(viz, /tap\.replicas = -1/);
    assert.doesNotMatch(viz.stderr, /tap\.crtPEM/);
    nothingWritten(cwd);
  });

  it('names an unusable store directory in one line', async () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'file'), 'not a directory');
    const r = await runCli(['install', '--identity-dir', 'file/keys'], { cwd });
    assertRefused(r, /identity store .*file\/keys/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
});
