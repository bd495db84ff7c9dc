/** PEM block splitting: Go's pem.Decode-loop verdicts, and linear time on hostile input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pemBlocks } from '../../lib/identity/pem.js';

const block = (label: string, body = 'AAAA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

describe('pemBlocks', () => {
  it('splits blocks, skipping text before and between them (as pem.Decode does)', () => {
    const r = pemBlocks(`comment\n${block('CERTIFICATE')}between\n${block('CERTIFICATE', 'BBBB')}\n  \n`);
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((b) => b.label), ['CERTIFICATE', 'CERTIFICATE']);
  });

  it('refuses text after the last block, saying how much but not what', () => {
    const r = pemBlocks(`${block('CERTIFICATE')}tail-SECRET`);
    assert.deepEqual(r, { ok: false, error: 'has 11 characters of non-PEM text after the last PEM block' });
  });

  it('refuses unterminated, mismatched and nested blocks', () => {
    for (const text of ['-----BEGIN CERTIFICATE-----\nAAAA\n', '-----BEGIN A-----\nx\n-----END B-----\n', `-----BEGIN A-----\n${block('B')}-----END A-----\n`]) {
      assert.deepEqual(pemBlocks(text), { ok: false, error: 'contains a PEM block without a matching END line' }, text);
    }
    assert.deepEqual(pemBlocks('no pem'), { ok: false, error: 'contains no PEM block (-----BEGIN ...-----)' });
  });

  it('takes linear time on many BEGIN lines without END lines', () => {
    const started = Date.now();
    const r = pemBlocks('-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(100_000));
    assert.equal(r.ok, false);
    // The former backtracking regex took about 0.7 s for 8,000 such lines, growing quadratically.
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
