// The layering rule: lib/ ← constructs/ ← stacks/; the CLI sits on lib/ + constructs/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out = out.concat(sourceFiles(rel));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1] ?? m[2]);
}

function violations(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    imports(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${file} imports ${spec}`),
  );
}

const isFramework = (spec: string) => /^(cdk8s|cdk8s-plus-\d+|constructs|@pulumi\/)/.test(spec);
const reaches = (spec: string, file: string, layer: string) =>
  spec.startsWith('.') && relative(root, join(root, file, '..', spec)).startsWith(`${layer}/`);

test('lib/ imports neither cdk8s, constructs nor Pulumi, nor the layers above it', () => {
  assert.ok(sourceFiles('lib').length > 0, 'lib/ has source files');
  const bad = violations('lib', (spec, file) =>
    isFramework(spec) || ['constructs', 'stacks', 'cli'].some((layer) => reaches(spec, file, layer)),
  );
  assert.deepEqual(bad, []);
});

test('constructs/ does not import Pulumi, stacks/ or cli/', () => {
  const bad = violations('constructs', (spec, file) =>
    spec.startsWith('@pulumi/') || ['stacks', 'cli'].some((layer) => reaches(spec, file, layer)),
  );
  assert.deepEqual(bad, []);
});

test('cli/ does not import Pulumi or stacks/', () => {
  const bad = violations('cli', (spec, file) => spec.startsWith('@pulumi/') || reaches(spec, file, 'stacks'));
  assert.deepEqual(bad, []);
});

// Inside lib/: values ← props ← proxy ← inject ← proxy-config; identity depends only on values (and
// the base utilities). lib/k8s (label and object names) and lib/pod (upstream's pod partials) are low
// layers every chart and model layer may use. A name two layers need goes down to the lower one.
const BASE = ['errors', 'unsafe-keys', 'yaml-input', 'yaml-emit', 'versions', 'manifest', 'fs', 'k8s'];
const LIB_LAYERS: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  versions: [],
  'yaml-emit': [],
  manifest: ['yaml-emit'],
  k8s: ['errors'],
  'unsafe-keys': ['errors'],
  'yaml-input': ['errors', 'unsafe-keys'],
  fs: ['errors'],
  values: BASE,
  pod: [...BASE, 'values'],
  props: [...BASE, 'values'],
  identity: [...BASE, 'values'],
  proxy: [...BASE, 'values', 'pod', 'props'],
  inject: [...BASE, 'values', 'pod', 'props', 'proxy'],
  'mesh-reference': [...BASE, 'values', 'props', 'identity', 'proxy'],
  'proxy-config': [...BASE, 'values', 'pod', 'props', 'proxy', 'inject', 'mesh-reference'],
  crds: BASE,
  grafana: BASE,
  'service-profile': [...BASE, 'values'],
  gitops: [...BASE, 'pod'],
  // Routes, resilience and fault backends: the fault backend's pod uses the pod partials; route CRD values.
  traffic: [...BASE, 'values', 'pod', 'crds'],
  // Cross-object checks read Linkerd's duration grammar and retry statuses from lib/traffic, a profile's Service from its
  // name (lib/service-profile) and the identity domain from a mesh reference; the policy graph reads their index.
  'traffic-check': [...BASE, 'traffic', 'service-profile', 'mesh-reference'],
  'policy-graph': [...BASE, 'traffic-check'],
  // Authorization, rate limits and egress: CRD name patterns, default-policy names, the mesh's identity domain, HTTP matches.
  policy: [...BASE, 'values', 'crds', 'mesh-reference', 'traffic', 'traffic-check'],
  // meshform diff reads trust anchors the way upgrade does (lib/identity); the PKO objects need only names.
  diff: [...BASE, 'values', 'identity'],
  pko: BASE,
  // The preparation of every install phase and the package entry sit on top of the model.
  assembly: [...BASE, 'values', 'pod', 'props', 'identity', 'proxy', 'inject', 'crds', 'grafana', 'mesh-reference', 'proxy-config'],
  index: ['*'],
};
/**
 * Known, named exceptions (file → lib folder it may import despite its layer): values' identity
 * validation parses certificates with lib/identity; resolveMeshValues runs it, so moving it up
 * means composing validation in lib/assembly.
 */
const LIB_LAYER_EXCEPTIONS: Readonly<Record<string, string>> = {
  'lib/values/mesh/validate-identity.ts': 'identity',
};

/** The lib/ folder (or top-level module) a lib/ file or import target belongs to. */
const libUnit = (path: string) => path.split('/')[1].replace(/\.(ts|js)$/, '');

function libLayerViolations(): string[] {
  return sourceFiles('lib').flatMap((file) => {
    const from = libUnit(file);
    const allowed = LIB_LAYERS[from];
    if (!allowed) return [`${file}: lib/${from} has no layer in LIB_LAYERS`];
    if (allowed.includes('*')) return [];
    return imports(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(root, join(root, file, '..', spec)))
      .filter((target) => target.startsWith('lib/'))
      .map(libUnit)
      .filter((to) => to !== from && !allowed.includes(to) && LIB_LAYER_EXCEPTIONS[file] !== to)
      .map((to) => `${file} (lib/${from}) imports lib/${to}`);
  });
}

test('lib/ is layered inside: each folder imports only the layers below it', () => {
  assert.deepEqual(libLayerViolations(), []);
});

test('the lib/ layer table is acyclic', () => {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (unit: string, path: string[]): void => {
    if (done.has(unit)) return;
    assert.ok(!visiting.has(unit), `cycle: ${[...path, unit].join(' → ')}`);
    visiting.add(unit);
    for (const below of LIB_LAYERS[unit] ?? []) if (below !== '*') visit(below, [...path, unit]);
    visiting.delete(unit);
    done.add(unit);
  };
  for (const unit of Object.keys(LIB_LAYERS)) visit(unit, []);
});

test('the checker itself notices a forbidden import', () => {
  assert.equal(isFramework('cdk8s'), true);
  assert.equal(reaches('../../constructs/x.js', 'lib/values/a.ts', 'constructs'), true);
  assert.equal(reaches('./x.js', 'lib/values/a.ts', 'constructs'), false);
  assert.equal(libUnit(relative(root, join(root, 'lib/identity/a.ts', '..', '../inject/b.js'))), 'inject');
  assert.ok(!LIB_LAYERS.identity.includes('inject') && !LIB_LAYERS.values.includes('props'));
});
