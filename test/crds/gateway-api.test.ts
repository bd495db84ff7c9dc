import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { GATEWAY_API_BUNDLE_VERSION, gatewayApiCrds } from '../../lib/crds/gateway-api/index.js';
import { validateKubeObject } from '../helpers/kube-schema.js';

const GOLDEN = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/linkerd/golden/crds/install_crds_with_gateway_api.golden',
);
const skip = existsSync(GOLDEN) ? false : `golden not found at ${GOLDEN} (../shared absent): skipping the comparison`;

const ALL = { httpRoutes: true, grpcRoutes: true, tlsRoutes: true, tcpRoutes: true } as const;
const NONE = { httpRoutes: false, grpcRoutes: false, tlsRoutes: false, tcpRoutes: false } as const;

/** Metadata the golden renders with placeholder versions (the diff tool ignores them too). */
const PLACEHOLDERS = new Set(['helm.sh/chart', 'linkerd.io/created-by']);

/**
 * Drops descriptions and placeholder metadata, and empty values (absent, null, {} and [] are equal), as
 * manifest-diff does. `subresources.status: {}` is meaningful, so the status subresource is kept.
 */
function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'description' || PLACEHOLDERS.has(k)) continue;
    const n = normalize(v, k);
    const empty = n === undefined || n === null || (typeof n === 'object' && Object.keys(n).length === 0);
    if (empty && !(key === 'subresources' && k === 'status')) continue;
    out[k] = n;
  }
  return out;
}

function goldenGatewayCrds(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const doc of parseAllDocuments(readFileSync(GOLDEN, 'utf8'))) {
    const o = doc.toJS() as { metadata?: { name?: string } } | null;
    const name = o?.metadata?.name ?? '';
    if (name.endsWith('.gateway.networking.k8s.io')) out.set(name, o);
  }
  return out;
}

test('the four route CRDs equal the golden (descriptions excluded), in its order', { skip }, () => {
  const golden = goldenGatewayCrds();
  const ours = gatewayApiCrds(ALL);
  assert.deepEqual(
    ours.map((c) => c.metadata?.name),
    [...golden.keys()],
  );
  for (const crd of ours) {
    const name = crd.metadata?.name ?? '';
    // Round-trip through JSON so the comparison sees what YAML serialization sees.
    assert.deepStrictEqual(normalize(JSON.parse(JSON.stringify(crd))), normalize(golden.get(name)), name);
  }
});

test('selection flags pick exactly the chosen kinds', () => {
  const kinds = (select: Parameters<typeof gatewayApiCrds>[0]) => gatewayApiCrds(select).map((c) => c.spec.names.kind);
  assert.deepEqual(kinds(ALL), ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);
  assert.deepEqual(kinds(NONE), []);
  assert.deepEqual(kinds({ ...NONE, httpRoutes: true }), ['HTTPRoute']);
  assert.deepEqual(kinds({ ...NONE, grpcRoutes: true }), ['GRPCRoute']);
  assert.deepEqual(kinds({ ...NONE, tlsRoutes: true }), ['TLSRoute']);
  assert.deepEqual(kinds({ ...NONE, tcpRoutes: true }), ['TCPRoute']);
  assert.deepEqual(kinds({ ...ALL, grpcRoutes: false, tlsRoutes: false }), ['HTTPRoute', 'TCPRoute']);
});

test('CRDs carry the bundle metadata, one storage version each, and valid Kubernetes shapes', () => {
  for (const crd of gatewayApiCrds(ALL)) {
    const name = crd.metadata?.name ?? '';
    assert.equal(crd.metadata?.annotations?.['gateway.networking.k8s.io/bundle-version'], GATEWAY_API_BUNDLE_VERSION, name);
    assert.equal(crd.metadata?.annotations?.['gateway.networking.k8s.io/channel'], 'experimental', name);
    assert.equal(crd.spec.versions.filter((v) => v.storage).length, 1, name);
    const result = validateKubeObject(crd);
    assert.equal(result.status, 'valid', `${name}: ${result.error ?? ''}`);
  }
});

test('each call returns fresh objects: mutating one render does not leak into the next', () => {
  const first = gatewayApiCrds(ALL);
  first[0].spec.versions[0].schema!.openAPIV3Schema!.required!.push('mutated');
  const second = gatewayApiCrds(ALL);
  assert.deepEqual(second[0].spec.versions[0].schema?.openAPIV3Schema?.required, ['spec']);
  // Versions of one CRD must not share schema nodes either.
  assert.notEqual(second[0].spec.versions[0].schema?.openAPIV3Schema, second[0].spec.versions[1].schema?.openAPIV3Schema);
});
