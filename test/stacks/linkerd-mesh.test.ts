/**
 * LinkerdMesh under Pulumi mocks (this file's own process): the recording mocks are set before the
 * component is imported and record each registration's dependencies and each component's
 * registered outputs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as pulumi from '@pulumi/pulumi';
import { componentOutputs as outputs, recorded, registrations as registered, resolve, type Registration as Registered } from './recording-mocks.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

async function build(name: string, args: ConstructorParameters<typeof LinkerdMesh>[1]) {
  let mesh: InstanceType<typeof LinkerdMesh> | undefined;
  const resources = await recorded(() => (mesh = new LinkerdMesh(name, args)));
  return { mesh: mesh as InstanceType<typeof LinkerdMesh>, resources };
}

const k8sOnly = (rs: Registered[]) => rs.filter((r) => r.type.startsWith('kubernetes:'));

/** Plain (non-secret) strings anywhere in a value, with secret-wrapped subtrees skipped. */
function plainStrings(v: unknown, out: string[] = []): string[] {
  if (pulumi.runtime.isRpcSecret(v)) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => plainStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => plainStrings(x, out));
  return out;
}


test('default mesh: one component per phase, resources per phase, outputs', async () => {
  const { mesh, resources } = await build('m1', {});
  const phases = resources.filter((r) => r.type === 'meshform:index:MeshPhase').map((r) => r.name);
  assert.deepEqual(phases, ['m1-crds', 'm1-control-plane-namespace', 'm1-control-plane']);
  assert.equal(resources.filter((r) => r.type === 'meshform:index:MeshIdentity').length, 1);
  const crds = k8sOnly(resources).filter((r) => r.type === 'kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition');
  assert.equal(crds.length, 10);
  assert.equal(k8sOnly(resources).length, 10 + 1 + 2 + 38, 'crds + namespace + identity (ConfigMap, Secret) + control plane');
  assert.equal(await resolve(mesh.namespace), 'linkerd');
  assert.equal(await resolve(mesh.linkerdVersion), 'edge-26.8.3');
  assert.match(await resolve(mesh.trustAnchorPem), /BEGIN CERTIFICATE/);
  const reference = await resolve(mesh.reference);
  assert.equal(reference.kind, 'MeshReference');
  assert.equal(reference.trustAnchorsPem, await resolve(mesh.trustAnchorPem), 'the identity phase\'s anchors');
  assert.equal(reference.controlPlaneNamespace, 'linkerd');
  assert.ok(!JSON.stringify(reference).includes('PRIVATE KEY'));
  // Awaiting stays on: no resource opts out.
  assert.ok(!JSON.stringify(k8sOnly(resources).map((r) => r.inputs)).includes('pulumi.com/skipAwait'));
});

test('dependsOn: every control-plane object waits for the CRDs and the identity phase', async () => {
  const { resources } = await build('m2', {});
  const urnOf = (name: string) => registered.find((r) => r.name === name);
  assert.ok(urnOf('m2-crds'));
  const cp = resources.find((r) => r.type === 'meshform:index:MeshPhase' && r.name === 'm2-control-plane');
  assert.ok(cp);
  // A component in dependsOn stands for all its children: the control-plane phase depends on every
  // CRD, the namespace and the identity objects.
  const deps = new Set(cp.deps.map((u) => u.split('::').pop()));
  const crdNames = resources.filter((r) => r.type.endsWith(':CustomResourceDefinition')).map((r) => r.name);
  for (const d of [...crdNames, 'm2-linkerd', 'm2-linkerd-linkerd-identity-issuer', 'm2-linkerd-linkerd-identity-trust-roots']) {
    assert.ok(deps.has(d), `control plane depends on ${d}`);
  }
  const identity = resources.find((r) => r.type === 'meshform:index:MeshIdentity');
  const identityDeps = new Set(identity?.deps.map((u) => u.split('::').pop()));
  assert.ok(crdNames.every((n) => identityDeps.has(n)) && identityDeps.has('m2-linkerd'));
  // Registration order follows: every CRD is registered before any control-plane Deployment.
  const idx = (pred: (r: Registered) => boolean) => resources.map((r, i) => (pred(r) ? i : -1)).filter((i) => i >= 0);
  const lastCrd = Math.max(...idx((r) => r.type.endsWith(':CustomResourceDefinition')));
  const firstDeploy = Math.min(...idx((r) => r.type === 'kubernetes:apps/v1:Deployment'));
  assert.ok(lastCrd < firstDeploy);
});

test('HA: 3 replicas and PodDisruptionBudgets', async () => {
  const { resources } = await build('m3', { ha: true });
  const deployments = resources.filter((r) => r.type === 'kubernetes:apps/v1:Deployment');
  assert.equal(deployments.length, 3);
  for (const d of deployments) assert.equal((d.inputs.spec as { replicas: number }).replicas, 3, d.name);
  assert.equal(resources.filter((r) => r.type === 'kubernetes:policy/v1:PodDisruptionBudget').length, 3);
  assert.equal(k8sOnly(resources).length, 10 + 1 + 2 + 41);
});

test('no private key in any plain input or component output; Secret data is secret', async () => {
  await build('m4', { viz: true });
  for (const r of registered) {
    const leaks = plainStrings(r.inputs).filter((s) => s.includes('PRIVATE KEY') || Buffer.from(s, 'base64').toString().includes('PRIVATE KEY'));
    assert.deepEqual(leaks, [], `${r.type} ${r.name}`);
    if (r.type === 'kubernetes:core/v1:Secret' && r.inputs.data !== undefined) assert.ok(pulumi.runtime.isRpcSecret(r.inputs.data), r.name);
  }
  for (const o of outputs) assert.ok(!plainStrings(o).some((s) => s.includes('PRIVATE KEY')));
  // The issuer Secret and webhook Secrets exist and carry the keys (inside the secret).
  const issuer = registered.find((r) => r.name === 'm4-linkerd-linkerd-identity-issuer');
  assert.ok(issuer);
  const data = pulumi.runtime.unwrapRpcSecret(issuer.inputs.data) as Record<string, string>;
  assert.match(Buffer.from(data['tls.key'], 'base64').toString(), /PRIVATE KEY/);
  assert.equal(issuer.inputs.type, 'kubernetes.io/tls');
});

test('an image-tag override changes only where the tag is embedded (images among them)', async () => {
  const a = k8sOnly((await build('va', {})).resources);
  const b = k8sOnly((await build('vb', { imageTag: 'edge-26.9.9' })).resources);
  assert.equal(a.length, b.length);
  const diffs: string[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (pulumi.runtime.isRpcSecret(x)) return; // generated certificates differ by construction
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) {
        diffs.push(path);
        // Equal once both versions are masked: nothing but the version moved.
        const mask = (v: unknown) => String(v).replaceAll('edge-26.8.3', 'V').replaceAll('edge-26.9.9', 'V');
        assert.equal(mask(x), mask(y), `${path} changed beyond the version`);
      }
      return;
    }
    if (x && typeof x === 'object' && y && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk((x as never)[k], (y as never)[k], `${path}.${k}`);
    } else assert.deepEqual(x, y, path);
  };
  a.forEach((r, i) => walk(r.inputs, b[i].inputs, `${r.type}:${r.name.slice(3)}`));
  assert.ok(diffs.some((p) => p.endsWith('.image')), 'container images change');
  assert.ok(!diffs.some((p) => p.includes('CustomResourceDefinition') && !p.includes('annotations') && !p.includes('labels')));
});

test('identity cert-manager: cert-manager-identity phase, no identity component, no tls resource, no key', async () => {
  const { mesh, resources } = await build('tm', { identity: 'cert-manager', viz: true, certManager: { trustAnchors: ['2025'] } });
  const phases = resources.filter((r) => r.type === 'meshform:index:MeshPhase').map((r) => r.name);
  assert.deepEqual(phases, ['tm-crds', 'tm-cert-manager-identity', 'tm-control-plane-namespace', 'tm-control-plane', 'tm-viz']);
  assert.deepEqual([...mesh.phases.keys()], ['crds', 'cert-manager-identity', 'control-plane-namespace', 'control-plane', 'viz']);
  assert.equal(resources.filter((r) => r.type === 'meshform:index:MeshIdentity').length, 0);
  assert.deepEqual(resources.filter((r) => r.type.startsWith('tls:')).map((r) => r.name), [], 'nothing generated with @pulumi/tls');
  // The trust anchor never passes through the stack: documented as the empty string.
  assert.equal(await resolve(mesh.trustAnchorPem), '');
  assert.equal((await resolve(mesh.reference)).trustAnchorsPem, undefined, 'cert-manager: a reference for annotation mode');

  const text = JSON.stringify(k8sOnly(resources).map((r) => r.inputs));
  assert.doesNotMatch(text, /PRIVATE KEY|BEGIN CERTIFICATE|@@meshform-slot/);
  for (const s of resources.filter((r) => r.type === 'kubernetes:core/v1:Secret')) {
    const data = JSON.stringify(s.inputs.data ?? {});
    assert.ok(!data.includes('tls.key') && s.inputs.type !== 'kubernetes.io/tls', `${s.name} carries no TLS key`);
  }

  const byName = (name: string) => resources.find((r) => r.name === name);
  const bundle = byName('tm-linkerd-identity-trust-roots');
  assert.ok(bundle);
  assert.equal(bundle.type, 'kubernetes:trust.cert-manager.io/v1alpha1:Bundle');
  const anchor = byName('tm-cert-manager-linkerd-trust-anchor-2025');
  assert.equal(anchor?.type, 'kubernetes:cert-manager.io/v1:Certificate');
  const issuer = byName('tm-linkerd-linkerd-identity-issuer');
  assert.ok(issuer);
  assert.equal(issuer.type, 'kubernetes:cert-manager.io/v1:Certificate');
  assert.equal((issuer.inputs.spec as { issuerRef: { name: string } }).issuerRef.name, 'linkerd-trust-anchor-2025');
  // (The tap Certificate shares its name with tap's ServiceAccount; the type tells them apart.)
  assert.ok(resources.some((r) => r.name === 'tm-linkerd-viz-tap' && r.type === 'kubernetes:cert-manager.io/v1:Certificate'));

  // dependsOn: the namespace waits for the cert-manager objects; the control plane (issuer Certificate
  // included) for the namespace and the cert-manager objects.
  const depNames = (r: Registered | undefined) => new Set((r?.deps ?? []).map((u) => u.split('::').pop()));
  const nsDeps = depNames(byName('tm-control-plane-namespace'));
  assert.ok(nsDeps.has('tm-linkerd-identity-trust-roots') && nsDeps.has('tm-cert-manager-linkerd-trust-anchor-2025'), [...nsDeps].join());
  const cpDeps = depNames(byName('tm-control-plane'));
  for (const d of ['tm-linkerd', 'tm-linkerd-identity-trust-roots', 'tm-linkerd-trust-anchor-2025']) assert.ok(cpDeps.has(d), `control plane depends on ${d}`);
  const cmDeps = depNames(byName('tm-cert-manager-identity'));
  assert.ok([...cmDeps].some((d) => d?.includes('-servers.policy.linkerd.io')), 'cert-manager-identity waits for the CRDs');
  // Registration follows (a child registers once its phase has, which waits for its dependencies):
  // the Bundle before the Namespace, the Namespace before the issuer Certificate.
  const at = (name: string, type: string) => resources.findIndex((r) => r.name === name && r.type === type);
  const nsAt = at('tm-linkerd', 'kubernetes:core/v1:Namespace');
  assert.ok(at('tm-linkerd-identity-trust-roots', bundle.type) < nsAt);
  assert.ok(nsAt >= 0 && nsAt < at('tm-linkerd-linkerd-identity-issuer', issuer.type));
  // The webhooks take their CA from cert-manager's injector.
  const injector = resources.find((r) => r.type.endsWith(':MutatingWebhookConfiguration') && r.name.startsWith('tm-'));
  assert.match(JSON.stringify(injector?.inputs.metadata), /cert-manager.io\/inject-ca-from/);
});

test('identity cert-manager: certManager options are refused in another mode, an anchor in this one', () => {
  assert.throws(() => new LinkerdMesh('bad', { identity: 'generated', certManager: {} }), /only used with identity 'cert-manager'/);
  // The former `cert-manager` (now `external-issuer`) took the anchor: passing one is refused, not ignored.
  assert.throws(() => new LinkerdMesh('old', { identity: 'cert-manager', trustAnchorPem: 'PEM' }), /'external-issuer' \(formerly 'cert-manager'\)/);
});
