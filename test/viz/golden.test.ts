import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readValuesFile } from '../../cli/value-flags.js';
import { userValues } from '../../lib/values/tree.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { App } from 'cdk8s';
import { chartObjects } from '../../constructs/kube-object.js';
import { VizChart } from '../../constructs/viz/viz-chart.js';
import { diffObjects, loadYamlStream, objectKey, SHARED, SKIP_SHARED } from './render-helpers.js';

const CASES = [
  { golden: 'install_default.golden', files: ['viz-pins.values.yaml'], objects: 50 },
  { golden: 'install_prometheus_disabled.golden', files: ['viz-pins.values.yaml', 'viz-prometheus-disabled.values.yaml'], objects: 43 },
];

describe('viz golden cases', { skip: SKIP_SHARED }, () => {
  for (const c of CASES) {
    it(`${c.golden} matches object by object`, () => {
      const casesDir = join(SHARED, 'cases');
      const user = userValues(c.files.map((f) => readValuesFile(f, casesDir)));
      const values = resolveVizValues({ user });
      const actual = new Map(chartObjects(new VizChart(new App(), 'viz', { values })).map((o) => [objectKey(o), o]));
      const expected = new Map(loadYamlStream(join(SHARED, 'golden/viz', c.golden)).map((o) => [objectKey(o), o]));
      assert.equal(expected.size, c.objects);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      for (const [key, e] of expected) {
        assert.deepEqual(diffObjects(e, actual.get(key)), [], key);
      }
    });
  }
});
