/** policyGraph(scope): the same graph from a construct tree as from its manifests. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ApiObject, App, Chart } from 'cdk8s';
import { policyGraph } from '../../constructs/policy-graph.js';
import { graphObjects } from './fixtures.js';

describe('policyGraph(scope)', () => {
  it('draws the objects under the scope', async () => {
    const app = new App();
    const chart = new Chart(app, 'app');
    graphObjects().forEach((o, i) => new ApiObject(chart, `o${i}`, o as never));
    assert.equal(await policyGraph(app, 'mermaid'), readFileSync(new URL('./golden/policy.mmd', import.meta.url), 'utf8'));
    assert.match(await policyGraph(chart), /^digraph "policy" \{/);
  });
});
