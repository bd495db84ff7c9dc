// proxy.inbound / proxy.outbound: any scope → protocol → parameter map becomes env vars, as upstream's
// partial renders it generically; the CLI accepts keys beyond the chart's defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { serverParamsEnv, snakeCase } from '../../lib/proxy/server-params-env.js';
import { runCli } from '../helpers/run-cli.js';

test('the defaults give upstream keep-alive variables', () => {
  const env = serverParamsEnv('inbound', { server: { http2: { keepAliveTimeout: '3s', keepAliveInterval: '10s' } } });
  assert.deepEqual(env, [
    { name: 'LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_INTERVAL', value: '10s' },
    { name: 'LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_TIMEOUT', value: '3s' },
  ]);
});

test('any scope, protocol and parameter renders, in sorted order, values as strings', () => {
  const env = serverParamsEnv('outbound', { server: { http2: { maxConcurrentStreams: 100 } }, client: { http1: { enabled: true, idle: null } } });
  assert.deepEqual(env, [
    { name: 'LINKERD2_PROXY_OUTBOUND_CLIENT_HTTP1_ENABLED', value: 'true' },
    { name: 'LINKERD2_PROXY_OUTBOUND_CLIENT_HTTP1_IDLE' },
    { name: 'LINKERD2_PROXY_OUTBOUND_SERVER_HTTP2_MAX_CONCURRENT_STREAMS', value: '100' },
  ]);
  assert.deepEqual(serverParamsEnv('inbound', null), []);
});

test('snakecase as sprig has it for parameter names', () => {
  assert.equal(snakeCase('keepAliveInterval'), 'keep_alive_interval');
  assert.equal(snakeCase('HTTPTimeout'), 'http_timeout');
  assert.equal(snakeCase('max-streams'), 'max_streams');
});

const CASES = join(import.meta.dirname, '../../../shared/linkerd/cases');
const skip = existsSync(CASES) ? false : `skipped: ${CASES} not found (../shared is absent)`;

test('install accepts a new scope and renders it on every control-plane proxy', { skip }, async () => {
  const r = await runCli(['install', '-f', 'control-plane-pins.values.yaml', '--set', 'proxy.inbound.server.http1.headerReadTimeout=5s'], { cwd: CASES });
  assert.equal(r.code, 0, r.stderr);
  const identity = parseAllDocuments(r.stdout)
    .map((d) => d.toJS())
    .find((o) => o?.kind === 'Deployment' && o.metadata.name === 'linkerd-identity');
  const proxy = identity.spec.template.spec.containers.find((c: { name: string }) => c.name === 'linkerd-proxy');
  const env = proxy.env.find((e: { name: string }) => e.name === 'LINKERD2_PROXY_INBOUND_SERVER_HTTP1_HEADER_READ_TIMEOUT');
  assert.equal(env?.value, '5s');
});

test('a list where a parameter goes is refused with its path', { skip }, async () => {
  const r = await runCli(['install', '-f', 'control-plane-pins.values.yaml', '--set', 'proxy.outbound.server.http2={a,b}'], { cwd: CASES });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /proxy\.outbound\.server\.http2 = \["a","b"\]: must be a map of scope/);
});
