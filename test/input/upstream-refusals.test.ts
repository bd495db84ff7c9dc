/** Values `linkerd install` refuses (validateValues / validateProxyValues) are refused too. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import { validateMeshValues } from '../../lib/values/mesh/validate.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';

function paths(user: ValueTree): string[] {
  const values = mergeValues(meshDefaults(), user);
  return validateMeshValues(values, user, { identity: false }).map((i) => i.path);
}

test('versions must be letters, digits, dots and dashes; image names may add / and :', () => {
  assert.deepEqual(paths({ linkerdVersion: 'edge-26.8.3', proxy: { image: { version: 'v2.1', name: 'localhost:5000/l5d/proxy' } } }), []);
  assert.deepEqual(paths({ linkerdVersion: 'bad version!' }), ['linkerdVersion']);
  assert.deepEqual(paths({ proxy: { image: { version: 'a;b' } }, debugContainer: { image: { version: 'x y' } } }), ['proxy.image.version', 'debugContainer.image.version']);
  assert.deepEqual(paths({ proxy: { image: { name: 'cr.l5d.io/$(x)' } } }), ['proxy.image.name']);
});

test('an empty clusterNetworks is refused, as upstream cannot parse it', () => {
  assert.deepEqual(paths({ clusterNetworks: '' }), ['clusterNetworks']);
  assert.deepEqual(paths({ clusterNetworks: '10.0.0.0/8' }), []);
});
