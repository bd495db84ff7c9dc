// The phase directories: kubectl kustomize builds each to exactly its phase, in apply order, byte-identical across synths, no key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITOPS_ENGINES } from '../../lib/gitops/types.js';
import { isProtected } from '../../lib/gitops/phase-directory.js';
import { ARGOCD_SYNC_OPTIONS_ANNOTATION, FLUX_PRUNE_ANNOTATION } from '../../lib/gitops/annotations.js';
import type { KubeObject } from '../../lib/manifest.js';
import { keyOf, kustomize, layout, listTree, noKubectl, readObjects } from './fixture.js';

const phaseDirs = (paths: readonly string[]) => [...new Set(paths.filter((p) => /^\d\d-/.test(p)).map((p) => p.split('/')[0]))];

/** The object without the engine's protection annotations (what the chart rendered). */
function withoutEngineAnnotations(o: KubeObject): KubeObject {
  const annotations = { ...((o.metadata?.annotations as Record<string, string> | undefined) ?? {}) };
  if (!(ARGOCD_SYNC_OPTIONS_ANNOTATION in annotations) && !(FLUX_PRUNE_ANNOTATION in annotations)) return o;
  delete annotations[ARGOCD_SYNC_OPTIONS_ANNOTATION];
  delete annotations[FLUX_PRUNE_ANNOTATION];
  const { annotations: _dropped, ...metadata } = o.metadata ?? {};
  return { ...o, metadata: Object.keys(annotations).length ? { ...metadata, annotations } : metadata };
}

for (const engine of GITOPS_ENGINES) {
  test(`${engine}: one numbered directory per phase, in synthPhases order (restart last)`, () => {
    const { paths, phases } = layout(engine);
    const expected = phases.map((p, i) => `${String(i).padStart(2, '0')}-${p.name}`);
    assert.deepEqual(expected, ['00-crds', '01-cert-manager-identity', '02-control-plane', '03-viz']);
    // plain restarts by commands in apply.sh, the engines by a phase after the others.
    assert.deepEqual(phaseDirs(paths), engine === 'plain' ? expected : [...expected, '04-rollout-restart']);
  });

  test(`${engine}: each phase directory holds exactly the chart's objects (plus only the engine's protection annotations)`, () => {
    const { outdir, phases } = layout(engine);
    phases.forEach((phase, i) => {
      const dir = `${String(i).padStart(2, '0')}-${phase.name}`;
      const written = readObjects(join(outdir, dir, `${phase.name}.yaml`));
      assert.deepEqual(written.map(withoutEngineAnnotations), phase.objects, dir);
      const kustomization = readObjects(join(outdir, dir, 'kustomization.yaml'))[0] as unknown as { resources: string[] };
      assert.deepEqual(kustomization.resources, [`${phase.name}.yaml`]);
    });
  });

  test(`${engine}: kubectl kustomize builds every phase directory to exactly the phase's objects`, { skip: noKubectl }, () => {
    const { outdir, paths } = layout(engine);
    for (const dir of phaseDirs(paths)) {
      const file = paths.find((p) => p.startsWith(`${dir}/`) && !p.endsWith('/kustomization.yaml')) as string;
      const byKey = (objects: KubeObject[]) => new Map(objects.map((o) => [keyOf(o), o]));
      const built = byKey(kustomize(join(outdir, dir)));
      const expected = byKey(readObjects(join(outdir, file)));
      assert.deepEqual([...built.keys()].sort(), [...expected.keys()].sort(), dir);
      for (const [key, object] of expected) assert.deepEqual(built.get(key), object, `${dir}: ${key}`);
    }
  });

  test(`${engine}: two synths are byte-identical, and a re-synth into the same directory changes nothing`, () => {
    const first = layout(engine);
    const second = layout(engine);
    const tree = listTree(first.outdir);
    assert.deepEqual(listTree(second.outdir), tree);
    for (const f of tree) assert.equal(readFileSync(join(second.outdir, f), 'utf8'), readFileSync(join(first.outdir, f), 'utf8'), f);
    const before = tree.map((f) => readFileSync(join(first.outdir, f), 'utf8'));
    layout(engine, {}, first.outdir);
    assert.deepEqual(listTree(first.outdir), tree);
    assert.deepEqual(tree.map((f) => readFileSync(join(first.outdir, f), 'utf8')), before);
  });

  test(`${engine}: no private key and no Secret with a key anywhere in the default tree`, () => {
    const { outdir } = layout(engine);
    for (const f of listTree(outdir)) {
      const text = readFileSync(join(outdir, f), 'utf8');
      assert.doesNotMatch(text, /PRIVATE KEY/, f);
      if (f.endsWith('.yaml')) for (const o of readObjects(join(outdir, f))) assert.notEqual(o.kind, 'Secret', `${f}: ${keyOf(o)}`);
    }
  });
}

test('only CRDs and namespaces are protected, and each engine protects every one of them', () => {
  for (const engine of ['argocd', 'flux'] as const) {
    const { outdir, paths } = layout(engine);
    const objects = paths.filter((p) => /^\d\d-.*\/(?!kustomization)[^/]+\.yaml$/.test(p)).flatMap((p) => readObjects(join(outdir, p)));
    const annotation = engine === 'argocd' ? ARGOCD_SYNC_OPTIONS_ANNOTATION : FLUX_PRUNE_ANNOTATION;
    const marked = objects.filter((o) => (o.metadata?.annotations as Record<string, string> | undefined)?.[annotation] !== undefined);
    assert.deepEqual(marked.map(keyOf), objects.filter(isProtected).map(keyOf));
    assert.ok(marked.filter((o) => o.kind === 'CustomResourceDefinition').length >= 10 && marked.some((o) => o.kind === 'Namespace'));
  }
});

test('plain leaves the objects exactly as the charts rendered them', () => {
  const { outdir, phases } = layout('plain', {}, mkdtempSync(join(tmpdir(), 'meshform-plain-')));
  const crds = readObjects(join(outdir, '00-crds', 'crds.yaml'));
  assert.deepEqual(crds, phases[0].objects);
});
