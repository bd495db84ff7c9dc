/** Go's `matchDomainConstraint` semantics (crypto/x509 name_constraints_test.go's table, in part). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchDomain } from '../../lib/identity/name-constraints.js';

describe('matchDomain', () => {
  const cases: readonly [string, string, boolean][] = [
    ['foo.com', 'foo.com', true],
    ['x.foo.com', 'foo.com', true],
    ['xfoo.com', 'foo.com', false],
    ['foo.com', '.foo.com', false],
    ['x.foo.com', '.foo.com', true],
    ['a.b.foo.com', '.foo.com', true],
    ['FOO.com', 'foo.COM', true],
    ['foo.com', '', true],
    ['foo.com', 'bar.com', false],
    ['com', 'foo.com', false],
    ['*.foo.com', 'foo.com', true],
    ['foo..com', 'foo.com', false],
  ];
  for (const [domain, constraint, expected] of cases) {
    it(`"${domain}" ${expected ? 'matches' : 'does not match'} "${constraint}"`, () => {
      assert.equal(matchDomain(domain, constraint), expected);
    });
  }
});
