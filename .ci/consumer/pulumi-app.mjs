// A Pulumi program using meshform/pulumi under pulumi.runtime.setMocks (mocks set before the import).
import assert from 'node:assert/strict';
import * as pulumi from '@pulumi/pulumi';

const registered = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push(args.type);
      const state = { ...args.inputs };
      // What the tls provider returns for the generated identity.
      if (args.type === 'tls:index/privateKey:PrivateKey') state.privateKeyPem = '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n';
      if (args.type.startsWith('tls:index/') && args.type.endsWith('Cert')) state.certPem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
      return { id: `${args.name}_id`, state };
    },
    call: (args) => args.inputs,
  },
  'consumer',
  'ci',
  false,
);
const { LinkerdMesh } = await import('meshform/pulumi');
const mesh = new LinkerdMesh('linkerd', {});
const namespace = await new Promise((r) => mesh.namespace.apply((v) => (r(v), v)));
await new Promise((r) => setTimeout(r, 500));
assert.equal(namespace, 'linkerd');
assert.ok(registered.includes('meshform:index:LinkerdMesh'), registered.join(', '));
assert.ok(registered.filter((t) => t.startsWith('kubernetes:')).length > 10, `kubernetes resources registered: ${registered.join(', ')}`);
console.log(`esm: LinkerdMesh under mocks registered ${registered.length} resources`);
