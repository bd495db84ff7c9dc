// Flux: a Kustomization per phase, dependsOn chained CRDs → identity → control plane → extensions → restart, health-checked, CRDs never pruned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FLUX_PRUNE_ANNOTATION } from '../../lib/gitops/annotations.js';
import { gitOpsTree } from '../../lib/gitops/tree.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { keyOf, kustomize, layout, noKubectl, readObjects } from './fixture.js';

interface FluxKustomization extends KubeObject {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly spec: {
    path: string;
    prune: boolean;
    sourceRef: { kind: string; name: string; namespace?: string };
    dependsOn?: { name: string }[];
    healthChecks?: { apiVersion: string; kind: string; name: string; namespace?: string }[];
  };
}

const flux = layout('flux');
const kustomizations = readObjects(join(flux.outdir, 'flux/kustomizations.yaml')) as FluxKustomization[];
const phaseObjects = (dir: string) => {
  const file = flux.paths.find((p) => p.startsWith(`${dir}/`) && !p.endsWith('kustomization.yaml')) as string;
  return readObjects(join(flux.outdir, file));
};

test('one Kustomization per phase, each dependsOn the previous one, in phase order', () => {
  assert.deepEqual(
    kustomizations.map((k) => [k.metadata.name, k.spec.path, k.spec.dependsOn?.map((d) => d.name)]),
    [
      ['linkerd-crds', './clusters/prod/linkerd/00-crds', undefined],
      ['linkerd-cert-manager-identity', './clusters/prod/linkerd/01-cert-manager-identity', ['linkerd-crds']],
      ['linkerd-control-plane', './clusters/prod/linkerd/02-control-plane', ['linkerd-cert-manager-identity']],
      ['linkerd-viz', './clusters/prod/linkerd/03-viz', ['linkerd-control-plane']],
      ['linkerd-rollout-restart', './clusters/prod/linkerd/04-rollout-restart', ['linkerd-viz']],
    ],
  );
  for (const k of kustomizations) {
    assert.equal(k.spec.prune, true);
    assert.deepEqual(k.spec.sourceRef, { kind: 'GitRepository', name: 'flux-system' });
  }
});

test('health checks: every CRD (Established), every control-plane Deployment, the certificates, the restart Job', () => {
  const checked = (name: string) => new Set((kustomizations.find((k) => k.metadata.name === name)?.spec.healthChecks ?? []).map((h) => `${h.apiVersion}/${h.kind}/${h.namespace ?? ''}/${h.name}`));
  const crds = phaseObjects('00-crds');
  assert.ok(crds.length >= 10);
  for (const crd of crds) assert.ok(checked('linkerd-crds').has(keyOf(crd)), keyOf(crd));
  const cp = phaseObjects('02-control-plane');
  const deployments = cp.filter((o) => o.kind === 'Deployment');
  assert.equal(deployments.length, 3);
  for (const o of [...deployments, ...cp.filter((x) => x.kind === 'Certificate')]) assert.ok(checked('linkerd-control-plane').has(keyOf(o)), keyOf(o));
  assert.ok([...checked('linkerd-rollout-restart')].some((k) => k.startsWith('batch/v1/Job/linkerd/linkerd-rollout-restart-')));
  // kstatus cannot judge trust-manager's Synced condition: the Bundle is not a health check.
  assert.ok(![...checked('linkerd-cert-manager-identity')].some((k) => k.includes('/Bundle/')));
});

test('CRDs and namespaces carry prune: disabled; nothing else does', () => {
  const all = flux.paths.filter((p) => /^\d\d-.*\/(?!kustomization)[^/]+\.yaml$/.test(p)).flatMap((p) => readObjects(join(flux.outdir, p)));
  const disabled = all.filter((o) => (o.metadata?.annotations as Record<string, string> | undefined)?.[FLUX_PRUNE_ANNOTATION] === 'disabled');
  assert.deepEqual([...new Set(disabled.map((o) => o.kind))].sort(), ['CustomResourceDefinition', 'Namespace']);
  assert.equal(disabled.length, all.filter((o) => ['CustomResourceDefinition', 'Namespace'].includes(o.kind)).length);
});

test('flux/kustomization.yaml lists what bootstrap applies; a source URL writes a GitRepository or OCIRepository', () => {
  assert.deepEqual((readObjects(join(flux.outdir, 'flux/kustomization.yaml'))[0] as unknown as { resources: string[] }).resources, ['kustomizations.yaml']);
  const git = layout('flux', { flux: { source: { url: 'https://git.example.com/fleet.git' } } });
  const [repo] = readObjects(join(git.outdir, 'flux/source.yaml'));
  assert.deepEqual([repo.kind, repo.metadata?.name, (repo.spec as { ref: unknown }).ref], ['GitRepository', 'linkerd', { branch: 'main' }]);
  assert.deepEqual((readObjects(join(git.outdir, 'flux/kustomizations.yaml'))[0] as FluxKustomization).spec.sourceRef, { kind: 'GitRepository', name: 'linkerd' });
  const oci = layout('flux', { flux: { namespace: 'flux', source: { kind: 'OCIRepository', url: 'oci://ghcr.io/example/mesh', ref: { semver: '>=1.0.0' } } } });
  const [artifact] = readObjects(join(oci.outdir, 'flux/source.yaml'));
  assert.deepEqual([artifact.kind, artifact.metadata?.namespace, (artifact.spec as { ref: unknown }).ref], ['OCIRepository', 'flux', { semver: '>=1.0.0' }]);
});

test('kubectl kustomize flux/ builds to the Kustomizations (what the parent Kustomization applies)', { skip: noKubectl }, () => {
  assert.deepEqual(kustomize(join(flux.outdir, 'flux')).map(keyOf).sort(), kustomizations.map(keyOf).sort());
});

test('bad Flux options are refused with every problem named', () => {
  assert.throws(
    () => gitOpsTree([], { engine: 'flux', flux: { source: { kind: 'OCIRepository', url: 'https://x', ref: { branch: 'main' } } } }),
    (e: unknown) => e instanceof MeshformError && e.issues.map((i) => i.path).join() === 'flux.source.url,flux.source.ref.branch',
  );
});
