/** Manifest documents of the wrong shape are refused per document, with the field path and a reason. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { parseManifestStream } from '../../lib/inject/manifest-stream.js';
import { runCli } from '../helpers/run-cli.js';

const deployment = (podSpec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: ${podSpec}
`;

function problems(text: string): string[] {
  try {
    parseManifestStream(text, 'in.yaml');
  } catch (e) {
    assert.ok(e instanceof MeshformError, String(e));
    return e.issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

test('wrong shapes are named by document and field, all at once', () => {
  const text = [
    deployment('{containers: x}'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: 3\n',
    deployment('{containers: [null, {name: [1], ports: 3, env: [3]}]}'),
    '[null]\n',
    deployment('{containers: [{name: a}]}').replace('{app: web}', '{app: {x: 1}}'),
  ].join('---\n');
  assert.deepEqual(problems(text), [
    'document 1: spec.template.spec.containers: must be a list, not the string "x"',
    'document 2: spec: must be a map, not number 3',
    'document 3: spec.template.spec.containers[0]: must be a map, not object null',
    'document 3: spec.template.spec.containers[1].name: must be a string, not a list',
    'document 3: spec.template.spec.containers[1].ports: must be a list, not number 3',
    'document 3: spec.template.spec.containers[1].env[0]: must be a map, not number 3',
    'document 4: is not a Kubernetes object (a YAML map)',
    'document 5: spec.template.metadata.labels.app: must be a string, not a map',
  ]);
});

test('a List may hold nulls (passed through) but not scalars', () => {
  assert.deepEqual(problems('apiVersion: v1\nkind: List\nitems: [null]\n'), []);
  assert.deepEqual(problems('apiVersion: v1\nkind: List\nitems: [null, 3, {kind: Pod, spec: []}]\n'), [
    'document 1: items[1]: must be a Kubernetes object (a map) or null, not number 3',
    'document 1: items[2].spec: must be a map, not a list',
  ]);
});

test('inject and uninject refuse a wrong shape with exit 1, nothing on stdout, no internal error', async () => {
  for (const verb of [['inject'], ['uninject']]) {
    const r = await runCli([...verb, '-'], { stdin: deployment('{containers: [{name: web, ports: 3}]}') });
    assert.equal(r.code, 1, verb.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /spec\.template\.spec\.containers\[0\]\.ports: must be a list/);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
});
