/** The CRD chart against upstream's goldens (`meshform install --crds` with and without the Gateway API). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App } from 'cdk8s';
import { CrdsChart } from '../../constructs/crds/crds-chart.js';
import { chartObjects } from '../../constructs/kube-object.js';
import type { CrdsValues } from '../../lib/crds/values.js';
import { crdName, goldenSkipReason, normalize, readGolden } from './golden-helpers.js';

function render(values: CrdsValues): unknown[] {
  return chartObjects(new CrdsChart(new App(), 'crds', { values }));
}

const CASES: ReadonlyArray<{ readonly golden: string; readonly values: CrdsValues; readonly count: number }> = [
  { golden: 'install_crds.golden', values: { installGatewayAPI: false }, count: 10 },
  { golden: 'install_crds_with_gateway_api.golden', values: { installGatewayAPI: true }, count: 14 },
];

describe('CrdsChart matches upstream goldens', () => {
  const skip = goldenSkipReason();
  for (const c of CASES) {
    it(c.golden, { skip }, () => {
      const expected = readGolden(c.golden);
      const actual = render(c.values);
      assert.equal(expected.length, c.count);
      // Same CRDs in the same (apply) order.
      assert.deepEqual(actual.map(crdName), expected.map(crdName));
      for (let i = 0; i < expected.length; i++) {
        assert.deepEqual(normalize(actual[i]), normalize(expected[i]), `${crdName(expected[i])} differs`);
      }
    });
  }
});

describe('CrdsChart metadata', () => {
  it('labels every CRD with the control-plane namespace', () => {
    const objects = chartObjects(new CrdsChart(new App(), 'crds', { values: { installGatewayAPI: true }, namespace: 'mesh' }));
    for (const o of objects) {
      const labels = (o.metadata as { labels?: Record<string, string> }).labels ?? {};
      assert.equal(labels['linkerd.io/control-plane-ns'], 'mesh', String(o.metadata?.name));
    }
  });

  it('takes the deprecated controlPlaneNamespace too, and stamps no namespace on the cluster-scoped CRDs', () => {
    const objects = chartObjects(new CrdsChart(new App(), 'crds', { values: { installGatewayAPI: false }, controlPlaneNamespace: 'old' }));
    assert.ok(objects.length > 0);
    for (const o of objects) {
      assert.equal((o.metadata as { labels?: Record<string, string> }).labels?.['linkerd.io/control-plane-ns'], 'old');
      assert.equal(o.metadata?.namespace, undefined);
    }
  });

  it('keeps the /status subresource stub that cdk8s could otherwise drop as empty', () => {
    const objects = render({ installGatewayAPI: false });
    const server = objects.find((o) => crdName(o) === 'egressnetworks.policy.linkerd.io') as {
      spec: { versions: Array<{ subresources?: { status?: object } }> };
    };
    assert.deepEqual(server.spec.versions[0].subresources, { status: {} });
  });
});
