// Port numbers, label selectors, object keys and DNS domains are ruled once, in lib/k8s; every layer
// that takes one gives the same answer and the same message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IssueCollector } from '../../lib/errors.js';
import { checkLabelSelector, labelKeyProblem, labelValueProblem, SELECTOR_OPERATORS } from '../../lib/k8s/label-selector.js';
import { dns1123LabelErrors, dns1123LabelProblemUpTo, dns1123SubdomainProblem, dns1123SubdomainProblemUpTo, dnsDomainProblem } from '../../lib/k8s/name-rules.js';
import { groupOf } from '../../lib/k8s/object-key.js';
import { portNumberProblem } from '../../lib/k8s/ports.js';
import { objectRef } from '../../lib/diff/object-key.js';
import { ObjectIndex } from '../../lib/traffic-check/objects.js';
import { checkPort } from '../../lib/traffic/refs.js';
import { checkHostnames } from '../../lib/traffic/route-base.js';
import { portNumber, portNumberOrName } from '../../lib/policy/checks.js';
import { checkEgressAllows } from '../../lib/policy/egress-routes.js';
import { port as valuesPort } from '../../lib/values/checks.js';
import { resolveCanaryProps } from '../../constructs/flagger/canary-props.js';
import { labelSelectorOf, parseLabelQuery } from '../../stacks/render/label-query.js';
import { issuesOf } from '../policy/issues.js';

const PORT_MESSAGE = 'must be a port number between 1 and 65535';

test('a port number: an integer from 1 to 65535, one message', () => {
  for (const ok of [1, 80, 65535]) assert.equal(portNumberProblem(ok), undefined);
  for (const bad of [0, 65536, 1.5, -1, '80', undefined, NaN]) assert.equal(portNumberProblem(bad), PORT_MESSAGE, String(bad));
});

test('routes, policy, values and Flagger refuse the same ports with the same message', () => {
  for (const bad of [0, 65536, 8.5]) {
    const traffic = new IssueCollector();
    checkPort(bad, 'r.port', traffic, false);
    const canary = issuesOf(() => resolveCanaryProps({ deployment: 'web', port: bad, targetPort: bad, successRate: { minPercent: 99 }, latency: { maxMs: 500 } }, 'App/canary'));
    assert.deepEqual(
      [traffic.issues[0]?.message, portNumber(bad), portNumberOrName(bad), valuesPort(bad), ...canary.map((i) => i.message)],
      Array(6).fill(PORT_MESSAGE),
    );
    assert.deepEqual(canary.map((i) => i.path), ['App/canary.port', 'App/canary.targetPort']);
  }
  const backend = new IssueCollector();
  checkPort(undefined, 'r.backends[0].port', backend, true);
  assert.equal(backend.issues[0].message, `${PORT_MESSAGE} (Linkerd needs the port of every Service backend)`);
});

test('at most 16 hostnames, for mesh routes and egress routes alike', () => {
  const hostnames = Array.from({ length: 17 }, (_, i) => `h${i}.example.com`);
  const route = new IssueCollector();
  checkHostnames(hostnames, 'App/web.hostnames', route);
  const egress = new IssueCollector();
  checkEgressAllows([{ hostnames: [...hostnames.slice(0, 15), 'Bad_Host'], port: 443 }, { hostnames, port: 8443 }], 'App/out.allow', egress);
  assert.deepEqual(route.issues, [{ path: 'App/web.hostnames', value: 17, message: 'must hold at most 16 hostnames per route' }]);
  assert.deepEqual(egress.issues.map((i) => [i.path, i.message]), [
    ['App/out.allow[0].hostnames[15]', 'must be a lowercase DNS name such as api.github.com, optionally starting with "*." (no port, no scheme)'],
    ['App/out.allow[1].hostnames', 'must hold at most 16 hostnames per route'],
  ]);
});

test('label keys: an optional DNS-subdomain prefix of at most 253 and a name of at most 63', () => {
  for (const ok of ['app', 'app.kubernetes.io/name', 'A_b.c-1', `${'p'.repeat(253)}/${'n'.repeat(63)}`]) assert.equal(labelKeyProblem(ok), undefined, ok);
  for (const bad of ['', 'app/x/y', '/app', 'Example.com/app', 'n'.repeat(64), `${'p'.repeat(254)}/app`, '-app', 'app-', 42]) {
    assert.match(labelKeyProblem(bad) ?? '', /^must be a label key: an optional DNS prefix and "\/", then at most 63 letters/, String(bad));
  }
  for (const ok of ['', 'web', 'My_Value.1', 'v'.repeat(63)]) assert.equal(labelValueProblem(ok), undefined, ok);
  for (const bad of ['-web-', 'a b', 'v'.repeat(64), 1]) assert.match(labelValueProblem(bad) ?? '', /^must be a label value/, String(bad));
  assert.deepEqual(SELECTOR_OPERATORS, ['In', 'NotIn', 'Exists', 'DoesNotExist']);
});

test('Server selectors and link-gen selectors are checked by the one rule set', () => {
  const selector = {
    matchLabels: { 'app/x/y': 'web', tier: '-web-' },
    matchExpressions: [
      { key: 'zone', operator: 'In' as const },
      { key: 'x', operator: 'Exists' as const, values: ['a'] },
      { key: 'y', operator: 'Matches' as never },
      { key: 'z', operator: 'NotIn' as const, values: ['ok', 'not ok'] },
    ],
  };
  const server = new IssueCollector();
  checkLabelSelector(selector, 'App/web.podSelector', server);
  const link = new IssueCollector();
  labelSelectorOf(selector, 'App/web.podSelector', link);
  assert.deepEqual(link.issues, server.issues);
  assert.deepEqual(server.issues.map((i) => i.path), [
    'App/web.podSelector.matchLabels.app/x/y',
    'App/web.podSelector.matchLabels.tier',
    'App/web.podSelector.matchExpressions[0].values',
    'App/web.podSelector.matchExpressions[1].values',
    'App/web.podSelector.matchExpressions[2].operator',
    'App/web.podSelector.matchExpressions[3].values[1]',
  ]);
  assert.equal(server.issues[4].message, 'must be one of In, NotIn, Exists, DoesNotExist');
  // The query syntax names the same rules.
  const query = new IssueCollector();
  parseLabelQuery('app/x/y=web, tier=-web-', 'east.selector', query);
  assert.deepEqual(query.issues.map((i) => i.message), [`"app/x/y" ${labelKeyProblem('app/x/y')}`, `value "-web-" ${labelValueProblem('-web-')}`]);
});

test('one object key: the diff and the reference index name an object alike', () => {
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'ns' } };
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } };
  const index = new ObjectIndex([role, service]);
  for (const [i, object] of [role, service].entries()) {
    const { group, kind, namespace, name } = index.all[i];
    assert.deepEqual({ group, kind, namespace, name }, objectRef(object));
  }
  assert.equal(groupOf('v1'), '');
  assert.equal(groupOf('policy.linkerd.io/v1beta3'), 'policy.linkerd.io');
});

test('names meshform extends get the room left, and DNS domains keep DNS label lengths', () => {
  const within52 = dns1123LabelProblemUpTo(52);
  assert.equal(within52('a'.repeat(52)), undefined);
  assert.equal(within52('a'.repeat(53)), 'must be no more than 52 characters');
  assert.equal(within52('East'), dns1123LabelErrors('East')[0]);
  assert.equal(dns1123LabelProblemUpTo(100)('a'.repeat(64)), 'must be no more than 63 characters', 'never beyond the label limit');
  assert.equal(dns1123SubdomainProblemUpTo(247)(`${'a'.repeat(200)}.${'b'.repeat(46)}`), undefined);
  assert.equal(dns1123SubdomainProblemUpTo(247)('a'.repeat(248)), 'must be no more than 247 characters');
  assert.equal(dnsDomainProblem('cluster.local'), undefined);
  assert.equal(dnsDomainProblem('Cluster_Local'), dns1123SubdomainProblem('Cluster_Local'));
  assert.equal(dnsDomainProblem(`${'a'.repeat(64)}.local`), 'each label must be no more than 63 characters');
  assert.equal(dns1123SubdomainProblem(`${'a'.repeat(64)}.local`), undefined, 'an object name may have longer labels');
  assert.match(dnsDomainProblem(42) ?? '', /^a lowercase RFC 1123 subdomain/);
});
