/**
 * The Pulumi program (stacks/index.ts) under mocks with `meshform:identity: cert-manager` and
 * `meshform:certManager` from stack config: the options reach the cert-manager / trust-manager
 * objects, nothing is generated with @pulumi/tls, and no trust-anchor output is exported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';

const created: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

pulumi.runtime.setAllConfig({
  'meshform:identity': 'cert-manager',
  'meshform:certManager': JSON.stringify({ namespace: 'certs', trustAnchors: ['g1', 'g2'], labels: { team: 'platform' } }),
});
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      created.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}_id`, state: { ...args.inputs } };
    },
    call: (args) => args.inputs,
  },
  'meshform',
  'dev',
  false,
);

const program = await import('../../stacks/index.js');
await new Promise((r) => setTimeout(r, 500));

test('stack config cert-manager: cert-manager objects from meshform:certManager, no tls resource, no anchor output', () => {
  assert.deepEqual(created.filter((r) => r.type.startsWith('tls:')).map((r) => r.name), []);
  assert.ok(!created.some((r) => r.type === 'meshform:index:MeshIdentity'));
  assert.equal(program.trustAnchorPem, undefined);
  const anchors = created.filter((r) => r.type === 'kubernetes:cert-manager.io/v1:Certificate' && r.name.includes('trust-anchor'));
  assert.deepEqual(anchors.map((r) => (r.inputs.metadata as { namespace: string }).namespace), ['certs', 'certs']);
  for (const a of anchors) assert.equal((a.inputs.metadata as { labels: Record<string, string> }).labels.team, 'platform');
  const bundle = created.find((r) => r.type === 'kubernetes:trust.cert-manager.io/v1alpha1:Bundle');
  assert.deepEqual(
    (bundle?.inputs.spec as { sources: { secret: { name: string } }[] }).sources.map((s) => s.secret.name),
    ['linkerd-trust-anchor-g1', 'linkerd-trust-anchor-g2'],
  );
  assert.ok(created.some((r) => r.type === 'kubernetes:cert-manager.io/v1:Certificate' && r.name === 'linkerd-linkerd-linkerd-identity-issuer'));
  assert.doesNotMatch(JSON.stringify(created.map((r) => r.inputs)), /PRIVATE KEY|BEGIN CERTIFICATE/);
});
