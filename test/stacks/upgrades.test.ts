/**
 * Upgrades on a real engine (issue #14 points 2 and 3), under mocks: meshform's provider makes
 * ConfigMap and Secret data mutable, and a lint over what two stacks register (default, and one with
 * new anchors, HA, changed values and images) against the provider's force-new rules finds no
 * replacement of a fixed-name object; the trust-root digest and heartbeat follow the real anchors;
 * `version` is only the rendered release; CRDs are updated first.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import * as k8s from '@pulumi/kubernetes';
import { byName, recorded, unwrapSecrets, type Registration } from './recording-mocks.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { deterministicHeartbeatSchedule } from '../../lib/values/mesh/resolve.js';
import { forceNewChanges } from '../../stacks/render/force-new.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');
const { MESH_PROVIDER_MUTABILITY } = await import('../../stacks/components/mesh-provider.js');

const ANCHOR_A = '-----BEGIN CERTIFICATE-----\nanchor-A\n-----END CERTIFICATE-----\n';
const ANCHOR_B = '-----BEGIN CERTIFICATE-----\nanchor-B\n-----END CERTIFICATE-----\n';
const provided = (anchor: string, issuer: string) => ({
  identity: 'provided' as const,
  trustAnchorPem: anchor,
  issuerCertPem: `-----BEGIN CERTIFICATE-----\n${issuer}\n-----END CERTIFICATE-----\n`,
  issuerKeyPem: '-----BEGIN EC PRIVATE KEY-----\nkey\n-----END EC PRIVATE KEY-----\n',
});

const before = await recorded(() => new LinkerdMesh('a', { viz: true, ...provided(ANCHOR_A, 'issuer-A') }));
const after = await recorded(
  () =>
    new LinkerdMesh('b', {
      viz: true,
      ha: true,
      imageTag: 'edge-26.8.4',
      values: { proxy: { logLevel: 'debug' }, controllerLogLevel: 'debug' },
      ...provided(ANCHOR_B, 'issuer-B'),
    }),
);

/** The Kubernetes objects a stack registers, as the provider receives them (secrets unwrapped). */
const objects = (rs: readonly Registration[]): KubeObject[] =>
  rs.filter((r) => r.type.startsWith('kubernetes:') && r.inputs.kind).map((r) => unwrapSecrets(r.inputs) as KubeObject);

test('meshform creates its provider with mutable ConfigMaps and Secrets, and every object uses it', () => {
  const provider = byName(before, 'pulumi:providers:kubernetes', 'a-kubernetes');
  assert.equal(provider.inputs.enableConfigMapMutable, 'true');
  assert.equal(provider.inputs.enableSecretMutable, 'true');
  const k8sResources = before.filter((r) => r.type.startsWith('kubernetes:'));
  assert.ok(k8sResources.length > 50);
  for (const r of k8sResources) assert.equal(r.provider, provider.key, `${r.type} ${r.name} uses meshform's provider`);
});

test('a caller\'s provider is used as it is: no second provider', async () => {
  const mine = new k8s.Provider('mine', { enableConfigMapMutable: true, enableSecretMutable: true });
  const rs = await recorded(() => new LinkerdMesh('c', {}, { provider: mine }));
  assert.deepEqual(rs.filter((r) => r.type === 'pulumi:providers:kubernetes' && r.name !== 'mine').map((r) => r.name), []);
  const cm = byName(rs, 'kubernetes:core/v1:ConfigMap', 'c-linkerd-linkerd-config');
  assert.equal(cm.provider, 'pulumi:providers:kubernetes::mine');
});

test('force-new lint: the upgrade replaces no object under meshform\'s provider, and would without mutable data', () => {
  const a = objects(before);
  const b = objects(after);
  assert.deepEqual(forceNewChanges(a, b, MESH_PROVIDER_MUTABILITY), []);
  // The same change under a provider with the defaults: fixed-name ConfigMaps and Secrets replaced.
  const replaced = forceNewChanges(a, b).map((c) => `${c.object} ${c.field}`);
  for (const expected of [
    'v1 ConfigMap linkerd/linkerd-config data',
    'v1 ConfigMap linkerd/linkerd-identity-trust-roots data',
    'v1 Secret linkerd/linkerd-identity-issuer data',
  ]) {
    assert.ok(replaced.includes(expected), `${expected} (found: ${replaced.join('; ')})`);
  }
  // The lint sees what it must: a Deployment selector or a Secret type change is force-new regardless.
  const deploy = a.find((o) => o.kind === 'Deployment') as KubeObject;
  const moved = { ...deploy, spec: { ...(deploy.spec as object), selector: { matchLabels: { x: 'y' } } } };
  assert.deepEqual(forceNewChanges([deploy], [moved], MESH_PROVIDER_MUTABILITY).map((c) => c.field), ['spec.selector']);
});

const podAnnotation = (rs: readonly Registration[], name: string): string => {
  const d = byName(rs, 'kubernetes:apps/v1:Deployment', name).inputs as { spec: { template: { metadata: { annotations: Record<string, string> } } } };
  return d.spec.template.metadata.annotations['linkerd.io/trust-root-sha256'];
};
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

test('the trust-root digest is the real anchors\', so a new anchor rolls the control plane', () => {
  for (const component of ['destination', 'identity', 'proxy-injector']) {
    assert.equal(podAnnotation(before, `a-linkerd-linkerd-${component}`), sha(ANCHOR_A), component);
    assert.equal(podAnnotation(after, `b-linkerd-linkerd-${component}`), sha(ANCHOR_B), component);
  }
  assert.notEqual(sha(ANCHOR_A), sha(''));
});

test('the heartbeat schedule derives from the real anchors, unless the values set one', async () => {
  const schedule = (rs: readonly Registration[], prefix: string) =>
    (byName(rs, 'kubernetes:batch/v1:CronJob', `${prefix}-linkerd-linkerd-heartbeat`).inputs.spec as { schedule: string }).schedule;
  assert.equal(schedule(before, 'a'), deterministicHeartbeatSchedule(ANCHOR_A));
  assert.equal(schedule(after, 'b'), deterministicHeartbeatSchedule(ANCHOR_B));
  const fixed = await recorded(() => new LinkerdMesh('h', { values: { heartbeatSchedule: '1 2 * * *' }, ...provided(ANCHOR_A, 'i') }));
  assert.equal(schedule(fixed, 'h'), '1 2 * * *');
});

test('version: only the release meshform renders; imageTag is the image-only override', () => {
  assert.throws(
    () => new LinkerdMesh('v', { version: 'edge-26.9.9' }),
    (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      assert.deepEqual(e.issues.map((i) => [i.path, i.value]), [['v.version', 'edge-26.9.9']]);
      assert.match(e.issues[0].message, /edge-26\.8\.3.*imageTag/);
      return true;
    },
  );
  const images = objects(after).filter((o) => o.kind === 'Deployment').flatMap((o) => JSON.stringify(o).match(/cr\.l5d\.io\/linkerd\/controller:[^"]+/g) ?? []);
  assert.ok(images.length > 0 && images.every((i) => i.endsWith(':edge-26.8.4')), images.join());
});

test('CRDs are updated first: every object of every other phase depends, through its phase, on every CRD', () => {
  // The engine orders (and deletes in reverse) by dependencies and parents alike.
  const deps = new Map(after.map((r) => [r.key, r.parent ? [...r.deps, r.parent] : r.deps]));
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) for (const d of deps.get(stack.pop() as string) ?? []) if (!seen.has(d)) (seen.add(d), stack.push(d));
    return seen;
  };
  const crds = after.filter((r) => r.type.endsWith(':CustomResourceDefinition')).map((r) => r.key);
  assert.ok(crds.length >= 10);
  const phases = ['b-control-plane-namespace', 'b-identity', 'b-control-plane', 'b-viz'].map((p) => after.find((x) => x.name === p && x.type.startsWith('meshform:')));
  for (const phase of phases) {
    assert.ok(phase);
    const reached = reach(phase.key);
    for (const crd of crds) assert.ok(reached.has(crd), `${phase.name} waits for ${crd}`);
  }
  const members = after.filter((r) => r.type.startsWith('kubernetes:') && r.inputs.kind !== 'CustomResourceDefinition' && r.name.startsWith('b-'));
  for (const r of members) assert.ok(crds.every((crd) => reach(r.key).has(crd)), `${r.type} ${r.name} waits for every CRD`);
});
