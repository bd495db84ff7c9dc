/**
 * The checks and the graph over what the other constructs render: the emojivoto example app, the
 * traffic constructs (header canary, split, fault share, gRPC retries, circuit breaking), the
 * namespace policy recipe (default deny, allows, viz scrapes, rate limit, egress) and a Flagger canary.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { buildEmojivoto } from '../../examples/emojivoto/app.js';
import { FlaggerCanary } from '../../constructs/flagger/index.js';
import { policyGraph } from '../../constructs/policy-graph.js';
import { NamespacePolicy } from '../../constructs/policy/index.js';
import { trafficIssuesOf } from '../../constructs/traffic-check.js';
import { canary, FaultInjection, GrpcRoute, HttpRoute, serviceRef, annotateService } from '../../constructs/traffic/index.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/types.js';

const NS = 'emojivoto';
const VIZ = { externals: [{ kind: 'ServiceAccount', name: 'prometheus', namespace: 'linkerd-viz' }] };

function build(): { app: App; emojivoto: Chart } {
  const app = new App();
  const emojivoto = buildEmojivoto(app, { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND });
  const svc = (name: string) => emojivoto.node.findAll().find((c): c is kplus.Service => c instanceof kplus.Service && c.name === name)!;
  const traffic = new Chart(app, 'traffic');
  const webV2 = new ApiObject(traffic, 'web-svc-v2', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc-v2', namespace: NS }, spec: { selector: { app: 'web-v2' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
  const faults = new FaultInjection(traffic, 'web-fault', { namespace: NS, status: 503 });
  const split = canary(serviceRef(svc('web-svc'), 80), serviceRef(webV2, 80), 10);
  new HttpRoute(traffic, 'web-route', {
    parent: serviceRef(svc('web-svc'), 80),
    rules: [
      { matches: [{ headers: { 'x-canary': 'true' } }], backends: [serviceRef(webV2, 80)] },
      { matches: [{ path: { prefix: '/api/vote' } }], backends: split, fault: faults.share(5) },
      { backends: split },
    ],
  });
  new GrpcRoute(traffic, 'emoji-route', { parent: serviceRef(svc('emoji-svc'), 8080), retry: { grpc: ['unavailable'], limit: 3, timeout: '300ms' }, timeouts: { request: '1s' } });
  annotateService(svc('voting-svc'), { circuitBreaker: { consecutiveFailures: 7 } });

  const policy = new NamespacePolicy(new Chart(app, 'policy'), 'policy', { namespace: NS });
  const voting = policy.server({ name: 'voting-grpc', podSelector: { matchLabels: { app: 'voting' } }, port: 'grpc', proxyProtocol: 'gRPC' });
  policy
    .allow({ serviceAccount: 'web' }, { name: 'emoji-grpc', podSelector: { matchLabels: { app: 'emoji' } }, port: 'grpc', proxyProtocol: 'gRPC' })
    .allow({ serviceAccount: 'web' }, voting)
    .allowVizScrapes()
    .rateLimit(voting, { total: 100, identity: 10, overrides: [{ requestsPerSecond: 50, clients: [{ serviceAccount: 'web' }] }] })
    .restrictEgress({ allow: [{ hostnames: ['api.github.com'], port: 443 }] });
  new FlaggerCanary(new Chart(app, 'delivery'), 'web-canary', { deployment: 'web', namespace: NS, port: 80, targetPort: 8080, successRate: { minPercent: 99 }, latency: { maxMs: 500 } });
  return { app, emojivoto };
}

describe('checks over the other constructs\' renders', () => {
  it('the composed app passes', () => {
    assert.deepEqual(trafficIssuesOf(build().app, VIZ).map((i) => `${i.path}: ${i.message}`), []);
  });

  it('without the viz ServiceAccount declared external, the scrape authorization is the one finding', () => {
    const issues = trafficIssuesOf(build().app);
    assert.equal(issues.length, 1, issues.map((i) => i.path).join('\n'));
    assert.match(issues[0].path, /^policy\/policy\/.*\.spec\.identities\[0\]$/);
    assert.match(issues[0].message, /ServiceAccount linkerd-viz\/prometheus.*declare externalNamespaces: \['linkerd-viz'\]/);
    assert.deepEqual(trafficIssuesOf(build().app, { externalNamespaces: ['linkerd-viz'] }), []);
  });

  it('a route to a missing Service names the HttpRoute construct and the field', () => {
    const { app } = build();
    const traffic = app.node.findChild('traffic') as Chart;
    new HttpRoute(traffic, 'typo-route', { namespace: NS, parent: serviceRef('web-svc', 80), rules: [{ backends: [serviceRef('web-svc-v3', 80)] }] });
    const issues = trafficIssuesOf(app, VIZ);
    assert.deepEqual(issues.map((i) => [i.path, i.value]), [['traffic/typo-route.spec.rules[0].backendRefs[0].name', 'web-svc-v3']]);
  });

  it('the policy graph has no unreachable Server; only the Prometheus scrape and egress stand out as named', async () => {
    const mermaid = await policyGraph(build().app, 'mermaid');
    assert.doesNotMatch(mermaid, /unreachable: no authorization/);
    assert.match(mermaid, /Server voting-grpc<br\/>port grpc \(gRPC\)<br\/>accessPolicy deny<br\/>rate limit total 100\/s, per identity 10\/s, web 50\/s/);
    assert.match(mermaid, /api\.github\.com:443/);
  });
});
