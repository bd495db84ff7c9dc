// meshform reference: the MeshReference from values, from a render and from a kubectl dump are the
// same bytes, and inject --mesh-reference meshes exactly as inject -f MESH_VALUES.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateIssuer, generateTrustAnchor } from '../../lib/identity/generate.js';
import { toYaml, toYamlStream } from '../../lib/manifest.js';
import { parseYamlStream } from '../../lib/yaml-input.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'meshform-reference-'));
const anchor = await generateTrustAnchor({});
const issuer = await generateIssuer({ anchor });
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
file('anchors.pem', anchor.certificatePem);
file('mesh.yaml', toYaml({
  identityTrustAnchorsPEM: anchor.certificatePem,
  identity: { issuer: { tls: { crtPEM: issuer.certificatePem, keyPEM: issuer.privateKeyPem } } },
  proxy: { logLevel: 'debug' },
}));
file('app.yaml', toYaml({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1', ports: [{ containerPort: 80 }] }] } } },
}));
const cli = (args: string[], stdin?: string) => runCli(args, { cwd: dir, stdin });

test('the reference is the same from values, from anchors alone, from a render and from a kubectl dump; it holds no key', async () => {
  const fromValues = await cli(['reference', '-f', 'mesh.yaml', '-n', 'mesh-system']);
  assert.equal(fromValues.code, 0, fromValues.stderr);
  assert.ok(!fromValues.stdout.includes('PRIVATE KEY') && !fromValues.stdout.includes(issuer.certificatePem.trim().split('\n')[1]), 'no issuer material');
  assert.match(fromValues.stdout, /kind: MeshReference/);
  const fromAnchors = await cli(['reference', '--identity-trust-anchors-file', 'anchors.pem', '--set', 'proxy.logLevel=debug', '-n', 'mesh-system']);
  assert.equal(fromAnchors.stdout, fromValues.stdout, 'the issuer plays no part');

  const render = await cli(['install', '-f', 'mesh.yaml', '--namespace', 'mesh-system', '--identity-dir', 'identity']);
  assert.equal(render.code, 0, render.stderr);
  file('render.yaml', render.stdout);
  const fromRender = await cli(['reference', '--from-manifests', 'render.yaml']);
  assert.equal(fromRender.code, 0, fromRender.stderr);
  assert.equal(fromRender.stdout, fromValues.stdout, 'from the render');

  const config = parseYamlStream(render.stdout, 'render').map((d) => d.value as { kind?: string; metadata?: { name?: string } })
    .find((o) => o.kind === 'ConfigMap' && o.metadata?.name === 'linkerd-config');
  const dump = toYamlStream([{ apiVersion: 'v1', kind: 'List', items: [{ ...config, metadata: { ...config!.metadata, uid: 'u', resourceVersion: '7' } }], metadata: { resourceVersion: '' } }]);
  const fromDump = await cli(['reference', '--from-manifests', '-'], dump);
  assert.equal(fromDump.code, 0, fromDump.stderr);
  assert.equal(fromDump.stdout, fromValues.stdout, 'from kubectl get cm linkerd-config -o yaml on stdin');
  const json = await cli(['reference', '--from-manifests', 'render.yaml', '-o', 'json']);
  assert.deepEqual(JSON.parse(json.stdout), parseYamlStream(fromValues.stdout, 'ref')[0].value);
});

test('inject --mesh-reference meshes as inject -f MESH_VALUES, in both modes', async () => {
  const ref = await cli(['reference', '-f', 'mesh.yaml']);
  file('mesh-reference.yaml', ref.stdout);
  for (const mode of [[], ['--manual']]) {
    const fromValues = await cli(['inject', ...mode, '-f', 'mesh.yaml', '--set', 'proxy.logLevel=info', '--admin-port', '4192', 'app.yaml']);
    const fromReference = await cli(['inject', ...mode, '--mesh-reference', 'mesh-reference.yaml', '--set', 'proxy.logLevel=info', '--admin-port', '4192', 'app.yaml']);
    assert.equal(fromValues.code, 0, fromValues.stderr);
    assert.equal(fromReference.code, 0, fromReference.stderr);
    assert.equal(fromReference.stdout, fromValues.stdout, mode.join(' ') || 'annotation mode');
    assert.match(fromReference.stdout, /config\.linkerd\.io\/proxy-log-level: info/);
  }
});

test('refusals: manual mode without anchors names trustAnchorsPem, a bad reference names its paths, --from-manifests takes no values', async () => {
  file('bare.yaml', 'apiVersion: meshform.io/v1alpha1\nkind: MeshReference\n');
  const bare = await cli(['inject', '--manual', '--mesh-reference', 'bare.yaml', 'app.yaml']);
  assert.equal(bare.code, 1);
  assert.equal(bare.stdout, '');
  assert.match(bare.stderr, /trustAnchorsPem: is required for manual injection/);
  const annotated = await cli(['inject', '--mesh-reference', 'bare.yaml', 'app.yaml']);
  assert.equal(annotated.code, 0, 'annotation mode needs no anchors');

  file('bad.yaml', 'apiVersion: meshform.io/v1\nkind: MeshReference\nclusterDomain: Not_A_Domain\nproxyDefaults:\n  identity:\n    issuer: {}\n');
  const bad = await cli(['inject', '--mesh-reference', 'bad.yaml', 'app.yaml']);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, '');
  for (const path of ['apiVersion', 'clusterDomain', 'proxyDefaults.identity.issuer']) assert.match(bad.stderr, new RegExp(`- ${path.replace(/\./g, '\\.')}\\b`));

  const mixed = await cli(['reference', '--from-manifests', 'render.yaml', '--set', 'proxy.logLevel=info']);
  assert.equal(mixed.code, 2);
  assert.equal(mixed.stdout, '');
  const both = await cli(['inject', '--mesh-reference', 'bare.yaml', '-f', 'mesh.yaml', 'app.yaml']);
  assert.equal(both.code, 2);
  const none = await cli(['reference', '--from-manifests', 'app.yaml']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no ConfigMap linkerd-config/);
});
