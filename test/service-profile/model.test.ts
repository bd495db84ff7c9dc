// The ServiceProfile model: the sp-validator's rules as collected issues (path, value, what is
// allowed), the FQDN name, the rendering (omitempty, the top-level `not`), and CRD validity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import {
  buildServiceProfile,
  profiledService,
  profileOverridesPolicy,
  serviceProfileName,
  type ServiceProfileInput,
} from '../../lib/service-profile/index.js';
import { validateRender } from '../helpers/validate-all.js';
import { goldenCrds, goldenSkip, renderedCrds } from './fixtures.js';

const BASE: ServiceProfileInput = { service: 'web-svc', namespace: 'emojivoto' };

/** The issues `buildServiceProfile` refuses `input` with (fails when it does not refuse). */
function refusal(input: unknown, at?: string): ValidationIssue[] {
  try {
    buildServiceProfile(input as ServiceProfileInput, at);
  } catch (e) {
    assert.ok(e instanceof MeshformError, String(e));
    return [...e.issues];
  }
  assert.fail('expected a refusal');
}

const paths = (issues: readonly ValidationIssue[]): string[] => issues.map((i) => i.path);

const FULL: ServiceProfileInput = {
  ...BASE,
  routes: [
    {
      name: 'GET /api/list',
      condition: { method: 'GET', pathRegex: '/api/list' },
      responseClasses: [{ condition: { status: { min: 500, max: 599 } }, isFailure: true }, { condition: { status: { min: 404 } } }],
      isRetryable: true,
      timeout: '1m30s',
    },
    { name: 'not-delete', condition: { pathRegex: '/info.txt', not: { method: 'DELETE' } } },
    { name: 'any', condition: { any: [{ all: [{ method: 'POST' }, { pathRegex: '/a/\\d+' }] }, { not: { method: 'PUT' } }] } },
  ],
  retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10s' },
  dstOverrides: [
    { authority: 'web-svc.emojivoto.svc.cluster.local:80', weight: 900 },
    { authority: 'web-svc-v2.emojivoto.svc.cluster.local:80', weight: '100m' },
  ],
};

describe('buildServiceProfile', () => {
  it('names the profile <svc>.<ns>.svc.<clusterDomain> in the Service namespace', () => {
    const sp = buildServiceProfile({ ...BASE, clusterDomain: 'example.org' });
    assert.deepEqual(sp.metadata, { name: 'web-svc.emojivoto.svc.example.org', namespace: 'emojivoto' });
    assert.equal(serviceProfileName(BASE), 'web-svc.emojivoto.svc.cluster.local');
    assert.deepEqual(sp.spec, {});
  });

  it('renders like upstream Go types: false booleans and empty lists left out', () => {
    const sp = buildServiceProfile({ ...BASE, routes: [{ name: 'r', condition: { method: 'GET' }, isRetryable: false, responseClasses: [{ condition: { status: { min: 200 } }, isFailure: false }] }], dstOverrides: [] });
    assert.deepEqual(sp.spec, { routes: [{ name: 'r', condition: { method: 'GET' }, responseClasses: [{ condition: { status: { min: 200 } } }] }] });
  });

  it("moves a route condition's top-level not into all (the CRD types it as a list, the Go type as an object)", () => {
    const sp = buildServiceProfile(FULL);
    assert.deepEqual(sp.spec.routes?.[1].condition, { pathRegex: '/info.txt', all: [{ not: { method: 'DELETE' } }] });
    // Nested nots stay objects: the CRD lets nested matches be free-form.
    assert.deepEqual(sp.spec.routes?.[2].condition.any?.[1], { not: { method: 'PUT' } });
    const merged = buildServiceProfile({ ...BASE, routes: [{ name: 'r', condition: { all: [{ method: 'GET' }], not: { pathRegex: '/x' } } }] });
    assert.deepEqual(merged.spec.routes?.[0].condition, { all: [{ method: 'GET' }, { not: { pathRegex: '/x' } }] });
  });

  it('validates against the ServiceProfile CRD of meshform’s CRD render', () => {
    const result = validateRender([buildServiceProfile(FULL), buildServiceProfile(BASE)], renderedCrds());
    assert.deepEqual(result.problems, []);
    assert.equal(result.byCrd.length, 2);
  });

  it('validates against upstream’s CRD golden', { skip: goldenSkip }, () => {
    const result = validateRender([buildServiceProfile(FULL)], goldenCrds());
    assert.deepEqual(result.problems, []);
    assert.equal(result.byCrd.length, 1);
  });

  it('the check would notice a top-level not object (the reason for the rewrite)', () => {
    const raw = { ...buildServiceProfile(BASE), spec: { routes: [{ name: 'r', condition: { not: { method: 'GET' } } }] } };
    assert.notDeepEqual(validateRender([raw], renderedCrds()).problems, []);
  });
});

describe('sp-validator rules, collected', () => {
  it('a route without name or condition, an empty match, a bad status range: all at once, each with its path', () => {
    const issues = refusal({
      ...BASE,
      routes: [
        { condition: {} },
        { name: 'r', condition: { method: 'GET' }, responseClasses: [{ condition: { status: { min: 503, max: 500 } } }, {}, { condition: {} }] },
        { name: 'r2', condition: { all: [{}] }, responseClasses: [{ condition: { status: { min: 99 } } }, { condition: { status: { max: 600 } } }, { condition: { status: {} } }] },
      ],
    }, 'app/web-profile');
    assert.deepEqual(paths(issues), [
      'app/web-profile.routes[0].name',
      'app/web-profile.routes[0].condition',
      'app/web-profile.routes[1].responseClasses[0].condition.status.max',
      'app/web-profile.routes[1].responseClasses[1].condition',
      'app/web-profile.routes[1].responseClasses[2].condition',
      'app/web-profile.routes[2].condition.all[0]',
      'app/web-profile.routes[2].responseClasses[0].condition.status.min',
      'app/web-profile.routes[2].responseClasses[1].condition.status.max',
      'app/web-profile.routes[2].responseClasses[2].condition.status',
    ]);
    assert.match(issues[1].message, /a request match must have a field set/);
    assert.match(issues[2].message, /maximum cannot be smaller than minimum \(503\)/);
    assert.equal(issues[2].value, 500);
    assert.match(issues[6].message, /100 to 599/);
  });

  it('timeouts and ttl are Go durations (1m30s and 1.5s are fine; 5, 1x, -1s and " 1s" are not)', () => {
    for (const ok of ['1m30s', '1.5s', '250ms', '0', '2h45m', '10us']) {
      assert.doesNotThrow(() => buildServiceProfile({ ...BASE, routes: [{ name: 'r', condition: { method: 'GET' }, timeout: ok }] }), ok);
    }
    for (const bad of ['5', '1x', '-1s', ' 1s', '1 s', 'ten']) {
      const issues = refusal({ ...BASE, routes: [{ name: 'r', condition: { method: 'GET' }, timeout: bad }] });
      assert.deepEqual(paths(issues), ['ServiceProfile.routes[0].timeout'], bad);
      assert.equal(issues[0].value, bad);
      assert.match(issues[0].message, /Go duration such as 250ms, 1\.5s or 1m30s/);
    }
    const budget = refusal({ ...BASE, retryBudget: { retryRatio: -0.1, minRetriesPerSecond: 1.5, ttl: '' } });
    assert.deepEqual(paths(budget), ['ServiceProfile.retryBudget.retryRatio', 'ServiceProfile.retryBudget.minRetriesPerSecond', 'ServiceProfile.retryBudget.ttl']);
    assert.deepEqual(paths(refusal({ ...BASE, retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10 s' } })), ['ServiceProfile.retryBudget.ttl']);
  });

  it('names: a DNS-1035 Service, a DNS-1123 namespace and cluster domain, in apimachinery’s words', () => {
    const issues = refusal({ service: '1web', namespace: 'Emoji_Voto', clusterDomain: 'cluster..local' });
    assert.deepEqual(paths(issues), ['ServiceProfile.service', 'ServiceProfile.namespace', 'ServiceProfile.clusterDomain']);
    assert.match(issues[0].message, /^a DNS-1035 label must consist of lower case alphanumeric characters/);
    assert.match(issues[1].message, /RFC 1123 label/);
    assert.equal(paths(refusal({ ...BASE, service: 'a'.repeat(64) })).length, 1);
  });

  it('methods are tokens, case-sensitive; unknown fields and wrong types are refused, not dropped', () => {
    const issues = refusal({
      ...BASE,
      routes: [{ name: 'r', condition: { method: 'get', pathregex: '/x' }, isRetryable: 'yes', timout: '1s' }, { name: 'r2', condition: { method: 'GET POST' } }],
      retries: 3,
    });
    assert.deepEqual(paths(issues), [
      'ServiceProfile.retries',
      'ServiceProfile.routes[0].timout',
      'ServiceProfile.routes[0].condition.pathregex',
      'ServiceProfile.routes[0].condition.method',
      'ServiceProfile.routes[0].isRetryable',
      'ServiceProfile.routes[1].condition.method',
    ]);
    assert.match(issues[3].message, /case-sensitive: write GET/);
  });

  it('dstOverrides: host[:port] authorities and non-negative weights, not all zero', () => {
    const issues = refusal({ ...BASE, dstOverrides: [{ authority: 'web:99999', weight: -1 }, { authority: '', weight: 'lots' }, { authority: 'Web_svc', weight: 1 }] });
    assert.deepEqual(paths(issues), [
      'ServiceProfile.dstOverrides[0].authority',
      'ServiceProfile.dstOverrides[0].weight',
      'ServiceProfile.dstOverrides[1].authority',
      'ServiceProfile.dstOverrides[1].weight',
      'ServiceProfile.dstOverrides[2].authority',
    ]);
    const zero = refusal({ ...BASE, dstOverrides: [{ authority: 'a:80', weight: 0 }, { authority: 'b', weight: '0m' }] });
    assert.deepEqual(paths(zero), ['ServiceProfile.dstOverrides']);
    assert.match(zero[0].message, /must not all be 0/);
  });

  it('opaquePorts is refused with the reason and what to use instead', () => {
    const [issue, ...rest] = refusal({ ...BASE, opaquePorts: [3306] });
    assert.equal(rest.length, 0);
    assert.equal(issue.path, 'ServiceProfile.opaquePorts');
    assert.match(issue.message, /sp-validator.*config\.linkerd\.io\/opaque-ports/);
  });

  it('hostile nesting is bounded', () => {
    let match: Record<string, unknown> = { method: 'GET' };
    for (let i = 0; i < 200; i++) match = { not: match };
    const issues = refusal({ ...BASE, routes: [{ name: 'deep', condition: match }] });
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /more than 32 levels/);
  });
});

describe('what the cross-checks need', () => {
  it('profileOverridesPolicy: routes or dstOverrides take over the Service, a retry budget alone does not', () => {
    assert.equal(profileOverridesPolicy(buildServiceProfile(FULL).spec), true);
    assert.equal(profileOverridesPolicy(buildServiceProfile({ ...BASE, dstOverrides: [{ authority: 'a', weight: 1 }] }).spec), true);
    assert.equal(profileOverridesPolicy(buildServiceProfile({ ...BASE, retryBudget: { retryRatio: 0.2, minRetriesPerSecond: 10, ttl: '10s' } }).spec), false);
  });

  it('profiledService reads the Service back from the name, and refuses names Linkerd would never look up', () => {
    assert.deepEqual(profiledService('web-svc.emojivoto.svc.cluster.local'), { service: 'web-svc', namespace: 'emojivoto', clusterDomain: 'cluster.local' });
    assert.equal(profiledService('web-svc.emojivoto'), undefined);
    assert.equal(profiledService('Web.emojivoto.svc.cluster.local'), undefined);
  });
});
