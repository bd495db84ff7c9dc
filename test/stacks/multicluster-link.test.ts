/** MulticlusterLink and the identity modes under Pulumi mocks (this file's own process). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';

interface Seen {
  readonly type: string;
  readonly name: string;
  readonly provider?: string;
  readonly inputs: Record<string, unknown>;
}
const seen: Seen[] = [];

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      seen.push({ type: args.type, name: args.name, provider: args.provider, inputs: args.inputs });
      let state: Record<string, unknown> = { ...args.inputs };
      // Reads (`.get`) of the token Secret and the gateway Service return cluster state.
      if (args.id && args.type === 'kubernetes:core/v1:Secret') {
        state = { data: { token: Buffer.from('TOKEN').toString('base64'), 'ca.crt': Buffer.from('CA').toString('base64') } };
      }
      if (args.id && args.type === 'kubernetes:core/v1:Service') state = { status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } };
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

const resolve = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((r) => o.apply((v) => (r(v), v)));
const settle = () => new Promise((r) => setTimeout(r, 300));

test('link: target gets remote access, source gets credentials, Link and controller', async () => {
  const source = new k8s.Provider('source', {});
  const target = new k8s.Provider('target', {});
  const link = new MulticlusterLink('east', { sourceProvider: source, targetProvider: target, targetApiServer: 'https://east.example:6443' });
  assert.equal(await resolve(link.gatewayAddress), '203.0.113.7');
  assert.equal(await resolve(link.token), 'TOKEN');
  await settle();
  const mine = seen.filter((s) => s.name.startsWith('east-'));
  const on = (p: string) => mine.filter((s) => s.provider?.includes(`::${p}::`)).map((s) => `${s.type.split(':').pop()}/${s.name}`);
  const targetSide = on('target');
  assert.ok(targetSide.includes('ServiceAccount/east-target-linkerd-multicluster-linkerd-service-mirror-remote-access-east'), targetSide.join());
  assert.ok(targetSide.includes('Secret/east-target-linkerd-multicluster-linkerd-service-mirror-remote-access-east-token'));
  assert.ok(targetSide.some((n) => n.startsWith('ClusterRoleBinding/')));
  const sourceSide = on('source');
  assert.ok(sourceSide.includes('Secret/east-source-linkerd-multicluster-cluster-credentials-east'), sourceSide.join());
  assert.ok(sourceSide.includes('Secret/east-source-linkerd-cluster-credentials-east'));
  assert.ok(sourceSide.includes('Link/east-source-linkerd-multicluster-east'));
  assert.ok(sourceSide.includes('Deployment/east-source-linkerd-multicluster-controller-east'), sourceSide.join());
  // The kubeconfig is a secret input and embeds the token read from the target.
  const creds = mine.find((s) => s.name === 'east-source-linkerd-multicluster-cluster-credentials-east');
  assert.ok(creds && pulumi.runtime.isRpcSecret(creds.inputs.data));
  const data = pulumi.runtime.unwrapRpcSecret(creds.inputs.data) as { kubeconfig: string };
  const kubeconfig = Buffer.from(data.kubeconfig, 'base64').toString();
  assert.match(kubeconfig, /token: TOKEN/);
  assert.match(kubeconfig, /server: https:\/\/east.example:6443/);
  assert.equal(creds.inputs.type, 'mirror.linkerd.io/remote-kubeconfig');
  const linkObj = mine.find((s) => s.type === 'kubernetes:multicluster.linkerd.io/v1alpha3:Link');
  assert.equal((linkObj?.inputs.spec as { gatewayAddress: string }).gatewayAddress, '203.0.113.7');
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
