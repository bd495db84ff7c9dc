/**
 * MulticlusterLink through the real Node runtime of @pulumi/pulumi against the fake engine
 * (test/stacks/harness): the first preview of a program with a link reads nothing and succeeds; an
 * `up` reads only what the target already has (gateway Service, linkerd-config), never what it
 * creates, and writes the Link and kubeconfig link-gen would. The fixture and the target's objects
 * are in harness/link-fixture.ts; refusals are in multicluster-link-errors.test.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isSecret, kubeId, reveal } from './harness/fake-engine.js';
import { harnessUnavailable, runProgram, type ProgramRun } from './harness/run-program.js';
import { b64, created, existing, GATEWAY, LINK_FIXTURE, TARGET_KUBECONFIG, TARGET_KUBECONFIG_KEY } from './harness/link-fixture.js';

const SKIP = harnessUnavailable(LINK_FIXTURE);

const find = (run: ProgramRun, type: string, id: string) => run.registrations.find((r) => r.type === type && kubeId(r) === id);
const registeredIds = (run: ProgramRun) => new Set(run.registrations.map((r) => `${r.type} ${kubeId(r)}`));

describe('MulticlusterLink under the real Node runtime', { skip: SKIP }, () => {
  let preview: ProgramRun;
  let up: ProgramRun;
  before(async () => {
    // Sequential: the machine is shared; each run is one child process.
    preview = await runProgram({ projectDir: LINK_FIXTURE });
    // The kubeconfig as `pulumi config set --secret` would hold it.
    up = await runProgram({ projectDir: LINK_FIXTURE, dryRun: false, existing: existing(GATEWAY), created, secretConfig: { [TARGET_KUBECONFIG_KEY]: TARGET_KUBECONFIG } });
  });

  it('first preview: succeeds, reads nothing, registers the target and source objects', () => {
    assert.equal(preview.exitCode, 0, preview.failure);
    assert.deepEqual(preview.reads, []);
    for (const [type, id] of [
      ['kubernetes:core/v1:Secret', 'linkerd-multicluster/linkerd-service-mirror-remote-access-east-token'],
      ['kubernetes:core/v1:Secret', 'linkerd-multicluster/cluster-credentials-east'],
      ['kubernetes:core/v1:Secret', 'linkerd/cluster-credentials-east'],
      ['kubernetes:multicluster.linkerd.io/v1alpha3:Link', 'linkerd-multicluster/east'],
      ['kubernetes:apps/v1:Deployment', 'linkerd-multicluster/controller-east'],
    ]) {
      assert.ok(find(preview, type, id), `${type} ${id}`);
    }
  });

  it('up: the token Secret depends on its ServiceAccount; only pre-existing objects are read', () => {
    assert.equal(up.exitCode, 0, up.failure);
    const account = find(up, 'kubernetes:core/v1:ServiceAccount', 'linkerd-multicluster/linkerd-service-mirror-remote-access-east');
    const token = find(up, 'kubernetes:core/v1:Secret', 'linkerd-multicluster/linkerd-service-mirror-remote-access-east-token');
    assert.ok(account && token?.dependencies.includes(account.urn), 'token Secret → ServiceAccount');
    assert.deepEqual(up.reads.map((r) => `${r.type} ${r.id}`).sort(), Object.keys(existing(GATEWAY)).sort());
    const mine = registeredIds(up);
    for (const r of up.reads) assert.ok(!mine.has(`${r.type} ${r.id}`), `read of an object this run creates: ${r.id}`);
    assert.ok(up.reads.every((r) => r.provider.includes('::target::')), 'reads go to the target cluster');
  });

  it('up: the Link carries what the gateway Service and linkerd-config say, and nothing link-gen leaves out', () => {
    const link = find(up, 'kubernetes:multicluster.linkerd.io/v1alpha3:Link', 'linkerd-multicluster/east');
    assert.deepEqual(reveal(link?.inputs.spec), {
      clusterCredentialsSecret: 'cluster-credentials-east',
      gatewayAddress: '203.0.113.7,gw.east.example',
      gatewayIdentity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.east.example',
      gatewayPort: '4143',
      probeSpec: { path: '/ready', port: '4191', period: '1m0s' },
      selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' } },
      remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
      federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
      targetClusterName: 'east',
      targetClusterDomain: 'east.local',
      targetClusterLinkerdNamespace: 'linkerd',
    });
    const l5d = find(up, 'kubernetes:core/v1:Secret', 'linkerd/cluster-credentials-east');
    assert.deepEqual((reveal(l5d?.inputs.metadata) as { annotations: unknown }).annotations, {
      'multicluster.linkerd.io/trust-domain': 'east.example',
      'multicluster.linkerd.io/cluster-domain': 'east.local',
    });
  });

  it("up: the kubeconfig keeps the user's cluster entry (server, CA, tls-server-name, proxy-url) and authenticates with the token", () => {
    const creds = find(up, 'kubernetes:core/v1:Secret', 'linkerd-multicluster/cluster-credentials-east');
    assert.ok(creds && isSecret(creds.inputs.data), 'the credentials are a secret input');
    assert.ok(up.project.config[TARGET_KUBECONFIG_KEY]?.includes('east.internal'));
    const kubeconfig = Buffer.from((reveal(creds.inputs.data) as { kubeconfig: string }).kubeconfig, 'base64').toString();
    assert.match(kubeconfig, /server: https:\/\/east.internal:6443/);
    assert.match(kubeconfig, /certificate-authority-data: VVNFUi1LVUJFQ09ORklHLUNB/);
    assert.match(kubeconfig, /tls-server-name: api.east.example/);
    assert.match(kubeconfig, /proxy-url: http:\/\/proxy.example:3128/);
    assert.match(kubeconfig, /token: TOKEN/);
    assert.doesNotMatch(kubeconfig, new RegExp(b64('TOKEN-SECRET-CA')), "not the token Secret's CA");
    assert.doesNotMatch(kubeconfig, /client-key-data/, "not the user's own credentials");
  });
});
