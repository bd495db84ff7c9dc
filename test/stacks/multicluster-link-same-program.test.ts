/**
 * A program that creates the target's mesh and links to it (`targetMesh`), through the real Node
 * runtime and the fake engine (one `up`): nothing is read, so no `.get` of an object the run creates,
 * and the Link carries the created gateway Service's facts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { kubeId, reveal, type Registration } from './harness/fake-engine.js';
import { harnessUnavailable, runProgram, type ProgramRun } from './harness/run-program.js';
import { created as linkCreated, LINK_FIXTURE } from './harness/link-fixture.js';

const SKIP = harnessUnavailable(LINK_FIXTURE);
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** What the providers fill in: tls keys and certificates, the token, the gateway's load balancer. */
function created(r: Registration): Record<string, unknown> | undefined {
  if (r.type === 'tls:index/privateKey:PrivateKey') return { privateKeyPem: 'KEY', publicKeyPem: 'PUB' };
  if (r.type.startsWith('tls:index/') && r.type.endsWith('Cert')) return { certPem: CERT };
  if (r.type === 'kubernetes:core/v1:Service' && kubeId(r) === 'linkerd-multicluster/linkerd-gateway') return { status: { loadBalancer: { ingress: [{ ip: '203.0.113.21' }] } } };
  return linkCreated(r);
}

describe('MulticlusterLink to a LinkerdMesh of the same program', { skip: SKIP }, () => {
  let run: ProgramRun;
  before(async () => {
    run = await runProgram({ projectDir: LINK_FIXTURE, dryRun: false, config: { 'link-fixture:targetMesh': true }, created });
  });

  it('succeeds without a single read', () => {
    assert.equal(run.exitCode, 0, run.failure);
    assert.deepEqual(run.reads, []);
  });

  it("the Link takes the created gateway Service's address, identity and probe", () => {
    const link = run.registrations.find((r) => r.type.endsWith(':Link') && kubeId(r) === 'linkerd-multicluster/east');
    const spec = reveal(link?.inputs.spec) as Record<string, unknown>;
    assert.equal(spec.gatewayAddress, '203.0.113.21');
    assert.equal(spec.gatewayIdentity, 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local');
    assert.deepEqual(spec.probeSpec, { path: '/ready', port: '4191', period: '3s' });
    const gateway = run.registrations.find((r) => r.type === 'kubernetes:core/v1:Service' && kubeId(r) === 'linkerd-multicluster/linkerd-gateway');
    assert.ok(gateway && link?.dependencies.includes(gateway.urn), 'the Link depends on the gateway Service it is built from');
  });
});
