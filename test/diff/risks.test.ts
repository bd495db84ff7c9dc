// The risks that make a change unsafe: deletions that cascade, fields the API server will not change in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSides } from '../../lib/diff/render-diff.js';
import { readRender } from '../../lib/diff/read-side.js';
import { toYamlStream } from '../../lib/manifest.js';

const side = (objects: readonly unknown[], label: string) => readRender(toYamlStream(objects), label);
const deployment = (app: string, replicas = 1) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'apps' }, spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } } } } });
const configMap = (immutable: boolean, value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'apps' }, immutable, data: { k: value } });
const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } };

test('a selector change, a removed Namespace and a change to an immutable ConfigMap are unsafe; a replica change is safe', () => {
  const unsafe = diffSides(side([namespace, deployment('a'), configMap(true, '1')], 'old'), side([deployment('b'), configMap(true, '2')], 'new'));
  assert.equal(unsafe.verdict, 'unsafe');
  assert.deepEqual(unsafe.risks.map((r) => `${r.subject}: ${r.message.split(':')[0]}`), [
    'Deployment apps/web: spec.selector cannot be changed in place',
    'ConfigMap apps/c: data cannot be changed in place',
    'Namespace apps: deleting the namespace deletes everything in it',
  ]);
  const safe = diffSides(side([deployment('a', 1), configMap(false, '1')], 'old'), side([deployment('a', 2), configMap(false, '2')], 'new'));
  assert.deepEqual([safe.verdict, safe.risks, safe.rolls], ['safe', [], []]);
  const same = diffSides(side([deployment('a')], 'old'), side([deployment('a')], 'new'));
  assert.equal(same.verdict, 'identical');
});
