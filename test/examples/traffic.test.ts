/**
 * examples/traffic: every object validates (Kubernetes schema, meshform's CRD render, upstream's CRD
 * golden, Flagger's CRDs) and carries exactly the numbers: the split, the matches, the fault
 * share, retries and timeouts, failure accrual, rate limits, authorizations (identities as the mesh
 * computes them), egress and the Flagger analysis.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { chartObjects } from '../../constructs/kube-object.js';
import { allKnownCrds } from '../../lib/crds/linkerd-crds.js';
import type { KubeObject } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/index.js';
import { buildTrafficApp } from '../../examples/traffic/app.js';
import { goldenCrds, goldenSkip } from '../traffic/helpers.js';
import { validateRender } from '../helpers/validate-all.js';

const FLAGGER_CRDS = new URL('../../../shared/crds/flagger/crd.yaml', import.meta.url).pathname;
const flaggerSkip = existsSync(FLAGGER_CRDS) ? false : `Flagger CRDs not found at ${FLAGGER_CRDS} (../shared absent)`;
const EXAMPLE = new URL('../../examples/traffic/app.ts', import.meta.url).pathname;

const objects: KubeObject[] = chartObjects(buildTrafficApp(new App(), { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND }).chart);
const find = (kind: string, name: string): KubeObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  assert.ok(found, `${kind}/${name} is rendered`);
  return found;
};
const spec = (o: KubeObject): Record<string, any> => o.spec as Record<string, any>;
const annotations = (o: KubeObject): Record<string, string> => (o.metadata?.annotations ?? {}) as Record<string, string>;
const identity = (sa: string, ns = 'emojivoto') => `${sa}.${ns}.serviceaccount.identity.linkerd.cluster.local`;

test('every object validates: Kubernetes schema, Linkerd and Gateway API CRDs, Flagger CRDs', { skip: goldenSkip || flaggerSkip }, () => {
  const flagger = parseAllDocuments(readFileSync(FLAGGER_CRDS, 'utf8')).map((d) => d.toJS() as unknown);
  for (const crds of [[...allKnownCrds(), ...flagger], [...goldenCrds(), ...flagger]]) {
    const result = validateRender(objects as Parameters<typeof validateRender>[0], crds);
    assert.deepEqual(result.problems, []);
    assert.equal(result.bySchema.length + result.byCrd.length, objects.length, 'every object is validated by one schema or CRD');
  }
});

test('web-svc: x-canary to v2 on every path, 90/10 otherwise, 5 % 503s under /api/vote', () => {
  const route = spec(find('HTTPRoute', 'web-route'));
  assert.deepEqual(route.parentRefs, [{ group: 'core', kind: 'Service', name: 'web-svc', namespace: 'emojivoto', port: 80 }]);
  const backends = (rule: Record<string, any>) => rule.backendRefs.map((b: Record<string, any>) => [b.name, b.weight ?? 1]);
  const [canaryRule, voteRule, rest] = route.rules;
  // The header wins on every path, /api/vote included (Gateway API ranks the longer path first).
  assert.deepEqual(backends(canaryRule), [['web-svc-v2', 1]]);
  for (const m of canaryRule.matches) assert.deepEqual(m.headers, [{ name: 'x-canary', type: 'Exact', value: 'true' }]);
  assert.deepEqual(canaryRule.matches.map((m: Record<string, any>) => m.path.value).sort(), ['/', '/api/vote']);
  assert.deepEqual(voteRule.matches, [{ path: { type: 'PathPrefix', value: '/api/vote' } }]);
  const vote = backends(voteRule);
  const total = vote.reduce((sum: number, [, w]: [string, number]) => sum + w, 0);
  const share = (name: string) => vote.find(([n]: [string]) => n === name)[1] / total;
  assert.equal(share('web-fault'), 0.05);
  assert.ok(Math.abs(share('web-svc') - 0.95 * 0.9) < 1e-12 && Math.abs(share('web-svc-v2') - 0.95 * 0.1) < 1e-12, JSON.stringify(vote));
  assert.deepEqual(backends(rest), [['web-svc', 90], ['web-svc-v2', 10]]);
  // The fault backend answers 503 to everything.
  const fault = find('ConfigMap', 'web-fault');
  assert.match(Object.values(fault.data as Record<string, string>).join('\n'), /return 503/);
  assert.equal(spec(find('Service', 'web-fault')).ports[0].port, 80);
});

test('emoji-svc retries unavailable 3 times at 300ms per try, 1s per request; voting-svc breaks after 7 failures', () => {
  const emoji = find('GRPCRoute', 'emoji-route');
  assert.deepEqual(spec(emoji).parentRefs, [{ group: 'core', kind: 'Service', name: 'emoji-svc', namespace: 'emojivoto', port: 8080 }]);
  const a = annotations(emoji);
  assert.equal(a['retry.linkerd.io/grpc'], 'unavailable');
  assert.equal(a['retry.linkerd.io/limit'], '3');
  assert.equal(a['retry.linkerd.io/timeout'], '300ms');
  assert.equal(a['timeout.linkerd.io/request'], '1s');
  const voting = annotations(find('Service', 'voting-svc'));
  assert.equal(voting['balancer.linkerd.io/failure-accrual'], 'consecutive');
  assert.equal(voting['balancer.linkerd.io/failure-accrual-consecutive-max-failures'], '7');
});

test('emojivoto denies by default and allows exactly the calls the app makes', () => {
  assert.equal(annotations(find('Namespace', 'emojivoto'))['config.linkerd.io/default-inbound-policy'], 'deny');
  assert.equal(spec(find('Deployment', 'vote-bot')).template.spec.serviceAccountName, 'vote-bot');
  find('ServiceAccount', 'vote-bot');
  // Server → the identities allowed to call it, through AuthorizationPolicy → MeshTLSAuthentication.
  const allowed = new Map<string, string[]>();
  for (const policy of objects.filter((o) => o.kind === 'AuthorizationPolicy')) {
    const target = spec(policy).targetRef;
    assert.equal(target.kind, 'Server');
    const ids = spec(policy).requiredAuthenticationRefs.flatMap((ref: Record<string, string>) => {
      assert.equal(ref.kind, 'MeshTLSAuthentication');
      return spec(find('MeshTLSAuthentication', ref.name)).identities as string[];
    });
    allowed.set(target.name, [...(allowed.get(target.name) ?? []), ...ids]);
  }
  assert.deepEqual(Object.fromEntries(allowed), {
    'web-http': [identity('vote-bot')],
    'emoji-grpc': [identity('web')],
    'voting-grpc': [identity('web')],
    'proxy-admin': [identity('prometheus', 'linkerd-viz')],
  });
  assert.deepEqual(spec(find('Server', 'proxy-admin')).podSelector, { matchLabels: {} });
  assert.equal(spec(find('Server', 'proxy-admin')).port, 'linkerd-admin');
  const web = spec(find('Server', 'web-http'));
  assert.deepEqual(web.podSelector.matchExpressions, [{ key: 'app', operator: 'In', values: ['web', 'web-v2'] }]);
});

test('voting-svc: 100 rps in all, 10 per identity, 50 for web', () => {
  const limit = spec(find('HTTPLocalRateLimitPolicy', 'voting-grpc-rate-limit'));
  assert.deepEqual(limit.targetRef, { group: 'policy.linkerd.io', kind: 'Server', name: 'voting-grpc' });
  assert.deepEqual(limit.total, { requestsPerSecond: 100 });
  assert.deepEqual(limit.identity, { requestsPerSecond: 10 });
  assert.deepEqual(limit.overrides, [{ requestsPerSecond: 50, clientRefs: [{ kind: 'ServiceAccount', name: 'web', namespace: 'emojivoto' }] }]);
});

test('egress: only api.github.com:443 leaves the namespace', () => {
  const egress = objects.filter((o) => o.kind === 'EgressNetwork');
  assert.equal(egress.length, 1);
  assert.equal(spec(egress[0]).trafficPolicy, 'Deny');
  const routes = objects.filter((o) => (spec(o)?.parentRefs ?? []).some((p: Record<string, string>) => p.kind === 'EgressNetwork'));
  assert.deepEqual(routes.map((r) => [r.kind, spec(r).hostnames, spec(r).parentRefs[0].port]), [['TLSRoute', ['api.github.com'], 443]]);
});

test('Flagger canary for web: success rate >= 99 %, p99 latency <= 500 ms', () => {
  const canary = spec(find('Canary', 'web'));
  assert.equal(canary.provider, 'gatewayapi:v1');
  assert.deepEqual(canary.targetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
  const metrics = Object.fromEntries(canary.analysis.metrics.map((m: Record<string, any>) => [m.name, m.thresholdRange]));
  assert.deepEqual(metrics, { 'success-rate': { min: 99 }, latency: { max: 500 } });
  assert.match(spec(find('MetricTemplate', 'web-latency')).query, /histogram_quantile\(\s*0\.99,/);
});

test('the example prints YAML, and its policy picture on --graph', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', EXAMPLE, ...args], { encoding: 'utf8', timeout: 120_000 });
  const yaml = run([]);
  assert.equal(yaml.status, 0, yaml.stderr);
  assert.equal(parseAllDocuments(yaml.stdout).length, objects.length);
  const mermaid = run(['--graph', 'mermaid']);
  assert.equal(mermaid.status, 0, mermaid.stderr);
  assert.match(mermaid.stdout, /^flowchart/);
  const bad = run(['--graph', 'png']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--graph = "png": must be one of svg, dot, mermaid/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
});
