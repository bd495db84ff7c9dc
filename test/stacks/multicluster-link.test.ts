/** MulticlusterLink and the identity modes under Pulumi mocks (this file's own process; the real runtime: multicluster-link-engine.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';
import { GATEWAY } from './harness/link-fixture.js';

interface Seen {
  readonly type: string;
  readonly name: string;
  readonly provider?: string;
  readonly inputs: Record<string, unknown>;
  /** A `.get` (the mock sees it as a resource with an id). */
  readonly read: boolean;
}
const seen: Seen[] = [];

const TOKEN_SECRET = 'linkerd-service-mirror-remote-access-east-token';
/** Token Secrets of every link in this file. */
const isTokenSecret = (name: string) => /linkerd-service-mirror-remote-access-[a-z]+-token$/.test(name);
const KUBECONFIG = JSON.stringify({
  'current-context': 'east',
  clusters: [{ name: 'east', cluster: { server: 'https://east.internal:6443', 'certificate-authority-data': 'VVNFUg==' } }],
  contexts: [{ name: 'east', context: { cluster: 'east', user: 'admin' } }],
  users: [{ name: 'admin', user: {} }],
});

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      seen.push({ type: args.type, name: args.name, provider: args.provider, inputs: args.inputs, read: Boolean(args.id) });
      let state: Record<string, unknown> = { ...args.inputs };
      // The API server fills the created token Secret; reads (`.get`) return the target's objects.
      if (args.type === 'kubernetes:core/v1:Secret' && isTokenSecret(args.name)) {
        state = { ...state, data: { token: Buffer.from('TOKEN').toString('base64'), 'ca.crt': Buffer.from('TOKEN-CA').toString('base64') } };
      }
      if (args.id && args.type === 'kubernetes:core/v1:Service') state = GATEWAY;
      if (args.id && args.type === 'kubernetes:core/v1:ConfigMap') state = { data: { values: 'clusterDomain: east.local\n' } };
      // A LinkerdMesh's generated identity (its tls resources) for the targetMesh case.
      if (args.type === 'tls:index/privateKey:PrivateKey') state.privateKeyPem = 'KEY';
      if (args.type.startsWith('tls:index/') && args.type.endsWith('Cert')) state.certPem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
      return { id: args.id || `${args.name}_id`, state };
    },
    call: (args) => args.inputs,
  },
  'meshform',
  'test',
  false,
);

const k8s = await import('@pulumi/kubernetes');
const { MulticlusterLink } = await import('../../stacks/components/multicluster-link.js');
const { MeshIdentity } = await import('../../stacks/components/identity.js');
const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply((v) => (r(v), v)));
const settle = () => new Promise((r) => setTimeout(r, 300));

test('link: target gets remote access, source gets credentials, Link and controller; token from the created Secret', async () => {
  const source = new k8s.Provider('source', {});
  const target = new k8s.Provider('target', {});
  const link = new MulticlusterLink('east', { sourceProvider: source, targetProvider: target, targetKubeconfig: KUBECONFIG });
  assert.equal(await resolve(link.gatewayAddress), '203.0.113.7,gw.east.example');
  assert.equal(await resolve(link.token), 'TOKEN');
  await settle();
  const mine = seen.filter((s) => s.name.startsWith('east-'));
  const on = (p: string) => mine.filter((s) => !s.read && s.provider?.includes(`::${p}::`)).map((s) => `${s.type.split(':').pop()}/${s.name}`);
  const targetSide = on('target');
  assert.ok(targetSide.includes('ServiceAccount/east-target-linkerd-multicluster-linkerd-service-mirror-remote-access-east'), targetSide.join());
  assert.ok(targetSide.includes(`Secret/east-target-linkerd-multicluster-${TOKEN_SECRET}`));
  assert.ok(targetSide.some((n) => n.startsWith('ClusterRoleBinding/')));
  const sourceSide = on('source');
  assert.ok(sourceSide.includes('Secret/east-source-linkerd-multicluster-cluster-credentials-east'), sourceSide.join());
  assert.ok(sourceSide.includes('Secret/east-source-linkerd-cluster-credentials-east'));
  assert.ok(sourceSide.includes('Link/east-source-linkerd-multicluster-east'));
  assert.ok(sourceSide.includes('Deployment/east-source-linkerd-multicluster-controller-east'), sourceSide.join());
  // Reads: the gateway Service and linkerd-config the target already has, never the token Secret it creates.
  assert.deepEqual(mine.filter((s) => s.read).map((s) => s.type).sort(), ['kubernetes:core/v1:ConfigMap', 'kubernetes:core/v1:Service']);
  const creds = mine.find((s) => s.name === 'east-source-linkerd-multicluster-cluster-credentials-east');
  assert.ok(creds && pulumi.runtime.isRpcSecret(creds.inputs.data));
  const data = pulumi.runtime.unwrapRpcSecret(creds.inputs.data) as { kubeconfig: string };
  const kubeconfig = Buffer.from(data.kubeconfig, 'base64').toString();
  assert.match(kubeconfig, /token: TOKEN/);
  assert.match(kubeconfig, /server: https:\/\/east.internal:6443/);
  assert.match(kubeconfig, /certificate-authority-data: VVNFUg==/, "the user's CA");
  assert.doesNotMatch(kubeconfig, new RegExp(Buffer.from('TOKEN-CA').toString('base64')), "not the token Secret's");
  assert.equal(creds.inputs.type, 'mirror.linkerd.io/remote-kubeconfig');
  const linkObj = mine.find((s) => s.type === 'kubernetes:multicluster.linkerd.io/v1alpha3:Link');
  const spec = linkObj?.inputs.spec as Record<string, unknown>;
  assert.equal(spec.gatewayAddress, '203.0.113.7,gw.east.example');
  assert.equal(spec.targetClusterDomain, 'east.local');
});

test('link with the target facts given (the same program creates the target mesh): nothing is read', async () => {
  const source = new k8s.Provider('source2', {});
  const target = new k8s.Provider('target2', {});
  new MulticlusterLink('west', {
    sourceProvider: source,
    targetProvider: target,
    targetKubeconfig: KUBECONFIG,
    targetGateway: pulumi.output(GATEWAY),
    targetLinkerdConfig: { values: 'clusterDomain: west.local\n' },
    selector: 'mirror.linkerd.io/exported in (true,yes)',
  });
  await settle();
  const mine = seen.filter((s) => s.name.startsWith('west-'));
  assert.deepEqual(mine.filter((s) => s.read), []);
  const spec = mine.find((s) => s.type.endsWith(':Link'))?.inputs.spec as Record<string, unknown>;
  assert.deepEqual(spec.selector, { matchExpressions: [{ key: 'mirror.linkerd.io/exported', operator: 'In', values: ['true', 'yes'] }] });
  assert.equal(spec.targetClusterDomain, 'west.local');
});

test('link to a LinkerdMesh of the same program: its gateway Service and linkerd-config outputs, no read', async () => {
  const source = new k8s.Provider('source4', {});
  const target = new k8s.Provider('target4', {});
  const mesh = new LinkerdMesh('south-mesh', { multicluster: true, trustDomain: 'south.example' }, { provider: target });
  new MulticlusterLink('south', { sourceProvider: source, targetProvider: target, targetKubeconfig: KUBECONFIG, targetMesh: mesh, gatewayAddresses: '198.51.100.4' });
  await settle();
  const mine = seen.filter((s) => s.name.startsWith('south-'));
  assert.deepEqual(mine.filter((s) => s.read).map((s) => s.name), [], 'nothing read');
  const spec = mine.find((s) => s.type.endsWith(':Link'))?.inputs.spec as Record<string, unknown>;
  assert.equal(spec.gatewayAddress, '198.51.100.4');
  assert.equal(spec.gatewayIdentity, 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.south.example');
  assert.deepEqual(spec.probeSpec, { path: '/ready', port: '4191', period: '3s' });
  const l5d = mine.find((s) => s.name === 'south-source-linkerd-cluster-credentials-south');
  assert.equal((l5d?.inputs.metadata as { annotations: Record<string, string> }).annotations['multicluster.linkerd.io/trust-domain'], 'south.example');
});

test('link with a bad selector: refused at construction with the field path', () => {
  const p = new k8s.Provider('p3', {});
  assert.throws(
    () => new MulticlusterLink('bad', { sourceProvider: p, targetProvider: p, targetKubeconfig: KUBECONFIG, selector: 'a!=b', gatewayPort: 0 }),
    (e: unknown) => e instanceof pulumi.ResourceError && /bad\.selector/.test(e.message) && /bad\.gatewayPort = 0/.test(e.message),
  );
});

test('identity provided: PEMs from the caller, key only inside the secret Secret data', async () => {
  const id = new MeshIdentity('p', {
    mode: 'provided',
    namespace: 'linkerd',
    trustDomain: 'cluster.local',
    provided: { trustAnchorPem: 'ANCHOR', issuerCertPem: 'CRT', issuerKeyPem: pulumi.secret('-----BEGIN EC PRIVATE KEY-----') },
  });
  assert.equal(await resolve(id.trustAnchorPem), 'ANCHOR');
  await settle();
  const secret = seen.find((s) => s.name === 'p-linkerd-linkerd-identity-issuer');
  assert.ok(secret && pulumi.runtime.isRpcSecret(secret.inputs.data));
  assert.ok(!seen.some((s) => s.type.startsWith('tls:') && s.name.startsWith('p-')), 'nothing generated');
});

test('identity cert-manager: Issuer and Certificate, no key anywhere', async () => {
  const id = new MeshIdentity('cm', { mode: 'external-issuer', namespace: 'linkerd', trustDomain: 'cluster.local', certManager: { trustAnchorPem: 'ANCHOR' } });
  await resolve(id.trustAnchorPem);
  await settle();
  const mine = seen.filter((s) => s.name.startsWith('cm-'));
  assert.deepEqual(mine.map((s) => s.type).sort(), [
    'kubernetes:cert-manager.io/v1:Certificate',
    'kubernetes:cert-manager.io/v1:Issuer',
    'kubernetes:core/v1:ConfigMap',
  ]);
  const cert = mine.find((s) => s.type.endsWith(':Certificate'));
  const spec = cert?.inputs.spec as Record<string, unknown>;
  assert.equal(spec.secretName, 'linkerd-identity-issuer');
  assert.equal(spec.isCA, true);
  assert.equal(spec.commonName, 'identity.linkerd.cluster.local');
});
