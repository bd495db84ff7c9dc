/** Cross-object checks on manifests: the fixture passes; each bad input gives exactly one issue naming the object, field and value. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { assertTraffic, trafficIssues, type TrafficCheckOptions } from '../../lib/traffic-check/index.js';
import { appObjects, find } from './fixtures.js';

type Mutable = Record<string, any>;

/** The issues after `mutate` changed a fresh copy of the app. */
function issuesAfter(mutate: (objects: KubeObject[]) => void, options?: TrafficCheckOptions): readonly ValidationIssue[] {
  const objects = appObjects();
  mutate(objects);
  return trafficIssues(objects, options);
}

function one(issues: readonly ValidationIssue[], path: string, message: RegExp): void {
  assert.equal(issues.length, 1, issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  assert.equal(issues[0].path, path);
  assert.match(issues[0].message, message);
}

const route = (o: KubeObject[]) => find<Mutable>(o, 'HTTPRoute', 'web-route');

describe('traffic checks pass on a consistent app', () => {
  it('finds nothing in the fixture', () => {
    assert.deepEqual(trafficIssues(appObjects()), []);
    assert.doesNotThrow(() => assertTraffic(appObjects()));
  });
});

describe('references', () => {
  it('a backendRef to a missing Service', () => {
    const issues = issuesAfter((o) => (route(o).spec.rules[1].backendRefs[1].name = 'web-svc-v3'));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.rules[1].backendRefs[1].name', /Service emojivoto\/web-svc-v3, which is not in the app/);
    assert.equal(issues[0].value, 'web-svc-v3');
  });

  it('a reference to a declared external resolves', () => {
    const issues = issuesAfter((o) => (route(o).spec.rules[1].backendRefs[1] = { name: 'legacy', namespace: 'other', port: 80 }), {
      externals: [{ kind: 'Service', name: 'legacy', namespace: 'other' }],
    });
    assert.deepEqual(issues, []);
  });

  it('a backendRef in another namespace resolves there, not in the route namespace', () => {
    const issues = issuesAfter((o) => (route(o).spec.rules[1].backendRefs[1].namespace = 'staging'));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.rules[1].backendRefs[1].name', /Service staging\/web-svc-v2/);
  });

  it('a mesh parentRef without group/kind defaults to a Gateway', () => {
    const issues = issuesAfter((o) => (route(o).spec.parentRefs = [{ name: 'web-svc', port: 80 }]));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.parentRefs[0]', /defaults to a Gateway.*group: core and kind: Service/);
  });

  it('a parent port the Service does not have', () => {
    one(issuesAfter((o) => (route(o).spec.parentRefs[0].port = 8080)), 'HTTPRoute/emojivoto/web-route.spec.parentRefs[0].port', /not a port of Service emojivoto\/web-svc: it has 80/);
  });

  it('a backend port the Service does not have, and a missing backend port', () => {
    one(issuesAfter((o) => (route(o).spec.rules[0].backendRefs[0].port = 8080)), 'HTTPRoute/emojivoto/web-route.spec.rules[0].backendRefs[0].port', /not a port of Service emojivoto\/web-svc-v2/);
    one(issuesAfter((o) => delete route(o).spec.rules[0].backendRefs[0].port), 'HTTPRoute/emojivoto/web-route.spec.rules[0].backendRefs[0].port', /is required for a Service backend/);
  });

  it('an AuthorizationPolicy targeting a missing Server, and one targeting another namespace', () => {
    one(
      issuesAfter((o) => (find<Mutable>(o, 'AuthorizationPolicy', 'web-http').spec.targetRef.name = 'web-grpc')),
      'AuthorizationPolicy/emojivoto/web-http.spec.targetRef.name',
      /Server emojivoto\/web-grpc, which is not in the app/,
    );
    one(
      issuesAfter((o) => (find<Mutable>(o, 'AuthorizationPolicy', 'web-http').spec.targetRef = { kind: 'Namespace', name: 'default' })),
      'AuthorizationPolicy/emojivoto/web-http.spec.targetRef',
      /cannot target another namespace/,
    );
  });

  it('a rate limit on something other than a Server', () => {
    const issues = issuesAfter((o) => (find<Mutable>(o, 'HTTPLocalRateLimitPolicy', 'voting-grpc').spec.targetRef = { kind: 'Service', name: 'voting-svc' }));
    one(issues, 'HTTPLocalRateLimitPolicy/emojivoto/voting-grpc.spec.targetRef', /targets a Server/);
  });

  it('construct paths name the object when a source is given', () => {
    const issues = issuesAfter((o) => (route(o).spec.rules[1].backendRefs[0].name = 'nope'), {
      sourceOf: (object) => (object.kind === 'HTTPRoute' ? 'App/traffic/web-route' : undefined),
    });
    one(issues, 'App/traffic/web-route.spec.rules[1].backendRefs[0].name', /not in the app/);
  });
});

describe('weights', () => {
  it('a negative weight', () => {
    const issues = issuesAfter((o) => (route(o).spec.rules[1].backendRefs[1].weight = -1));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.rules[1].backendRefs[1].weight', /integer from 0 to 1000000/);
    assert.equal(issues[0].value, -1);
  });

  it('all weights zero', () => {
    const issues = issuesAfter((o) => route(o).spec.rules[1].backendRefs.forEach((b: Mutable) => (b.weight = 0)));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.rules[1].backendRefs', /every weight is 0/);
  });
});

describe('servers and identities', () => {
  it('a Server selecting no pod template (matchLabels, and matchExpressions NotIn)', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'Server', 'web-http').spec.podSelector = { matchLabels: { app: 'web' } })), 'Server/emojivoto/web-http.spec.podSelector', /selects no pod template/);
    one(
      issuesAfter((o) => (find<Mutable>(o, 'Server', 'voting-grpc').spec.podSelector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['voting-svc', 'web-svc', 'web-svc-v2', 'vote-bot'] }] })),
      'Server/emojivoto/voting-grpc.spec.podSelector',
      /selects no pod template/,
    );
  });

  it('a Server on a port name no selected pod declares', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'Server', 'web-http').spec.port = 'grpc')), 'Server/emojivoto/web-http.spec.port', /no selected pod has a container port named grpc/);
  });

  it('an identity naming a missing ServiceAccount', () => {
    const issues = issuesAfter((o) => (find<Mutable>(o, 'MeshTLSAuthentication', 'vote-bot').spec.identities = ['bot.emojivoto.serviceaccount.identity.linkerd.cluster.local']));
    one(issues, 'MeshTLSAuthentication/emojivoto/vote-bot.spec.identities[0]', /ServiceAccount emojivoto\/bot, which is not in the app/);
  });

  it('wildcard identities are allowed; another trust domain is named', () => {
    assert.deepEqual(issuesAfter((o) => (find<Mutable>(o, 'MeshTLSAuthentication', 'vote-bot').spec.identities = ['*', '*.emojivoto.serviceaccount.identity.linkerd.cluster.local'])), []);
    const issues = issuesAfter((o) => (find<Mutable>(o, 'MeshTLSAuthentication', 'vote-bot').spec.identities = ['vote-bot.emojivoto.serviceaccount.identity.linkerd.example.org']));
    one(issues, 'MeshTLSAuthentication/emojivoto/vote-bot.spec.identities[0]', /another mesh/);
    assert.deepEqual(
      issuesAfter((o) => (find<Mutable>(o, 'MeshTLSAuthentication', 'vote-bot').spec.identities = ['vote-bot.emojivoto.serviceaccount.identity.linkerd.example.org']), { trustDomain: 'example.org' }),
      [],
    );
  });

  it('an identityRef to a missing ServiceAccount', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'MeshTLSAuthentication', 'web').spec.identityRefs[0].name = 'webapp')), 'MeshTLSAuthentication/emojivoto/web.spec.identityRefs[0].name', /ServiceAccount emojivoto\/webapp/);
  });

  it('a served pod whose ServiceAccount object is missing', () => {
    const issues = issuesAfter((o) => {
      const i = o.findIndex((x) => x.kind === 'ServiceAccount' && x.metadata?.name === 'voting');
      o.splice(i, 1);
    });
    one(issues, 'Deployment/emojivoto/voting.spec.template.spec.serviceAccountName', /ServiceAccount emojivoto\/voting is not in the app \(Server voting-grpc selects these pods/);
  });

  it('a workload two Servers select is reported once', () => {
    const issues = issuesAfter((o) => {
      o.splice(o.findIndex((x) => x.kind === 'ServiceAccount' && x.metadata?.name === 'voting'), 1);
      o.push({ apiVersion: 'policy.linkerd.io/v1beta3', kind: 'Server', metadata: { name: 'voting-8080', namespace: 'emojivoto' }, spec: { podSelector: { matchLabels: { app: 'voting-svc' } }, port: 8080 } });
    });
    one(issues, 'Deployment/emojivoto/voting.spec.template.spec.serviceAccountName', /is not in the app/);
  });

  it('an empty authorization admits everyone', () => {
    const issues = issuesAfter((o) => (find<Mutable>(o, 'AuthorizationPolicy', 'web-http').spec.requiredAuthenticationRefs = []));
    one(issues, 'AuthorizationPolicy/emojivoto/web-http.spec.requiredAuthenticationRefs', /every client from every network/);
  });

  it('a rate-limit override above the total, and one for a missing ServiceAccount', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'HTTPLocalRateLimitPolicy', 'voting-grpc').spec.overrides[0].requestsPerSecond = 150)), 'HTTPLocalRateLimitPolicy/emojivoto/voting-grpc.spec.overrides[0].requestsPerSecond', /must not exceed total/);
    one(issuesAfter((o) => (find<Mutable>(o, 'HTTPLocalRateLimitPolicy', 'voting-grpc').spec.overrides[0].clientRefs[0].name = 'webby')), 'HTTPLocalRateLimitPolicy/emojivoto/voting-grpc.spec.overrides[0].clientRefs[0].name', /ServiceAccount emojivoto\/webby/);
  });
});

describe('what Linkerd would drop silently', () => {
  it('URLRewrite and RequestMirror filters', () => {
    one(issuesAfter((o) => (route(o).spec.rules[0].filters = [{ type: 'URLRewrite', urlRewrite: { hostname: 'x' } }])), 'HTTPRoute/emojivoto/web-route.spec.rules[0].filters[0].type', /not implemented by Linkerd/);
    one(
      issuesAfter((o) => (route(o).spec.rules[1].backendRefs[0].filters = [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'web-svc-v2', port: 80 } } }])),
      'HTTPRoute/emojivoto/web-route.spec.rules[1].backendRefs[0].filters[0].type',
      /not implemented by Linkerd/,
    );
  });

  it('timeouts.backendRequest, and a compound timeouts.request', () => {
    one(issuesAfter((o) => (route(o).spec.rules[1].timeouts.backendRequest = '1s')), 'HTTPRoute/emojivoto/web-route.spec.rules[1].timeouts.backendRequest', /not implemented by Linkerd/);
    const issues = issuesAfter((o) => (route(o).spec.rules[1].timeouts.request = '1m30s'));
    one(issues, 'HTTPRoute/emojivoto/web-route.spec.rules[1].timeouts.request', /write 90s/);
    assert.equal(issues[0].value, '1m30s');
  });

  it('a 1m30s timeout annotation on a Service, and a bad retry timeout on a route', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'Service', 'voting-svc').metadata.annotations['timeout.linkerd.io/request'] = '1m30s')), 'Service/emojivoto/voting-svc.metadata.annotations.timeout\\.linkerd\\.io/request', /write 90s/);
    one(issuesAfter((o) => (find<Mutable>(o, 'GRPCRoute', 'voting-route').metadata.annotations['retry.linkerd.io/timeout'] = '0.3s')), 'GRPCRoute/emojivoto/voting-route.metadata.annotations.retry\\.linkerd\\.io/timeout', /write 300ms/);
  });

  it('a regex gRPC method match', () => {
    one(issuesAfter((o) => (find<Mutable>(o, 'GRPCRoute', 'voting-route').spec.rules[0].matches = [{ method: { type: 'RegularExpression', service: 'emojivoto.*' } }])), 'GRPCRoute/emojivoto/voting-route.spec.rules[0].matches[0].method.type', /use Exact/);
  });

  it('a ServiceProfile with routes on a Service that has routes or resilience annotations', () => {
    const profile = (name: string) => ({
      apiVersion: 'linkerd.io/v1alpha2',
      kind: 'ServiceProfile',
      metadata: { name: `${name}.emojivoto.svc.cluster.local`, namespace: 'emojivoto' },
      spec: { routes: [{ name: 'GET /', condition: { method: 'GET', pathRegex: '/' } }] },
    });
    one(issuesAfter((o) => o.push(profile('web-svc'))), 'ServiceProfile/emojivoto/web-svc.emojivoto.svc.cluster.local.spec.routes', /silently disables HTTPRoute emojivoto\/web-route/);
    const voting = issuesAfter((o) => o.push(profile('voting-svc')));
    one(voting, 'ServiceProfile/emojivoto/voting-svc.emojivoto.svc.cluster.local.spec.routes', /GRPCRoute emojivoto\/voting-route; the annotations balancer\.linkerd\.io\/failure-accrual/);
    // A profile with only a retry budget does not take over routing.
    assert.deepEqual(issuesAfter((o) => o.push({ ...profile('web-svc'), spec: { retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10s' } } })), []);
  });
});

describe('assertTraffic', () => {
  it('throws one MeshformError listing every issue', () => {
    const objects = appObjects();
    route(objects).spec.rules[1].backendRefs[1].weight = -1;
    find<Mutable>(objects, 'AuthorizationPolicy', 'web-http').spec.requiredAuthenticationRefs = [];
    assert.throws(
      () => assertTraffic(objects),
      (e: unknown) => e instanceof MeshformError && e.issues.length === 2 && /2 problems/.test(e.message) && e.message.includes('web-route.spec.rules[1].backendRefs[1].weight = -1'),
    );
  });
});

describe('the fixture itself', () => {
  it('validates against the Kubernetes schema and the Linkerd/Gateway API CRDs', async () => {
    const { App } = await import('cdk8s');
    const { CrdsChart } = await import('../../constructs/crds/crds-chart.js');
    const { chartObjects } = await import('../../constructs/kube-object.js');
    const { validateRender } = await import('../helpers/validate-all.js');
    const crds = chartObjects(new CrdsChart(new App(), 'crds', { values: { installGatewayAPI: true } }));
    const result = validateRender(appObjects(), crds);
    assert.deepEqual(result.problems, []);
    assert.equal(result.bySchema.length + result.byCrd.length, appObjects().length);
  });
});

describe('proxy ports', () => {
  it('a Server may name the proxy admin port, which the injector adds to the pod', () => {
    assert.deepEqual(issuesAfter((o) => (find<Mutable>(o, 'Server', 'web-http').spec.port = 'linkerd-admin')), []);
  });
});

describe('Flagger canaries', () => {
  const canary = (target: string, service?: string) => ({
    apiVersion: 'flagger.app/v1beta1',
    kind: 'Canary',
    metadata: { name: target, namespace: 'emojivoto' },
    spec: { provider: 'gatewayapi:v1', targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, service: { port: 80, ...(service ? { name: service } : {}) }, analysis: { interval: '1m', threshold: 5, stepWeight: 10 } },
  });

  it('a Canary on an existing Deployment whose apex Service the app does not route passes', () => {
    assert.deepEqual(issuesAfter((o) => o.push(canary('web'))), []);
  });

  it('a Canary targeting a missing Deployment', () => {
    one(issuesAfter((o) => o.push(canary('webb'))), 'Canary/emojivoto/webb.spec.targetRef.name', /Deployment\.apps emojivoto\/webb, which is not in the app/);
  });

  it('a route of the app on the Service the Canary takes over', () => {
    one(issuesAfter((o) => o.push(canary('web', 'web-svc'))), 'HTTPRoute/emojivoto/web-route.spec.parentRefs', /Flagger Canary emojivoto\/web owns Service web-svc/);
  });
});

describe('retry annotations', () => {
  const grpcRoute = (o: KubeObject[]) => find<Mutable>(o, 'GRPCRoute', 'voting-route');

  it('an HTTP retry condition on a GRPCRoute is ignored; failure accrual on a route too', () => {
    one(issuesAfter((o) => (grpcRoute(o).metadata.annotations['retry.linkerd.io/http'] = '5xx')), 'GRPCRoute/emojivoto/voting-route.metadata.annotations.retry\\.linkerd\\.io/http', /ignored on a GRPCRoute/);
    one(issuesAfter((o) => (grpcRoute(o).metadata.annotations['balancer.linkerd.io/failure-accrual'] = 'consecutive')), 'GRPCRoute/emojivoto/voting-route.metadata.annotations.balancer\\.linkerd\\.io/failure-accrual', /Service \(or EgressNetwork\) only/);
  });

  it('conditions and limits in the grammar Linkerd parses', () => {
    one(issuesAfter((o) => (grpcRoute(o).metadata.annotations['retry.linkerd.io/grpc'] = 'unavailable, internal')), 'GRPCRoute/emojivoto/voting-route.metadata.annotations.retry\\.linkerd\\.io/grpc', /no spaces.*" internal"/);
    one(issuesAfter((o) => (grpcRoute(o).metadata.annotations['retry.linkerd.io/limit'] = 'three')), 'GRPCRoute/emojivoto/voting-route.metadata.annotations.retry\\.linkerd\\.io/limit', /0 to 65535/);
    const route = (o: KubeObject[]) => find<Mutable>(o, 'HTTPRoute', 'web-route');
    assert.deepEqual(issuesAfter((o) => (route(o).metadata.annotations = { 'retry.linkerd.io/http': '5xx,429,500-504,gateway-error', 'retry.linkerd.io/limit': '2' })), []);
    one(issuesAfter((o) => (route(o).metadata.annotations = { 'retry.linkerd.io/http': '5xx,504-500' })), 'HTTPRoute/emojivoto/web-route.metadata.annotations.retry\\.linkerd\\.io/http', /"504-500"/);
  });
});
