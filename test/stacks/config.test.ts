import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { parseStackConfig } from '../../stacks/config.js';

const getter = (cfg: Record<string, string>) => (key: string) => cfg[key];

test('defaults: generated identity, everything optional off, linkerd namespace', () => {
  assert.deepEqual(parseStackConfig(getter({})), {
    version: undefined,
    ha: false,
    viz: false,
    cni: false,
    multicluster: false,
    identity: 'generated',
    values: {},
    namespace: 'linkerd',
    trustAnchorPem: undefined,
    trustDomain: undefined,
  });
});

test('reads typed values, including the raw values object (JSON, as pulumi.Config.get returns it)', () => {
  const s = parseStackConfig(
    getter({ version: 'edge-26.9.1', ha: 'true', viz: 'true', identity: 'cert-manager', trustAnchorPem: 'PEM', values: '{"proxy":{"logLevel":"debug"}}' }),
  );
  assert.equal(s.version, 'edge-26.9.1');
  assert.equal(s.ha, true);
  assert.equal(s.viz, true);
  assert.equal(s.identity, 'cert-manager');
  assert.deepEqual(s.values, { proxy: { logLevel: 'debug' } });
});

test('a bad identity mode, a bad boolean and a non-object values all fail at once', () => {
  assert.throws(
    () => parseStackConfig(getter({ identity: 'vault', ha: 'yes', values: '[1]' })),
    (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      const paths = e.issues.map((i) => i.path).sort();
      assert.deepEqual(paths, ['meshform:ha', 'meshform:identity', 'meshform:values']);
      assert.match(e.message, /generated, provided, cert-manager/);
      return true;
    },
  );
});

test('provided and cert-manager need the trust anchor', () => {
  assert.throws(() => parseStackConfig(getter({ identity: 'provided' })), /meshform:trustAnchorPem/);
});
