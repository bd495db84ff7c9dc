/**
 * MulticlusterLink refusing a target gateway it cannot link to, through the real Node runtime and the
 * fake engine (one `up`): every problem in one message naming the Service and its fields, no stack
 * trace, and no Link registered.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { harnessUnavailable, runProgram, type ProgramRun } from './harness/run-program.js';
import { created, existing, GATEWAY, LINK_FIXTURE } from './harness/link-fixture.js';

const SKIP = harnessUnavailable(LINK_FIXTURE);

describe('MulticlusterLink with an unusable gateway Service', { skip: SKIP }, () => {
  let run: ProgramRun;
  before(async () => {
    const { 'mirror.linkerd.io/gateway-identity': _identity, ...annotations } = GATEWAY.metadata.annotations;
    const gateway = { ...GATEWAY, metadata: { ...GATEWAY.metadata, annotations }, status: {} };
    run = await runProgram({ projectDir: LINK_FIXTURE, dryRun: false, existing: existing(gateway), created });
  });

  it('fails with every problem of the Service, without a stack trace', () => {
    assert.notEqual(run.exitCode, 0);
    assert.match(run.failure, /cannot link to the gateway Service linkerd-multicluster\/linkerd-gateway: 2 problems/);
    assert.match(run.failure, /annotations\["mirror.linkerd.io\/gateway-identity"\]: is required/);
    assert.match(run.failure, /the gateway has no address \(wait for the load balancer, or set gatewayAddresses\)/);
    assert.doesNotMatch(run.failure, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack frames');
  });

  it('registers no Link', () => {
    assert.ok(!run.registrations.some((r) => r.type.endsWith(':Link')), 'no Link');
  });
});
