import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { applySet, getPath, mergeUserValues, mergeValues, typedScalar, userValues, type ValueTree } from '../../lib/values/tree.js';

test('maps merge key by key, lists and scalars replace', () => {
  const base: ValueTree = { a: { b: 1, c: 2 }, list: [1, 2, 3], s: 'x' };
  const out = mergeValues(base, { a: { c: 3, d: 4 }, list: [9], s: 'y' });
  assert.deepEqual(out, { a: { b: 1, c: 3, d: 4 }, list: [9], s: 'y' });
  assert.deepEqual(base, { a: { b: 1, c: 2 }, list: [1, 2, 3], s: 'x' }, 'base is not modified');
});

test('null in the overlay deletes the default key', () => {
  const out = mergeValues({ a: { b: 1, c: 2 } } as ValueTree, { a: { b: null } });
  assert.deepEqual(out, { a: { c: 2 } });
});

test('user files keep null so it still deletes when coalesced onto defaults', () => {
  const user = mergeUserValues([{ a: { b: 5 } }, { a: { b: null } }]);
  assert.deepEqual(user, { a: { b: null } });
  assert.deepEqual(mergeValues({ a: { b: 1, c: 2 } } as ValueTree, user), { a: { c: 2 } });
});

test('--set reaches into lists by index, padding with null', () => {
  const tree: ValueTree = {};
  assert.deepEqual(applySet(tree, 'a.b[1].c=x'), []);
  assert.deepEqual(tree, { a: { b: [null, { c: 'x' }] } });
});

test('--set types scalars as Helm does', () => {
  assert.equal(typedScalar('true'), true);
  assert.equal(typedScalar('FALSE'), false);
  assert.equal(typedScalar('10'), 10);
  assert.equal(typedScalar('010'), '010', 'a leading zero stays a string');
  assert.equal(typedScalar('null'), null);
  assert.equal(typedScalar('1.5'), '1.5');
  const tree: ValueTree = {};
  applySet(tree, 'n=10,b=true,s=010');
  assert.deepEqual(tree, { n: 10, b: true, s: '010' });
});

test('--set-string keeps everything a string', () => {
  const tree: ValueTree = {};
  applySet(tree, 'n=10,b=true', true);
  assert.deepEqual(tree, { n: '10', b: 'true' });
});

test('--set handles escaped dots/commas and {list} syntax', () => {
  const tree: ValueTree = {};
  applySet(tree, 'podLabels.app\\.kubernetes\\.io/name=x,l={1,a},s=a\\,b');
  assert.deepEqual(tree, { podLabels: { 'app.kubernetes.io/name': 'x' }, l: [1, 'a'], s: 'a,b' });
});

test('--set applies after files and reaches into their lists', () => {
  const tree = userValues([{ l: [{ a: 1 }, { a: 2 }] }], [{ expr: 'l[1].a=3', asString: false }]);
  assert.deepEqual(tree, { l: [{ a: 1 }, { a: 3 }] });
  assert.equal(getPath(tree, 'l[1].a'), 3);
});

test('every malformed --set expression is reported at once', () => {
  assert.throws(
    () => userValues([], [{ expr: 'noequals', asString: false }, { expr: 'a[x]=1', asString: false }]),
    (e: unknown) => e instanceof MeshformError && e.issues.length === 2,
  );
});
