// --allow-unknown-values: strict by default (unknown key → error with did-you-mean); with the option,
// Helm's behaviour: unknown keys kept verbatim in linkerd-config's values dump, listed in one warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { Mesh } from '../../constructs/mesh.js';
import { resolveCniValues } from '../../lib/values/cni/resolve.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { MeshformError } from '../../lib/errors.js';
import { generateIssuer, generateTrustAnchor } from '../../lib/identity/generate.js';
import { runCli } from '../helpers/run-cli.js';

const CASES = join(import.meta.dirname, '../../../shared/linkerd/cases');
const skip = existsSync(CASES) ? false : `skipped: ${CASES} not found (../shared is absent)`;
const PINS = ['-f', 'control-plane-pins.values.yaml'];

function configValues(stdout: string): Record<string, unknown> {
  for (const doc of parseAllDocuments(stdout)) {
    const o = doc.toJS() as { kind?: string; metadata?: { name?: string }; data?: { values?: string } } | null;
    if (o?.kind === 'ConfigMap' && o.metadata?.name === 'linkerd-config') return parse(o.data!.values!) as Record<string, unknown>;
  }
  throw new Error('no linkerd-config in the render');
}

test('install refuses an unknown key by default, with a suggestion', { skip }, async () => {
  const r = await runCli(['install', ...PINS, '--set', 'proxy.logLevle=debug'], { cwd: CASES });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /proxy\.logLevle: unknown key \(did you mean "logLevel"\?\)/);
});

test('install --allow-unknown-values keeps unknown keys in the values dump and warns once', { skip }, async () => {
  const r = await runCli(['install', '--allow-unknown-values', ...PINS, '--set', 'tap.caBundle=x', '--set', 'proxy.extra=1'], { cwd: CASES });
  assert.equal(r.code, 0, r.stderr);
  const values = configValues(r.stdout);
  assert.deepEqual(values.tap, { caBundle: 'x' });
  assert.equal((values.proxy as Record<string, unknown>).extra, 1);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('does not define'));
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0], /^meshform: warning: kept 2 values the chart does not define \(--allow-unknown-values\): proxy\.extra, tap$/);
});

test('the option keeps unknown keys only: a bad known value is still refused', { skip }, async () => {
  const r = await runCli(['install', '--allow-unknown-values', ...PINS, '--set', 'tap.x=1', '--set', 'proxy.logLevel=7'], { cwd: CASES });
  assert.equal(r.code, 1);
  const problems = r.stderr.slice(r.stderr.indexOf('invalid values'));
  assert.match(problems, /^invalid values: 1 problem\n  - proxy\.logLevel = 7: /);
});

const VIZ_TLS = { externalSecret: true, caBundle: 'ca' };

test('every phase resolver takes the option and reports through warn', () => {
  const resolvers: [string, (o: { allowUnknownValues?: boolean; warn?: (m: string) => void }) => unknown][] = [
    ['cni', (o) => resolveCniValues({ user: { bogus: 1 }, ...o })],
    ['viz', (o) => resolveVizValues({ user: { bogus: 1, tap: VIZ_TLS, tapInjector: VIZ_TLS }, ...o })],
    ['multicluster', (o) => resolveMulticlusterValues({ user: { bogus: 1 }, ...o })],
    ['crds', (o) => resolveMeshValues({ user: { bogus: 1 }, crdsOnly: true, ...o })],
  ];
  for (const [name, resolve] of resolvers) {
    assert.throws(() => resolve({}), (e: unknown) => e instanceof MeshformError && e.issues.some((i) => i.path === 'bogus'), name);
    const warned: string[] = [];
    const values = resolve({ allowUnknownValues: true, warn: (m) => warned.push(m) }) as Record<string, unknown>;
    assert.equal(values.bogus, 1, name);
    assert.deepEqual(warned, ['kept 1 value the chart does not define (--allow-unknown-values): bogus'], name);
  }
});

test('Mesh takes allowUnknownValues and lists the kept keys in warnings', async () => {
  const anchor = await generateTrustAnchor({});
  const issuer = await generateIssuer({ anchor });
  const external = { externalSecret: true, caBundle: 'ca' };
  const spec = {
    mesh: {
      identity: { trustAnchorsPem: anchor.certificatePem, issuer: { certificatePem: issuer.certificatePem, keyPem: issuer.privateKeyPem } },
      values: { bogus: 1, proxyInjector: external, profileValidator: external, policyValidator: external },
    },
    viz: { values: { other: 2, tap: external, tapInjector: external } },
  };
  assert.throws(() => new Mesh(new App(), 'mesh', spec), (e: unknown) => e instanceof MeshformError && e.issues.some((i) => i.path === 'bogus'));
  const mesh = new Mesh(new App(), 'mesh', { ...spec, allowUnknownValues: true });
  assert.equal((mesh.values as unknown as Record<string, unknown>).bogus, 1);
  assert.deepEqual(mesh.warnings, [
    'kept 1 value the chart does not define (--allow-unknown-values): bogus',
    'kept 1 value the chart does not define (--allow-unknown-values): other',
  ]);
});
