/**
 * Protection on a real engine (issue #14 point 4), under mocks and by resource name: CRDs are
 * retained on delete unless `retainCrds: false`; the objects cert-manager / trust-manager take over
 * in another identity mode are retained (so switching modes does not delete what they own) and
 * are never registered in the mode where they own them; `adopt` gives the provider upsert and
 * patch-force.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byName, recorded, type Registration } from './recording-mocks.js';
import type { KubeObject } from '../../lib/manifest.js';
import { renderMesh } from '../../stacks/render/render-mesh.js';
import { handedOverInOtherModes } from '../../stacks/render/resource-policy.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

const CRD = 'kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition';
const generated = await recorded(() => new LinkerdMesh('p', { viz: true, multicluster: true }));

test('CRDs are retained on delete by default, the multicluster Link CRD included', () => {
  const crds = generated.filter((r) => r.type === CRD);
  assert.ok(crds.length >= 11);
  for (const name of ['p-servers.policy.linkerd.io', 'p-httproutes.policy.linkerd.io', 'p-serviceprofiles.linkerd.io', 'p-links.multicluster.linkerd.io']) {
    assert.equal(byName(generated, CRD, name).retainOnDelete, true, name);
  }
  assert.ok(crds.every((r) => r.retainOnDelete));
  // Nothing else is retained by that rule: a Deployment, the Namespace and linkerd-config go with the stack.
  assert.equal(byName(generated, 'kubernetes:apps/v1:Deployment', 'p-linkerd-linkerd-destination').retainOnDelete, false);
  assert.equal(byName(generated, 'kubernetes:core/v1:Namespace', 'p-linkerd').retainOnDelete, false);
  assert.equal(byName(generated, 'kubernetes:core/v1:ConfigMap', 'p-linkerd-linkerd-config').retainOnDelete, false);
});

test('retainCrds: false deletes the CRDs with the stack', async () => {
  const rs = await recorded(() => new LinkerdMesh('q', { retainCrds: false }));
  const crds = rs.filter((r) => r.type === CRD);
  assert.ok(crds.length >= 10);
  assert.deepEqual(crds.filter((r) => r.retainOnDelete).map((r) => r.name), []);
});

test('identity objects another mode hands to cert-manager / trust-manager are retained on delete', () => {
  for (const [type, name] of [
    ['kubernetes:core/v1:ConfigMap', 'p-linkerd-linkerd-identity-trust-roots'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-linkerd-identity-issuer'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-linkerd-proxy-injector-k8s-tls'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-linkerd-sp-validator-k8s-tls'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-linkerd-policy-validator-k8s-tls'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-viz-tap-k8s-tls'],
    ['kubernetes:core/v1:Secret', 'p-linkerd-viz-tap-injector-k8s-tls'],
  ]) {
    assert.equal(byName(generated, type, name).retainOnDelete, true, name);
  }
  // The multicluster token Secret is the stack's alone.
  assert.equal(byName(generated, 'kubernetes:core/v1:Secret', 'p-linkerd-multicluster-linkerd-service-mirror-remote-access-default-token').retainOnDelete, false);
});

/** What cert-manager (Certificate `secretName`) and trust-manager (Bundle target) write in cert-manager mode. */
function controllerOwned(): { secrets: Set<string>; configMaps: Set<string> } {
  const objects = renderMesh({ viz: true, multicluster: true, certManager: {} }).phases.flatMap((p) => p.objects) as (KubeObject & { spec?: Record<string, unknown> })[];
  const secrets = new Set<string>();
  const configMaps = new Set<string>();
  for (const o of objects) {
    if (o.kind === 'Certificate') secrets.add(`${o.metadata?.namespace}/${o.spec?.secretName}`);
    const target = (o.spec?.target as { configMap?: { key?: string } } | undefined)?.configMap;
    if (o.kind === 'Bundle' && target) configMaps.add(String(o.metadata?.name));
  }
  return { secrets, configMaps };
}

test('the retained set is exactly what cert-manager and trust-manager own in cert-manager mode', () => {
  const owned = controllerOwned();
  const k8sObjects = (rs: readonly Registration[]) => rs.filter((r) => r.type.startsWith('kubernetes:core/v1:')).map((r) => r.inputs as unknown as KubeObject);
  const inGenerated = k8sObjects(generated);
  const ns = (o: KubeObject) => `${o.metadata?.namespace}/${o.metadata?.name}`;
  // Every Secret a Certificate writes there (cluster-scoped issuers' Secrets live in cert-manager's namespace, not ours)...
  const ours = [...owned.secrets].filter((s) => s.startsWith('linkerd/') || s.startsWith('linkerd-viz/'));
  assert.ok(ours.length >= 6, ours.join());
  for (const s of ours) {
    const o = inGenerated.find((x) => x.kind === 'Secret' && ns(x) === s);
    assert.ok(o, `${s} is a Secret the generated mode registers`);
    assert.ok(handedOverInOtherModes(o), `${s} is retained`);
  }
  for (const name of owned.configMaps) {
    const o = inGenerated.find((x) => x.kind === 'ConfigMap' && x.metadata?.name === name);
    assert.ok(o && handedOverInOtherModes(o), `${name} is retained`);
  }
  // ...and nothing else is.
  const retained = inGenerated.filter(handedOverInOtherModes).map((o) => `${o.kind} ${ns(o)}`).sort();
  const expected = [...ours.map((s) => `Secret ${s}`), ...[...owned.configMaps].map((c) => `ConfigMap linkerd/${c}`)].sort();
  assert.deepEqual(retained, expected);
});

test('cert-manager mode registers none of the Secrets / ConfigMaps cert-manager and trust-manager write', async () => {
  const rs = await recorded(() => new LinkerdMesh('cm', { identity: 'cert-manager', viz: true, certManager: {} }));
  const owned = controllerOwned();
  const core = rs.filter((r) => r.type === 'kubernetes:core/v1:Secret' || r.type === 'kubernetes:core/v1:ConfigMap').map((r) => r.inputs as unknown as KubeObject);
  const clash = core.filter((o) =>
    o.kind === 'Secret' ? owned.secrets.has(`${o.metadata?.namespace}/${o.metadata?.name}`) : owned.configMaps.has(String(o.metadata?.name)),
  );
  assert.deepEqual(clash.map((o) => `${o.kind} ${o.metadata?.name}`), []);
});

test('adopt: meshform\'s provider upserts existing objects and forces field conflicts; off by default', async () => {
  const plain = byName(generated, 'pulumi:providers:kubernetes', 'p-kubernetes');
  assert.notEqual(plain.inputs.upsertExistingObjects, 'true');
  const rs = await recorded(() => new LinkerdMesh('ad', { adopt: true }));
  const provider = byName(rs, 'pulumi:providers:kubernetes', 'ad-kubernetes');
  assert.equal(provider.inputs.upsertExistingObjects, 'true');
  assert.equal(provider.inputs.enablePatchForce, 'true');
  assert.equal(provider.inputs.enableConfigMapMutable, 'true');
});
