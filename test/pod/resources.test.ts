import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResources, hasResources } from '../../lib/pod/resources.js';
import { container, find, render } from '../viz/render-helpers.js';

describe('partials.resources', () => {
  it('limits first, quantities quoted, unset kinds left out', () => {
    assert.deepEqual(buildResources({ cpu: { request: '100m', limit: 1 }, memory: { limit: '250Mi', request: '' } }), {
      limits: { cpu: '1', memory: '250Mi' },
      requests: { cpu: '100m' },
    });
    assert.deepEqual(Object.keys(buildResources({ memory: { request: '1Mi', limit: '2Mi' } })!), ['limits', 'requests']);
  });

  it("drops '', 0 and null as Helm's `with` does, and nothing set renders nothing", () => {
    assert.equal(buildResources({ cpu: { limit: 0, request: '' }, memory: { limit: null as unknown as string } }), undefined);
    assert.equal(buildResources(undefined), undefined);
    assert.equal(hasResources({ cpu: { limit: 0 } }), false);
    assert.equal(hasResources({ 'ephemeral-storage': { request: '1Gi' } }), true);
  });

  it('viz renders a numeric cpu.limit 0 as unset, like the other charts (it used to render "0")', () => {
    const objects = render({ metricsAPI: { resources: { cpu: { limit: 0, request: '10m' } }, proxy: { resources: { cpu: { limit: 0, request: '20m' } } } } });
    assert.deepEqual(container(objects, 'metrics-api').resources, { requests: { cpu: '10m' } });
    const annotations = find(objects, 'Deployment', 'metrics-api').spec.template.metadata.annotations;
    assert.equal(annotations['config.linkerd.io/proxy-cpu-request'], '20m');
    assert.equal(annotations['config.linkerd.io/proxy-cpu-limit'], undefined);
  });
});
