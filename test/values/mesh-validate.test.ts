import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';
import { meshValueWarnings, resolveMeshValues } from '../../lib/values/mesh/index.js';
import { parseCertificatesPem, parsePrivateKeyPem } from '../../lib/identity/pem.js';

const CERTS = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd/certs');
const skip = existsSync(CERTS) ? false : `test certificates not found at ${CERTS} (../shared absent)`;
const cert = (name: string): string => readFileSync(join(CERTS, name), 'utf8');

/** Identity that needs no PEM, so non-identity checks can be exercised alone. */
const NO_PEM: ValueTree = { identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } };

function issuesOf(user: ValueTree): ValidationIssue[] {
  try {
    resolveMeshValues({ user });
  } catch (e) {
    assert.ok(e instanceof MeshformError, String(e));
    assert.match(e.message, /^invalid values/);
    return [...e.issues];
  }
  return [];
}

function assertIssue(user: ValueTree, path: string, message?: RegExp): void {
  const found = issuesOf(mergeValues(NO_PEM, user)).filter((i) => i.path === path);
  assert.ok(found.length > 0, `expected an issue at ${path} for ${JSON.stringify(user)}`);
  if (message) assert.match(found[0].message, message);
}

const bad: [string, ValueTree, string, RegExp?][] = [
  ['controllerLogLevel', { controllerLogLevel: 'loud' }, 'controllerLogLevel', /trace/],
  ['policyController.logLevel', { policyController: { logLevel: 'x' } }, 'policyController.logLevel'],
  ['proxyInit.logLevel', { proxyInit: { logLevel: 'verbose' } }, 'proxyInit.logLevel'],
  ['networkValidator.logLevel', { networkValidator: { logLevel: 'x' } }, 'networkValidator.logLevel'],
  ['log format', { controllerLogFormat: 'xml' }, 'controllerLogFormat', /plain/],
  ['proxy.logFormat', { proxy: { logFormat: 'text' } }, 'proxy.logFormat'],
  ['proxy.logLevel filter', { proxy: { logLevel: 'warn,linkerd=loud' } }, 'proxy.logLevel'],
  ['defaultInboundPolicy', { proxy: { defaultInboundPolicy: 'allow' } }, 'proxy.defaultInboundPolicy', /all-unauthenticated/],
  ['outboundTransportMode', { proxy: { outboundTransportMode: 'x' } }, 'proxy.outboundTransportMode'],
  ['iptablesMode', { proxyInit: { iptablesMode: 'plain' } }, 'proxyInit.iptablesMode', /nft/],
  ['logHTTPHeaders', { proxy: { logHTTPHeaders: 'on' } }, 'proxy.logHTTPHeaders'],
  ['webhookFailurePolicy', { webhookFailurePolicy: 'fail' }, 'webhookFailurePolicy', /Fail/],
  ['issuer scheme', { identity: { issuer: { scheme: 'x' } } }, 'identity.issuer.scheme'],
  ['port', { proxy: { ports: { inbound: 70000 } } }, 'proxy.ports.inbound', /65535/],
  ['port list', { proxyInit: { ignoreInboundPorts: '1,x-2' } }, 'proxyInit.ignoreInboundPorts'],
  ['kubeAPIServerPorts', { proxyInit: { kubeAPIServerPorts: '0' } }, 'proxyInit.kubeAPIServerPorts'],
  ['opaquePorts', { proxy: { opaquePorts: '99999' } }, 'proxy.opaquePorts'],
  ['requireIdentityOnInboundPorts', { proxy: { requireIdentityOnInboundPorts: 'abc' } }, 'proxy.requireIdentityOnInboundPorts'],
  ['clusterNetworks', { clusterNetworks: '10.0.0.0/8,300.0.0.0/8' }, 'clusterNetworks', /CIDR/],
  ['skipSubnets', { proxyInit: { skipSubnets: 'nope' } }, 'proxyInit.skipSubnets'],
  ['probeNetworks entry', { policyController: { probeNetworks: ['0.0.0.0/0', 'x'] } }, 'policyController.probeNetworks[1]'],
  ['clockSkewAllowance', { identity: { issuer: { clockSkewAllowance: '20 seconds' } } }, 'identity.issuer.clockSkewAllowance', /duration/],
  ['issuanceLifetime', { identity: { issuer: { issuanceLifetime: '1d' } } }, 'identity.issuer.issuanceLifetime'],
  ['connect timeout', { proxy: { outboundConnectTimeout: 'fast' } }, 'proxy.outboundConnectTimeout'],
  ['keep-alive', { proxy: { inbound: { server: { http2: { keepAliveTimeout: '3' } } } } }, 'proxy.inbound.server.http2.keepAliveTimeout'],
  ['control.streams', { proxy: { control: { streams: { lifetime: 'forever' } } } }, 'proxy.control.streams.lifetime'],
  ['networkValidator.timeout', { networkValidator: { timeout: '10' } }, 'networkValidator.timeout'],
  ['shutdownGracePeriod', { proxy: { shutdownGracePeriod: 'soon' } }, 'proxy.shutdownGracePeriod'],
  ['controllerReplicas 0', { controllerReplicas: 0 }, 'controllerReplicas', />= 1/],
  ['controllerReplicas fraction', { controllerReplicas: 1.5 }, 'controllerReplicas'],
  ['UID', { proxy: { uid: -5 } }, 'proxy.uid'],
  ['GID', { controllerGID: 'root' }, 'controllerGID'],
  ['revisionHistoryLimit', { revisionHistoryLimit: -1 }, 'revisionHistoryLimit'],
  ['quantity', { proxy: { resources: { memory: { limit: '250 megs' } } } }, 'proxy.resources.memory.limit', /quantity/],
  ['component resources', { destinationResources: { cpu: { request: 'lots' } } }, 'destinationResources.cpu.request'],
  ['resource typo', { identityResources: { cpuu: { request: '1' } } }, 'identityResources.cpuu', /cpu/],
  ['rollingUpdate', { deploymentStrategy: { rollingUpdate: { maxSurge: '25 percent' } } }, 'deploymentStrategy.rollingUpdate.maxSurge'],
  ['clusterDomain', { clusterDomain: 'Cluster_Local' }, 'clusterDomain', /^a lowercase RFC 1123 subdomain must consist of/],
  ['identityTrustDomain', { identityTrustDomain: 'bad domain' }, 'identityTrustDomain'],
  ['boolean', { cniEnabled: 'yes' }, 'cniEnabled', /true or false/],
  ['nested boolean', { proxy: { nativeSidecar: 'no' } }, 'proxy.nativeSidecar', /true or false/],
  ['optional boolean', { proxy: { isIngress: 'yes' } }, 'proxy.isIngress'],
  ['map where a map belongs', { proxy: { ports: 4143 } }, 'proxy.ports', /map/],
  ['heartbeatSchedule', { heartbeatSchedule: 'daily' }, 'heartbeatSchedule', /cron/],
  ['removing a required key', { proxy: { ports: { admin: null } } }, 'proxy.ports.admin', /required/],
];

for (const [name, user, path, message] of bad) {
  test(`validation: ${name} -> ${path}`, () => assertIssue(user, path, message));
}

test('empty proxyInit.logLevel and shutdownGracePeriod are allowed', () => {
  assert.deepEqual(issuesOf(mergeValues(NO_PEM, { proxyInit: { logLevel: '' }, proxy: { shutdownGracePeriod: '' } })), []);
});

test('unknown keys anywhere are reported with a "did you mean" hint', () => {
  const issues = issuesOf(mergeValues(NO_PEM, { proxy: { logLevle: 'debug' }, contollerReplicas: 2 }));
  const typo = issues.find((i) => i.path === 'proxy.logLevle');
  assert.ok(typo, JSON.stringify(issues));
  assert.match(typo.message, /did you mean "logLevel"/);
  assert.match(issues.find((i) => i.path === 'contollerReplicas')?.message ?? '', /controllerReplicas/);
});

test('documented keys without defaults and free-form maps are not unknown', () => {
  const user = mergeValues(NO_PEM, {
    tolerations: [{ operator: 'Exists' }],
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} },
    podLabels: { anything: 'x' },
    nodeSelector: { 'kubernetes.io/arch': 'amd64' },
    proxy: { additionalEnv: [{ name: 'A', value: 'b' }], cores: 2, runtime: { workers: { maximumCPURatio: 0.5 } }, accessLog: 'json' },
    proxyInit: { resources: { cpu: { limit: '1' } }, capabilities: { add: ['NET_ADMIN'] } },
    destinationResources: { memory: { request: '10Mi' } },
    heartbeatSchedule: '0 0 * * *',
    enableHttpRoutes: true,
  });
  assert.deepEqual(issuesOf(user), []);
});

test('several bad values are all reported at once', () => {
  const issues = issuesOf({ controllerLogLevel: 'x', proxy: { ports: { admin: 0 } }, cniEnabled: 'yes', clusterNetworks: 'x' });
  const paths = issues.map((i) => i.path);
  for (const p of ['controllerLogLevel', 'proxy.ports.admin', 'cniEnabled', 'clusterNetworks', 'identityTrustAnchorsPEM', 'identity.issuer.tls.crtPEM', 'identity.issuer.tls.keyPEM']) {
    assert.ok(paths.includes(p), `missing ${p} in ${paths.join(', ')}`);
  }
  assert.equal(issues.find((i) => i.path === 'proxy.ports.admin')?.value, 0, 'the issue carries the value');
});

test('trust anchors are required unless identity.externalCA', () => {
  assert.ok(issuesOf({}).some((i) => i.path === 'identityTrustAnchorsPEM' && /required/.test(i.message)));
  assert.ok(!issuesOf({ identity: { externalCA: true } }).some((i) => i.path === 'identityTrustAnchorsPEM'));
});

const validIdentity = (): ValueTree => ({
  identityTrustAnchorsPEM: cert('valid-trust-anchors.pem'),
  identity: { issuer: { tls: { crtPEM: cert('valid-crt.pem'), keyPEM: cert('valid-key.pem') } } },
});

test('the upstream test certificates validate', { skip }, () => {
  assert.deepEqual(issuesOf(validIdentity()), []);
  const parsed = parseCertificatesPem(cert('valid-trust-anchors.pem'));
  assert.ok(parsed.ok && parsed.value.length === 1);
  assert.ok(parsePrivateKeyPem(cert('valid-key.pem')).ok);
});

test('malformed PEM is an error even in a Helm-style render', () => {
  const broken = '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n';
  const issues = issuesOf({ cliVersion: '', identityTrustAnchorsPEM: broken, identity: { externalCA: true } });
  assert.ok(issues.some((i) => i.path === 'identityTrustAnchorsPEM' && /X\.509/.test(i.message)), JSON.stringify(issues));
  const unterminated = issuesOf({ identityTrustAnchorsPEM: '-----BEGIN CERTIFICATE-----\nabc', identity: { externalCA: true } });
  assert.ok(unterminated.some((i) => i.path === 'identityTrustAnchorsPEM'));
});

test('non-PEM placeholders: errors for CLI renders, warnings for Helm-style renders', () => {
  const user: ValueTree = {
    identityTrustAnchorsPEM: 'test-trust-anchor',
    identity: { issuer: { tls: { crtPEM: 'test-crt-pem', keyPEM: 'test-key-pem' } } },
  };
  const cli = issuesOf(user).map((i) => i.path);
  assert.deepEqual(cli.sort(), ['identity.issuer.tls.crtPEM', 'identity.issuer.tls.keyPEM', 'identityTrustAnchorsPEM']);
  const helm = resolveMeshValues({ user: { ...user, cliVersion: '' } });
  const warnings = meshValueWarnings(helm);
  assert.equal(warnings.length, 3);
  assert.match(warnings[0], /Helm-style/);
});

/** A self-signed RSA-2048 certificate and its key, made with @peculiar/x509 over node's webcrypto. */
async function rsaIssuer(): Promise<{ crt: string; key: string }> {
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: 'CN=identity.linkerd.cluster.local',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2040-01-01T00:00:00Z'),
      keys,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
    },
    webcrypto as unknown as Crypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { crt: cert.toString('pem'), key };
}

test('an RSA issuer is rejected: must be ECDSA P-256', async () => {
  const { crt, key } = await rsaIssuer();
  const issues = issuesOf({ identityTrustAnchorsPEM: crt, identity: { issuer: { tls: { crtPEM: crt, keyPEM: key } } } });
  const onCrt = issues.find((i) => i.path === 'identity.issuer.tls.crtPEM');
  const onKey = issues.find((i) => i.path === 'identity.issuer.tls.keyPEM');
  assert.match(onCrt?.message ?? '', /must be ECDSA P-256.*RSA 2048/);
  assert.match(onKey?.message ?? '', /must be ECDSA P-256/);
});

test('an issuer key that does not match the certificate is rejected', { skip }, () => {
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
  const user = mergeValues(validIdentity(), { identity: { issuer: { tls: { keyPEM: other } } } });
  assert.match(issuesOf(user).find((i) => i.path === 'identity.issuer.tls.keyPEM')?.message ?? '', /does not match/);
});

test('an issuer not signed by the trust anchors is rejected', { skip }, async () => {
  const { crt } = await rsaIssuer();
  const user = mergeValues(validIdentity(), { identityTrustAnchorsPEM: crt });
  assert.match(issuesOf(user).find((i) => i.path === 'identity.issuer.tls.crtPEM')?.message ?? '', /signed by/);
});
