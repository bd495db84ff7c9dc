import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkerdDurationProblem, parseLinkerdDuration, routeTimeoutProblem } from '../../lib/traffic/duration.js';

test("Linkerd durations parse as upstream's unit tests say", () => {
  const vectors: [string, number][] = [['10s', 10_000], ['500ms', 500], ['5m', 300_000], ['2h', 7_200_000], ['1d', 86_400_000], ['0', 0], ['0s', 0], ['0ms', 0], [' 3s ', 3000]];
  for (const [text, ms] of vectors) assert.equal(parseLinkerdDuration(text), ms, text);
  for (const text of ['1m30s', '1.5s', '0.5s', '-1s', '5', '10x', '', '999999999999999999d', '1 s']) assert.equal(parseLinkerdDuration(text), undefined, text);
});

test('a refused Linkerd duration says why and what to write instead', () => {
  assert.equal(linkerdDurationProblem('300ms'), undefined);
  assert.match(linkerdDurationProblem('1m30s') ?? '', /compound or fractional.*write 90s/);
  assert.match(linkerdDurationProblem('1.5s') ?? '', /write 1500ms/);
  assert.match(linkerdDurationProblem('-1s') ?? '', /cannot be negative/);
  assert.match(linkerdDurationProblem('5') ?? '', /write 5s or 5ms/);
  assert.match(linkerdDurationProblem('999999999999999999d') ?? '', /too large/);
  assert.match(linkerdDurationProblem(5) ?? '', /got a number/);
  assert.match(linkerdDurationProblem('10x') ?? '', /one integer and one unit/);
});

test('route timeouts: the Gateway API pattern narrowed to what Linkerd honours', () => {
  for (const ok of ['1s', '0s', '500ms', '99999h', '5m']) assert.equal(routeTimeoutProblem(ok), undefined, ok);
  assert.match(routeTimeoutProblem('1m30s') ?? '', /silently ignores.*write 90s/);
  assert.match(routeTimeoutProblem('0') ?? '', /write 0s/);
  assert.match(routeTimeoutProblem('1d') ?? '', /no d unit: write 24h/);
  assert.match(routeTimeoutProblem('100000s') ?? '', /too many digits/);
  assert.match(routeTimeoutProblem('-1s') ?? '', /cannot be negative/);
  assert.match(routeTimeoutProblem('1h0m') ?? '', /write 1h/);
});
