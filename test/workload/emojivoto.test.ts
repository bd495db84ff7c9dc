/**
 * The emojivoto example: every object is schema-valid, and a mesh upgrade (proxy version or trust
 * anchors) changes exactly the meshed pod templates' revision annotation, so exactly they roll.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Testing } from 'cdk8s';
import type { KubeObject } from '../../lib/manifest.js';
import { MESH_REVISION_ANNOTATION } from '../../lib/proxy-config/index.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { meshReferenceFromValues } from '../../lib/mesh-reference/index.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { buildEmojivoto, type EmojivotoOptions } from '../../examples/emojivoto/app.js';
import { validateKubeObject } from '../helpers/kube-schema.js';
import { testMeshValues } from './mesh-values.js';

const render = (values: MeshValues, options?: EmojivotoOptions): KubeObject[] => chartObjects(buildEmojivoto(Testing.app(), meshReferenceFromValues(values), options));

/** Paths (a/b/c) at which two JSON values differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`));
}

const REVISION_PATH = `/spec/template/metadata/annotations/${MESH_REVISION_ANNOTATION}`;
const MESHED = ['Deployment/emoji', 'Deployment/vote-bot', 'Deployment/voting', 'Deployment/web'];

for (const [what, next] of [
  ['proxy version', { proxyVersion: 'edge-26.9.1' }],
  ['trust anchors', { anchors: 'rotated' }],
] as const) {
  test(`changing the ${what} changes only the meshed pod templates' revision`, async () => {
    const before = render(await testMeshValues());
    const after = render(await testMeshValues(next));
    assert.equal(before.length, after.length);
    const changed = before.flatMap((o, i) => differences(o, after[i]).map((p) => `${o.kind}/${o.metadata?.name}${p}`));
    assert.deepEqual(changed.sort(), MESHED.map((m) => `${m}${REVISION_PATH}`));
  });
}

test('the example has the emojivoto objects, all meshed in annotation mode', async () => {
  const objs = render(await testMeshValues());
  const names = objs.map((o) => `${o.kind}/${o.metadata?.name}`).sort();
  assert.deepEqual(names, [
    'Deployment/emoji', 'Deployment/vote-bot', 'Deployment/voting', 'Deployment/web',
    'Namespace/emojivoto',
    'Service/emoji-svc', 'Service/voting-svc', 'Service/web-svc',
    'ServiceAccount/emoji', 'ServiceAccount/voting', 'ServiceAccount/web',
  ]);
  for (const o of objs.filter((x) => x.kind === 'Deployment')) {
    const spec = o.spec as { template: { metadata: { annotations: Record<string, string> }; spec: { containers: { image: string }[] } } };
    assert.equal(spec.template.metadata.annotations['linkerd.io/inject'], 'enabled');
    assert.match(spec.template.spec.containers[0].image, /^docker\.l5d\.io\/buoyantio\/emojivoto-[a-z-]+:v11$/);
  }
});

for (const mode of ['annotation', 'manual'] as const) {
  test(`every example object validates against the Kubernetes schema (${mode} mode)`, async () => {
    const objs = render(await testMeshValues(), { mesh: { mode } });
    const results = objs.map((o) => validateKubeObject(o as Parameters<typeof validateKubeObject>[0]));
    assert.deepEqual(results.filter((r) => r.status !== 'valid'), []);
    if (mode === 'manual') {
      const names = objs
        .filter((o) => o.kind === 'Deployment')
        .flatMap((o) => (o.spec as { template: { spec: { containers: { name: string }[]; initContainers?: { name: string }[] } } }).template.spec)
        .flatMap((s) => [...(s.initContainers ?? []), ...s.containers].map((c) => c.name));
      assert.equal(names.filter((n) => n === 'linkerd-proxy').length, 4);
    }
  });
}
