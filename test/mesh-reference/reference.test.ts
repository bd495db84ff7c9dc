// The MeshReference model: serialization round trips, defaults, refusals by path, the trust-roots
// fallback for an external CA, and the revision it gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { toYaml } from '../../lib/manifest.js';
import {
  MESH_REFERENCE_API_VERSION,
  MESH_REFERENCE_KIND,
  meshReferenceFromManifests,
  meshReferenceFromValues,
  parseMeshReference,
  parseMeshReferenceText,
} from '../../lib/mesh-reference/index.js';
import { meshReferenceRevision, meshRevision } from '../../lib/proxy-config/index.js';
import { configValuesDump } from '../../lib/values/mesh/config-dump.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { testMeshValues } from '../workload/mesh-values.js';

const values = await testMeshValues();
const header = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND } as const;

test('a reference survives JSON and YAML unchanged, and holds no key', () => {
  const ref = meshReferenceFromValues(values, { controlPlaneNamespace: 'mesh' });
  assert.deepEqual(parseMeshReference(JSON.parse(JSON.stringify(ref))), ref);
  assert.deepEqual(parseMeshReferenceText(toYaml(ref)), ref);
  assert.deepEqual(parseMeshReferenceText(JSON.stringify(ref)), ref);
  const text = JSON.stringify(ref);
  assert.ok(!text.includes('PRIVATE KEY'));
  assert.ok(!text.includes(values.identity.issuer.tls.crtPEM.trim().split('\n')[1]), 'not the issuer certificate');
  assert.equal(meshReferenceRevision(ref), meshRevision(values), 'same revision as the values');
});

test('a minimal reference is completed with the defaults', () => {
  assert.deepEqual(parseMeshReference({ ...header }), {
    ...header,
    linkerdVersion: 'edge-26.8.3',
    proxyVersion: 'edge-26.8.3',
    controlPlaneNamespace: 'linkerd',
    clusterDomain: 'cluster.local',
    trustDomain: 'cluster.local',
    proxyDefaults: {},
  });
  assert.equal(parseMeshReference({ ...header, clusterDomain: 'example.org' }).trustDomain, 'example.org');
});

test('refusals name the path, all at once', () => {
  const paths = (input: unknown): string[] => {
    try {
      parseMeshReference(input);
    } catch (e) {
      assert.ok(e instanceof MeshformError);
      return e.issues.map((i) => i.path);
    }
    return [];
  };
  assert.deepEqual(paths('mesh'), ['']);
  assert.deepEqual(paths([]), ['']);
  assert.deepEqual(paths({ ...header, kind: 'Mesh', trustDomain: 3, extra: true, trustAnchorsPem: 'x', proxyDefaults: { proxy: { image: { version: 'v1' } }, values: {} } }), [
    'kind', 'extra', 'trustDomain', 'trustAnchorsPem', 'proxyDefaults.values', 'proxyDefaults.proxy.image.version',
  ]);
  assert.deepEqual(paths({ ...header, proxyDefaults: [] }), ['proxyDefaults']);
  assert.deepEqual(paths({ ...header, linkerdVersion: 'edge 26', proxyDefaults: { proxy: { logLevl: 'x' } } }), ['proxyDefaults.proxy.logLevl', 'linkerdVersion']);
  // A key that would change a prototype if assigned (JSON.parse makes it an own key).
  assert.deepEqual(paths({ ...header, proxyDefaults: JSON.parse('{"__proto__": {"x": 1}}') }), ['proxyDefaults.__proto__']);
});

test('an external CA: the dump has no anchors, the trust-roots ConfigMap does', () => {
  const external = resolveMeshValues({ crdsOnly: true, user: { identity: { externalCA: true } } });
  const dump = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values: toYaml(configValuesDump(external)) } };
  const alone = meshReferenceFromManifests([dump]);
  assert.equal(alone.trustAnchorsPem, undefined, 'annotation mode only');
  assert.deepEqual(alone.proxyDefaults, { identity: { externalCA: true } });
  const roots = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'linkerd-identity-trust-roots', namespace: 'linkerd' }, data: { 'ca-bundle.crt': values.identityTrustAnchorsPEM } };
  assert.equal(meshReferenceFromManifests([{ apiVersion: 'v1', kind: 'List', items: [dump, roots] }]).trustAnchorsPem, values.identityTrustAnchorsPEM);
  assert.throws(() => meshReferenceFromManifests([roots], 'x.yaml'), /x\.yaml: no ConfigMap linkerd-config/);
  assert.throws(() => meshReferenceFromManifests([{ ...dump, data: {} }]), /data\.values: missing/);
  const broken = { ...dump, data: { values: toYaml({ ...configValuesDump(external), clusterDomain: 'Bad Domain', proxy: { ports: { admin: 'x' } } }) } };
  assert.throws(() => meshReferenceFromManifests([broken], 'dump.yaml'), (e: unknown) =>
    e instanceof MeshformError && /read from dump\.yaml/.test(e.message) && e.issues.some((i) => i.path === 'clusterDomain') && e.issues.some((i) => i.path === 'proxyDefaults.proxy.ports.admin'));
});

test('keys the chart does not define (kept with allowUnknownValues) stay out, so the reference reads back', () => {
  const lenient = resolveMeshValues({ crdsOnly: true, allowUnknownValues: true, warn: () => {}, user: { proxy: { logLevel: 'debug', futureKey: 1 } } });
  const ref = meshReferenceFromValues(lenient);
  assert.deepEqual(ref.proxyDefaults, { proxy: { logLevel: 'debug' } });
  assert.deepEqual(parseMeshReference(ref), ref);
});
