// The field paths meshform diff reports: list items by name, key order ignored, values dumps compared inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldChanges } from '../../lib/diff/field-changes.js';
import { describeChange, showValue } from '../../lib/diff/show-value.js';

const lines = (kind: string, before: unknown, after: unknown): string[] => fieldChanges(before, after).map((c) => describeChange(kind, c));

test('scalars, additions and removals are reported at their path; map key order is no change', () => {
  assert.deepEqual(fieldChanges({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 }), []);
  assert.deepEqual(lines('Deployment', { spec: { replicas: 1, paused: true } }, { spec: { replicas: 3, minReadySeconds: 5 } }), [
    'spec.minReadySeconds: added 5',
    'spec.paused: removed (was true)',
    'spec.replicas: 1 → 3',
  ]);
});

test('list items with unique names are matched by name, so an insertion is one addition', () => {
  const before = { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] };
  const after = { containers: [{ name: 'new', image: 'n:1' }, { name: 'a', image: 'x:2' }, { name: 'b', image: 'y:1' }] };
  assert.deepEqual(lines('Pod', before, after), ['containers[name=new]: added {name, image}', 'containers[name=a].image: "x:1" → "x:2"']);
});

test('a reorder of named items is reported, as are removals', () => {
  const before = { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }] };
  const after = { env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] };
  assert.deepEqual(lines('Pod', before, after), ['env: order changed (A, B, C → B, A)', 'env[name=C]: removed (was {name, value})']);
});

test('lists without names compare by position; lists of plain values show what left and came', () => {
  assert.deepEqual(lines('ClusterRole', { rules: [{ verbs: ['get'] }] }, { rules: [{ verbs: ['get', 'list'] }, { verbs: ['watch'] }] }), [
    'rules[0].verbs: +"list"',
    'rules[1]: added {verbs}',
  ]);
  assert.deepEqual(lines('Pod', { args: ['-a', '-b'] }, { args: ['-b', '-c'] }), ['args: -"-a", +"-c"']);
});

test('keys with dots or slashes are quoted; a YAML values dump is compared key by key', () => {
  const before = { metadata: { annotations: { 'linkerd.io/created-by': 'a' } }, data: { values: 'proxy:\n  logLevel: info\nha: false\n' } };
  const after = { metadata: { annotations: { 'linkerd.io/created-by': 'b' } }, data: { values: 'ha: true\nproxy:\n  logLevel: debug\n' } };
  assert.deepEqual(lines('ConfigMap', before, after), [
    'data.values{ha}: false → true',
    'data.values{proxy.logLevel}: "info" → "debug"',
    'metadata.annotations["linkerd.io/created-by"]: "a" → "b"',
  ]);
});

test('Secret data and key fields are never shown; multi-line text is summarised', () => {
  assert.deepEqual(lines('Secret', { data: { 'key.pem': 'c2VjcmV0MQ==' } }, { data: { 'key.pem': 'c2VjcmV0Mg==' } }), ['data["key.pem"]: changed (secret, not shown)']);
  assert.deepEqual(lines('ConfigMap', { data: { keyPEM: 'a' } }, { data: { keyPEM: 'b' } }), ['data.keyPEM: changed (secret, not shown)']);
  assert.equal(showValue('line one\nline two'), '(text, 2 lines)');
  assert.equal(showValue('-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----'), '(private key, not shown)');
  assert.equal(showValue('x'.repeat(200)).length, 80);
});
