import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meshRevision } from '../../lib/proxy-config/index.js';
import { testMeshValues } from './mesh-values.js';

test('the mesh revision is stable, and changes with the proxy version and with the trust anchors', async () => {
  const base = meshRevision(await testMeshValues());
  assert.equal(meshRevision(await testMeshValues()), base);
  assert.match(base, /^edge-26\.8\.3\.[0-9a-f]{16}$/);
  const upgraded = meshRevision(await testMeshValues({ proxyVersion: 'edge-26.9.1' }));
  const rotated = meshRevision(await testMeshValues({ anchors: 'b' }));
  assert.notEqual(upgraded, base);
  assert.notEqual(rotated, base);
  assert.equal(upgraded.split('.').pop(), base.split('.').pop(), 'same anchors, same digest');
  assert.ok(rotated.startsWith('edge-26.8.3.'));
});
