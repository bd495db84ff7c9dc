// The ServiceProfile construct: the name from the Service and the mesh's cluster domain, the
// namespace from the Service or the chart, errors under the construct path, CRD-valid output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ServiceProfile } from '../../constructs/index.js';
import { trafficIssuesOf } from '../../constructs/traffic-check.js';
import { MeshformError } from '../../lib/errors.js';
import type { MeshReference } from '../../lib/mesh-reference/types.js';
import { validateRender } from '../helpers/validate-all.js';
import { renderedCrds } from './fixtures.js';

const MESH: MeshReference = { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference', clusterDomain: 'prod.example' };

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'app', { namespace });
}

describe('ServiceProfile construct', () => {
  it('takes the name from the Service construct and the domain from the mesh reference', () => {
    const c = chart('emojivoto');
    const svc = new kplus.Service(c, 'web-svc', { metadata: { name: 'web-svc' }, ports: [{ port: 80 }] });
    const sp = new ServiceProfile(c, 'web-profile', {
      service: svc,
      mesh: MESH,
      routes: [{ name: 'GET /api/list', condition: { method: 'GET', pathRegex: '/api/list' }, timeout: '1m30s', isRetryable: true }],
      retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10s' },
    });
    assert.equal(sp.name, 'web-svc.emojivoto.svc.prod.example');
    assert.equal(sp.namespace, 'emojivoto');
    assert.equal(sp.overridesPolicy, true);
    const objects = Testing.synth(c);
    const profile = objects.find((o) => o.kind === 'ServiceProfile');
    assert.deepEqual(profile?.metadata, { name: 'web-svc.emojivoto.svc.prod.example', namespace: 'emojivoto' });
    assert.deepEqual(profile?.spec.routes, [{ name: 'GET /api/list', condition: { method: 'GET', pathRegex: '/api/list' }, isRetryable: true, timeout: '1m30s' }]);
    const result = validateRender(objects, renderedCrds());
    assert.deepEqual(result.problems, []);
    assert.ok(result.byCrd.length === 1 && result.bySchema.length === 1, JSON.stringify(result));
  });

  it("defaults: a name string, the Service object's namespace, else the chart's, else default; cluster.local", () => {
    const c = chart();
    const svc = new ApiObject(c, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' } });
    assert.equal(new ServiceProfile(c, 'a', { service: svc }).name, 'api.shop.svc.cluster.local');
    assert.equal(new ServiceProfile(c, 'b', { service: 'api' }).name, 'api.default.svc.cluster.local');
    assert.equal(new ServiceProfile(chart('ns1'), 'c', { service: 'api' }).name, 'api.ns1.svc.cluster.local');
    assert.equal(new ServiceProfile(c, 'd', { service: 'api', namespace: 'x', clusterDomain: 'k.local' }).name, 'api.x.svc.k.local');
    assert.equal(new ServiceProfile(c, 'e', { service: 'api', retryBudget: { retryRatio: 0.5, minRetriesPerSecond: 1, ttl: '1s' } }).overridesPolicy, false);
  });

  it('refuses bad props at construction, every issue under the construct path and field', () => {
    const c = chart('emojivoto');
    const build = () =>
      new ServiceProfile(c, 'web-profile', {
        service: 'web-svc',
        routes: [
          { name: 'ok', condition: { method: 'GET' } },
          { name: 'slow', condition: { pathRegex: '/slow' }, timeout: '1m 30s', responseClasses: [{ condition: { status: { min: 500, max: 404 } }, isFailure: true }] },
        ],
        dstOverrides: [{ authority: 'web-svc-v2:80', weight: -1 }],
      });
    assert.throws(build, (e: unknown) => {
      assert.ok(e instanceof MeshformError);
      assert.deepEqual(e.issues.map((i) => i.path), [
        'app/web-profile.routes[1].responseClasses[0].condition.status.max',
        'app/web-profile.routes[1].timeout',
        'app/web-profile.dstOverrides[0].weight',
      ]);
      assert.match(e.message, /^invalid ServiceProfile app\/web-profile: 3 problems\n/);
      assert.match(e.message, /app\/web-profile\.routes\[1\]\.timeout = "1m 30s": must be a Go duration/);
      return true;
    });
  });

  it('refuses a clusterDomain that contradicts the mesh reference', () => {
    assert.throws(
      () => new ServiceProfile(chart(), 'p', { service: 'web', mesh: MESH, clusterDomain: 'cluster.local' }),
      (e: unknown) => e instanceof MeshformError && e.issues[0].path === 'app/p.clusterDomain',
    );
  });

  it('synthesizes byte-identical output for the same props', () => {
    const synth = () => {
      const app = new App({ outdir: '/tmp/unused' });
      const c = new Chart(app, 'app', { namespace: 'emojivoto' });
      new ServiceProfile(c, 'p', { service: 'web', routes: [{ name: 'r', condition: { any: [{ method: 'GET' }, { not: { pathRegex: '/x' } }] } }] });
      return JSON.stringify(Testing.synth(c));
    };
    assert.equal(synth(), synth());
  });

  it("the traffic checks refuse it on a Service with routes or resilience annotations, naming this construct's path", () => {
    const c = chart('emojivoto');
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'emojivoto', annotations: { 'retry.linkerd.io/http': '5xx' } }, spec: { ports: [{ port: 80 }] } };
    new ApiObject(c, 'svc', service);
    new ApiObject(c, 'route', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web-route', namespace: 'emojivoto' },
      spec: { parentRefs: [{ group: 'core', kind: 'Service', name: 'web-svc', port: 80 }], rules: [{ backendRefs: [{ name: 'web-svc', port: 80 }] }] },
    });
    new ServiceProfile(c, 'web-profile', { service: 'web-svc', routes: [{ name: 'GET /', condition: { method: 'GET' } }] });
    const issues = trafficIssuesOf(c).filter((i) => i.path.startsWith('app/web-profile'));
    assert.deepEqual(issues.map((i) => i.path), ['app/web-profile.spec.routes']);
    assert.match(issues[0].message, /HTTPRoute emojivoto\/web-route/);
    assert.match(issues[0].message, /retry\.linkerd\.io\/http/);
    // A retry budget alone does not take over routing: nothing to refuse.
    const quiet = chart('emojivoto');
    new ApiObject(quiet, 'svc', service);
    new ServiceProfile(quiet, 'web-profile', { service: 'web-svc', retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10s' } });
    assert.deepEqual(trafficIssuesOf(quiet).filter((i) => i.path.startsWith('app/web-profile')), []);
  });
});
