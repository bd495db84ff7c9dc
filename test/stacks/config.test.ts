import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { parseStackConfig } from '../../stacks/config.js';

const getter = (cfg: Record<string, string>) => (key: string) => cfg[key];

test('defaults: generated identity, everything optional off, linkerd namespace', () => {
  assert.deepEqual(parseStackConfig(getter({})), {
    version: undefined,
    imageTag: undefined,
    retainCrds: true,
    adopt: false,
    gateway: { await: true, awaitSeconds: 0 },
    ha: false,
    viz: false,
    cni: false,
    multicluster: false,
    topologySpread: false,
    identity: 'generated',
    values: {},
    namespace: 'linkerd',
    trustAnchorPem: undefined,
    trustDomain: undefined,
  });
});

test('reads typed values, including the raw values object (JSON, as pulumi.Config.get returns it)', () => {
  const s = parseStackConfig(
    getter({ version: 'edge-26.8.3', imageTag: 'edge-26.8.4-rc', ha: 'true', viz: 'true', identity: 'external-issuer', trustAnchorPem: 'PEM', values: '{"proxy":{"logLevel":"debug"}}' }),
  );
  assert.equal(s.version, 'edge-26.8.3');
  assert.equal(s.imageTag, 'edge-26.8.4-rc');
  assert.equal(s.ha, true);
  assert.equal(s.viz, true);
  assert.equal(s.identity, 'external-issuer');
  assert.deepEqual(s.values, { proxy: { logLevel: 'debug' } });
});

test('a bad identity mode, a bad boolean and a non-object values all fail at once', () => {
  assert.throws(
    () => parseStackConfig(getter({ identity: 'vault', ha: 'yes', values: '[1]' })),
    (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      const paths = e.issues.map((i) => i.path).sort();
      assert.deepEqual(paths, ['meshform:ha', 'meshform:identity', 'meshform:values']);
      assert.match(e.message, /generated, provided, cert-manager, external-issuer/);
      return true;
    },
  );
});

test('provided and external-issuer need the trust anchor', () => {
  assert.throws(() => parseStackConfig(getter({ identity: 'provided' })), /meshform:trustAnchorPem/);
  assert.throws(() => parseStackConfig(getter({ identity: 'external-issuer' })), /meshform:trustAnchorPem/);
});

test('cert-manager: no trust anchor needed; meshform:certManager read as an object of options', () => {
  const bare = parseStackConfig(getter({ identity: 'cert-manager' }));
  assert.equal(bare.identity, 'cert-manager');
  assert.equal(bare.trustAnchorPem, undefined);
  assert.equal(bare.certManager, undefined);
  const options = { namespace: 'certs', trustAnchors: ['2025', '2026'], signingTrustAnchor: '2026', issuerDuration: '72h', labels: { team: 'platform' } };
  const s = parseStackConfig(getter({ identity: 'cert-manager', certManager: JSON.stringify(options) }));
  assert.deepEqual(s.certManager, options);
  // An empty value is "not set", as for meshform:values.
  assert.equal(parseStackConfig(getter({ identity: 'cert-manager', certManager: ' ' })).certManager, undefined);
});

test('meshform:certManager: every problem is collected with the other keys, under meshform:certManager.*', () => {
  const bad = {
    namespace: 'Cert_Manager',
    trustAnchors: ['1', '1'],
    signingTrustAnchor: '9',
    issuerDuration: '30m',
    webhookRenewBefore: '48h',
    trustAnchor: ['typo'],
  };
  assert.throws(
    () => parseStackConfig(getter({ identity: 'cert-manager', ha: 'maybe', certManager: JSON.stringify(bad) })),
    (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      const paths = e.issues.map((i) => i.path).sort();
      assert.deepEqual(paths, [
        'meshform:certManager.issuerDuration',
        'meshform:certManager.namespace',
        'meshform:certManager.signingTrustAnchor',
        'meshform:certManager.trustAnchor',
        'meshform:certManager.trustAnchors[1]',
        'meshform:certManager.webhookRenewBefore',
        'meshform:ha',
      ]);
      assert.match(e.message, /did you mean "trustAnchors"/);
      return true;
    },
  );
});

test('meshform:certManager: not an object, labels not a map, or given in another identity mode', () => {
  const paths = (cfg: Record<string, string>): string[] => {
    try {
      parseStackConfig(getter(cfg));
    } catch (e) {
      assert.ok(e instanceof MeshformError);
      return e.issues.map((i) => i.path).sort();
    }
    return [];
  };
  assert.deepEqual(paths({ identity: 'cert-manager', certManager: '["1"]' }), ['meshform:certManager']);
  assert.deepEqual(paths({ identity: 'cert-manager', certManager: '{not json' }), ['meshform:certManager']);
  assert.deepEqual(paths({ identity: 'cert-manager', certManager: '{"labels":["a"]}' }), ['meshform:certManager.labels']);
  // Options for a mode that does not use them are refused, not ignored; the anchor is still required.
  // (`{}` is Pulumi.yaml's default, i.e. not set: test/stacks/pulumi-project.test.ts.)
  assert.deepEqual(paths({ identity: 'external-issuer', certManager: '{"issuerDuration":"48h"}' }), ['meshform:certManager', 'meshform:trustAnchorPem']);
  assert.deepEqual(paths({ identity: 'external-issuer', certManager: '{}' }), ['meshform:trustAnchorPem']);
  assert.deepEqual(paths({ certManager: '{"namespace":"certs"}' }), ['meshform:certManager']);
});

test('deprecated identity names still work, each with one warning naming the new one', () => {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  assert.equal(parseStackConfig(getter({ identity: 'trust-manager' }), warn).identity, 'cert-manager');
  assert.match(warnings[0], /trust-manager is deprecated.*cert-manager/);
  // The former `cert-manager` came with the anchor from config: that is now `external-issuer`.
  const old = parseStackConfig(getter({ identity: 'cert-manager', trustAnchorPem: 'PEM' }), warn);
  assert.equal(old.identity, 'external-issuer');
  assert.equal(old.trustAnchorPem, 'PEM');
  assert.match(warnings[1], /now called external-issuer/);
  assert.equal(warnings.length, 2);
  parseStackConfig(getter({ identity: 'cert-manager' }), warn);
  parseStackConfig(getter({ identity: 'external-issuer', trustAnchorPem: 'PEM' }), warn);
  assert.equal(warnings.length, 2, 'the current names warn about nothing');
});

test('meshform:version selects only the release meshform renders; meshform:imageTag is the image-only override', () => {
  assert.throws(
    () => parseStackConfig(getter({ version: 'edge-26.9.9' })),
    (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      assert.deepEqual(e.issues.map((i) => [i.path, i.value]), [['meshform:version', 'edge-26.9.9']]);
      assert.match(e.issues[0].message, /must be edge-26\.8\.3.*upgrading meshform.*meshform:imageTag/);
      return true;
    },
  );
  assert.equal(parseStackConfig(getter({ imageTag: 'edge-26.9.9' })).imageTag, 'edge-26.9.9');
});

test('retainCrds defaults to true, adopt to false; both are booleans', () => {
  assert.equal(parseStackConfig(getter({ retainCrds: 'false' })).retainCrds, false);
  assert.equal(parseStackConfig(getter({ adopt: 'true' })).adopt, true);
  assert.throws(() => parseStackConfig(getter({ retainCrds: 'no', adopt: '1' })), (e: unknown) => {
    assert.ok(e instanceof MeshformError);
    assert.deepEqual(e.issues.map((i) => i.path).sort(), ['meshform:adopt', 'meshform:retainCrds']);
    return true;
  });
});

test('gateway settings: type, await and timeout with multicluster; refused without it, each by key', () => {
  const s = parseStackConfig(getter({ multicluster: 'true', gatewayServiceType: 'NodePort', gatewayAwait: 'false', gatewayAwaitSeconds: '120' }));
  assert.deepEqual(s.gateway, { serviceType: 'NodePort', await: false, awaitSeconds: 120 });
  // Pulumi.yaml's defaults are "not set", with or without multicluster.
  assert.deepEqual(parseStackConfig(getter({ gatewayServiceType: '', gatewayAwait: 'true', gatewayAwaitSeconds: '0' })).gateway, { await: true, awaitSeconds: 0 });
  assert.throws(() => parseStackConfig(getter({ gatewayServiceType: 'NodePort', gatewayAwait: 'false' })), (e: unknown) => {
    assert.ok(e instanceof MeshformError);
    assert.deepEqual(e.issues.map((i) => i.path), ['meshform:gatewayServiceType', 'meshform:gatewayAwait']);
    return true;
  });
  assert.throws(() => parseStackConfig(getter({ multicluster: 'true', gatewayServiceType: 'Ingress', gatewayAwaitSeconds: '-1' })), (e: unknown) => {
    assert.ok(e instanceof MeshformError);
    assert.deepEqual(e.issues.map((i) => i.path), ['meshform:gatewayServiceType', 'meshform:gatewayAwaitSeconds']);
    assert.match(e.issues[0].message, /LoadBalancer, NodePort, ClusterIP/);
    return true;
  });
});
