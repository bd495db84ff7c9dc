import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IssueCollector } from '../../lib/errors.js';
import type { HttpMatch } from '../../lib/traffic/http-match.js';
import { firstMatchOrder, intersectMatches } from '../../lib/traffic/match-order.js';

const order = (...rules: HttpMatch[][]) => {
  const issues = new IssueCollector();
  const out = firstMatchOrder(rules.map((matches, i) => ({ matches, path: `r[${i}]` })), issues);
  return { out, issues: issues.issues };
};

test('prefixes match whole path segments; exact paths lie under prefixes', () => {
  assert.deepEqual(intersectMatches({ path: { prefix: '/api' } }, { path: { prefix: '/api/vote' } }), { path: { prefix: '/api/vote' } });
  assert.equal(intersectMatches({ path: { prefix: '/api' } }, { path: { prefix: '/apix' } }), 'disjoint');
  assert.deepEqual(intersectMatches({ path: { prefix: '/api/' } }, { path: { exact: '/api' } }), { path: { exact: '/api' } });
  assert.equal(intersectMatches({ path: { exact: '/a' } }, { path: { exact: '/b' } }), 'disjoint');
  assert.equal(intersectMatches({ method: 'GET' }, { method: 'POST' }), 'disjoint');
  assert.equal(intersectMatches({ headers: { 'X-A': '1' } }, { headers: { 'x-a': '2' } }), 'disjoint');
  assert.deepEqual(intersectMatches({ headers: { 'X-A': '1' } }, { headers: { 'x-a': '1' }, method: 'GET' }), { headers: { 'X-A': '1' }, method: 'GET' });
  assert.equal(intersectMatches({ headers: { a: { regex: 'x' } } }, { headers: { a: 'y' } }), 'disjoint');
  assert.deepEqual(intersectMatches({ headers: { a: { regex: '^[0-9]+$' } } }, { headers: { a: '42' } }), { headers: { a: '42' } });
  assert.equal(intersectMatches({ headers: { a: { regex: 'x' } } }, { headers: { a: { regex: 'y' } } }), 'unknown');
});

test('regex paths: disjoint when the literal prefix rules it out, combined only where the ranking is sure', () => {
  const cart = { path: { regex: '^/cart/[0-9]+$' } };
  assert.equal(intersectMatches(cart, { path: { prefix: '/checkout' } }), 'disjoint');
  assert.equal(intersectMatches(cart, { path: { prefix: '/car' } }), 'disjoint');
  assert.equal(intersectMatches(cart, { path: { exact: '/old' } }), 'disjoint');
  assert.deepEqual(intersectMatches(cart, { path: { exact: '/cart/7' } }), { path: { exact: '/cart/7' } });
  assert.equal(intersectMatches(cart, { path: { prefix: '/cart' } }), 'unknown');
  assert.equal(intersectMatches(cart, { headers: { a: '1' } }), 'unknown');
  // An earlier header rule over a later regex rule: the overlap keeps the later regex path.
  assert.deepEqual(intersectMatches({ headers: { a: '1' } }, cart), { path: cart.path, headers: { a: '1' } });
  assert.equal(intersectMatches({ path: { regex: 'cart' } }, { path: { prefix: '/x' } }), 'unknown');
});

test('an earlier rule gets its overlap with every later, more specific match (closure included)', () => {
  const canary = { headers: { 'x-canary': 'true' } };
  const { out, issues } = order([canary], [{ path: { prefix: '/api/vote' } }], [{ path: { prefix: '/api' } }], []);
  assert.deepEqual(issues, []);
  assert.deepEqual(out[0], [canary, { path: { prefix: '/api/vote' }, ...canary }, { path: { prefix: '/api' }, ...canary }]);
  assert.deepEqual(out[1], [{ path: { prefix: '/api/vote' } }]);
  assert.deepEqual(out[2], [{ path: { prefix: '/api' } }]);
  assert.deepEqual(out[3], [{}]);
});

test('a later match inside an earlier one is unreachable in first-match order', () => {
  const { issues } = order([{ path: { prefix: '/api' } }], [{ path: { prefix: '/api/vote' } }]);
  assert.deepEqual(issues.map((i) => i.path), ['r[1].matches[0]']);
  assert.match(issues[0].message, /never reached: r\[0\]/);
});

test('two header rules and a path rule: the three-way overlap goes to the first rule', () => {
  const { out, issues } = order([{ headers: { a: '1' } }], [{ headers: { b: '1' } }], [{ path: { prefix: '/x' } }]);
  assert.deepEqual(issues, []);
  assert.deepEqual(out[0], [{ headers: { a: '1' } }, { headers: { a: '1', b: '1' } }, { path: { prefix: '/x' }, headers: { a: '1' } }, { path: { prefix: '/x' }, headers: { a: '1', b: '1' } }]);
  // Rule 1's overlap with /x, but not the part rule 0 already takes.
  assert.deepEqual(out[1], [{ headers: { b: '1' } }, { path: { prefix: '/x' }, headers: { b: '1' } }]);
});

test('a match that needs more than 8 overlaps is refused', () => {
  const later = Array.from({ length: 8 }, (_, i) => [{ path: { prefix: `/p${i}` } }]);
  const { issues } = order([{ method: 'GET' }], ...later);
  assert.deepEqual(issues.map((i) => i.path), ['r[0].matches']);
  assert.match(issues[0].message, /needs 9 matches/);
});
