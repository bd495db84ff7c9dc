import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { annotateService } from '../../constructs/traffic/index.js';
import { IssueCollector } from '../../lib/errors.js';
import { resilienceAnnotations } from '../../lib/traffic/resilience.js';
import { serviceResilienceAnnotations, withServiceResilience } from '../../lib/traffic/service-resilience.js';
import { assertOneIssue, assertValid, chart, issuesOf, objectsOf } from './helpers.js';

test('Service retries and timeouts become exactly the catalogue annotations', () => {
  assert.deepEqual(
    serviceResilienceAnnotations(
      { retry: { http: ['5xx', 429, { from: 500, to: 504 }, 'gateway-error'], grpc: ['unavailable', 'internal'], limit: 3, timeout: '300ms' }, timeouts: { request: '1s', response: '900ms', idle: '1m' } },
      'svc',
    ),
    {
      'retry.linkerd.io/http': '5xx,429,500-504,gateway-error',
      'retry.linkerd.io/grpc': 'unavailable,internal',
      'retry.linkerd.io/limit': '3',
      'retry.linkerd.io/timeout': '300ms',
      'timeout.linkerd.io/request': '1s',
      'timeout.linkerd.io/response': '900ms',
      'timeout.linkerd.io/idle': '1m',
    },
  );
});

test('circuit breaking: consecutive failure accrual with its parameters', () => {
  assert.deepEqual(serviceResilienceAnnotations({ circuitBreaker: { consecutiveFailures: 7 } }, 'voting'), {
    'balancer.linkerd.io/failure-accrual': 'consecutive',
    'balancer.linkerd.io/failure-accrual-consecutive-max-failures': '7',
  });
  assert.deepEqual(serviceResilienceAnnotations({ circuitBreaker: { minPenalty: '2s', maxPenalty: '2m', jitterRatio: 0.25 } }, 'voting'), {
    'balancer.linkerd.io/failure-accrual': 'consecutive',
    'balancer.linkerd.io/failure-accrual-consecutive-max-failures': '7',
    'balancer.linkerd.io/failure-accrual-consecutive-min-penalty': '2s',
    'balancer.linkerd.io/failure-accrual-consecutive-max-penalty': '2m',
    'balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio': '0.25',
  });
});

test('each bad resilience value is one issue naming the field, all collected at once', () => {
  const issues = issuesOf(() =>
    serviceResilienceAnnotations(
      {
        retry: { http: [600, { from: 504, to: 500 }], grpc: ['unavailable', 'aborted' as never], limit: 0, timeout: '1m30s' as never },
        timeouts: { request: '1.5s', idle: '-1s' },
        circuitBreaker: { consecutiveFailures: 0, minPenalty: '2m', maxPenalty: '1m', jitterRatio: 200 },
      },
      'App/voting-svc',
    ),
  );
  assert.deepEqual(issues.map((i) => i.path), [
    'App/voting-svc.retry.http[0]',
    'App/voting-svc.retry.http[1]',
    'App/voting-svc.retry.grpc[1]',
    'App/voting-svc.retry.limit',
    'App/voting-svc.retry.timeout',
    'App/voting-svc.timeouts.request',
    'App/voting-svc.timeouts.idle',
    'App/voting-svc.circuitBreaker.consecutiveFailures',
    'App/voting-svc.circuitBreaker.minPenalty',
    'App/voting-svc.circuitBreaker.jitterRatio',
  ]);
  assert.match(issues[4].message, /write 90s/);
  assert.match(issues[3].message, /reads 0 as unset/);
  assert.match(issues[8].message, /must not exceed maxPenalty/);
});

test('nothing to say, a zero per-try timeout and a zero max penalty are refused', () => {
  assertOneIssue(() => serviceResilienceAnnotations({}, 's'), 's', /at least one of retry, timeouts or circuitBreaker/);
  assertOneIssue(() => serviceResilienceAnnotations({ retry: {} }, 's'), 's.retry', /at least one of http, grpc, limit or timeout/);
  assertOneIssue(() => serviceResilienceAnnotations({ retry: { timeout: '0s' } }, 's'), 's.retry.timeout', /read as unset/);
  assertOneIssue(() => serviceResilienceAnnotations({ circuitBreaker: { maxPenalty: '0' } }, 's'), 's.circuitBreaker.maxPenalty', /above zero/);
  assertOneIssue(() => serviceResilienceAnnotations({ circuitBreaker: { maxPenalty: '500ms' } }, 's'), 's.circuitBreaker.maxPenalty', /minPenalty \(1s\) must not exceed maxPenalty \(500ms\)/);
});

test('routes read only their own protocol\'s retry conditions', () => {
  const http = new IssueCollector();
  resilienceAnnotations({ retry: { grpc: ['unavailable'] } }, 'HTTPRoute', 'r', http);
  assert.deepEqual(http.issues.map((i) => [i.path, /ignores retry.linkerd.io\/grpc/.test(i.message)]), [['r.retry.grpc', true]]);
  const grpc = new IssueCollector();
  resilienceAnnotations({ retry: { http: ['5xx'] } }, 'GRPCRoute', 'r', grpc);
  assert.deepEqual(grpc.issues.map((i) => [i.path, /ignores retry.linkerd.io\/http/.test(i.message)]), [['r.retry.http', true]]);
});

test('annotateService annotates a cdk8s-plus Service and an ApiObject; errors name the construct path', () => {
  const c = chart('App');
  const svc = new kplus.Service(c, 'voting-svc', { metadata: { name: 'voting-svc', namespace: 'emojivoto' }, ports: [{ port: 8080 }], selector: kplus.Pods.select(c, 'sel', { labels: { app: 'voting' } }) });
  annotateService(svc, { circuitBreaker: { consecutiveFailures: 7 } });
  const raw = new ApiObject(c, 'emoji-svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'emoji-svc' }, spec: { ports: [{ port: 8080 }] } });
  annotateService(raw, { retry: { grpc: ['unavailable'], limit: 3 } });
  const objects = objectsOf(c);
  const annotations = (name: string) => (objects.find((o) => o.metadata?.name === name)?.metadata as { annotations: unknown }).annotations;
  assert.deepEqual(annotations('voting-svc'), {
    'balancer.linkerd.io/failure-accrual': 'consecutive',
    'balancer.linkerd.io/failure-accrual-consecutive-max-failures': '7',
  });
  assert.deepEqual(annotations('emoji-svc'), { 'retry.linkerd.io/grpc': 'unavailable', 'retry.linkerd.io/limit': '3' });
  assertValid(objects);
  assertOneIssue(() => annotateService(svc, { timeouts: { request: '1m30s' as never } }), 'App/voting-svc.timeouts.request', /write 90s/);
});

test('withServiceResilience: a plain manifest copy, existing annotations kept; only Services', () => {
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'emojivoto', annotations: { keep: 'me' } }, spec: { ports: [{ port: 80 }] } };
  const out = withServiceResilience(service, { timeouts: { request: '10s' } });
  assert.deepEqual(out.metadata.annotations, { keep: 'me', 'timeout.linkerd.io/request': '10s' });
  assert.deepEqual(service.metadata.annotations, { keep: 'me' });
  assertOneIssue(
    () => withServiceResilience({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, { timeouts: { request: '10s' } }),
    'Service/web.kind',
    /must be a v1 Service/,
  );
});
