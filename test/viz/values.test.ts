import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { LINKERD_VERSION } from '../../lib/versions.js';
import { resolveVizValues } from '../../lib/values/viz/resolve.js';
import { userValues, type ValueTree } from '../../lib/values/tree.js';
import { PINS } from './render-helpers.js';

function issuesFor(user: ValueTree): MeshformError['issues'] {
  try {
    resolveVizValues({ user: userValues([PINS, user]) });
  } catch (e) {
    assert.ok(e instanceof MeshformError, String(e));
    return e.issues;
  }
  assert.fail('expected a MeshformError');
}

describe('resolveVizValues', () => {
  it('substitutes the version placeholder with the release', () => {
    const v = resolveVizValues({ user: { tap: { externalSecret: true, caBundle: 'x' }, tapInjector: { externalSecret: true, caBundle: 'x' } } });
    assert.equal(v.linkerdVersion, LINKERD_VERSION);
    assert.equal(v.linkerdVersion, 'edge-26.8.3');
  });

  it('applies the HA overlay under the user values', () => {
    const v = resolveVizValues({ user: userValues([PINS, { dashboard: { resources: { cpu: { request: '1' } } } }]), ha: true });
    assert.equal(v.enablePodAntiAffinity, true);
    assert.equal(v.enablePodDisruptionBudget, true);
    assert.equal(v.tap.replicas, 3);
    assert.deepEqual(v.tap.resources.memory, { limit: '250Mi', request: '50Mi' });
    assert.equal(v.dashboard.resources.cpu?.request, '1');
    assert.equal(v.dashboard.resources.memory?.limit, '250Mi');
    assert.deepEqual(v.prometheus.resources.memory, { limit: '8192Mi', request: '300Mi' });
    assert.equal(v.metricsAPI.replicas, 1);
  });

  it('collects every problem in one error, with paths, values and hints', () => {
    const issues = issuesFor({
      defaultLogLevel: 'verbose',
      tap: { replicas: -1, logFormat: 'xml' },
      metricsAPI: { replicas: 'three' },
      dashbaord: { replicas: 2 },
      prometheus: { enbled: false },
    });
    const byPath = new Map(issues.map((i) => [i.path, i]));
    assert.match(byPath.get('defaultLogLevel')!.message, /must be one of .*"info"/);
    assert.equal(byPath.get('defaultLogLevel')!.value, 'verbose');
    assert.match(byPath.get('tap.replicas')!.message, /integer >= 1/);
    assert.match(byPath.get('tap.logFormat')!.message, /"json"/);
    assert.ok(byPath.has('metricsAPI.replicas'));
    assert.match(byPath.get('dashbaord')!.message, /did you mean "dashboard"/);
    assert.match(byPath.get('prometheus.enbled')!.message, /did you mean "enabled"/);
    assert.ok(issues.length >= 6);
  });

  it('requires TLS material instead of generating it', () => {
    const issues = issuesFor({ tap: { externalSecret: false, caBundle: '' }, tapInjector: { externalSecret: true, caBundle: '' } });
    const paths = issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['tap.caBundle', 'tap.crtPEM', 'tap.keyPEM', 'tapInjector.caBundle']);
    assert.match(issues.find((i) => i.path === 'tap.crtPEM')!.message, /tap\.externalSecret/);
    assert.match(issues.find((i) => i.path === 'tapInjector.caBundle')!.message, /injectCaFrom/);
  });

  it('accepts cert-manager injection in place of a caBundle', () => {
    const v = resolveVizValues({
      user: userValues([PINS, { tap: { caBundle: '', injectCaFrom: 'linkerd-viz/tap' }, tapInjector: { caBundle: null, injectCaFromSecret: 'linkerd-viz/ti' } }]),
    });
    assert.equal(v.tap.injectCaFrom, 'linkerd-viz/tap');
  });

  it('refuses a viz without any Prometheus, and both Grafana URLs', () => {
    const issues = issuesFor({ prometheus: { enabled: false }, grafana: { url: 'a', externalUrl: 'b' } });
    assert.deepEqual(issues.map((i) => i.path).sort(), ['grafana.externalUrl', 'prometheusUrl']);
  });

  it('checks pass-through Prometheus settings', () => {
    const issues = issuesFor({
      prometheus: {
        ruleConfigMapMounts: [{ name: 'r', subPath: 'rules.txt', configMap: 'cm' }],
        persistence: { accessMode: 'Sometimes', size: '8Gi' },
        resources: { cpu: { limit: 'lots' } },
        scrapeConfigs: 'job',
      },
    });
    const paths = issues.map((i) => i.path).sort();
    assert.deepEqual(paths, [
      'prometheus.persistence.accessMode',
      'prometheus.resources.cpu.limit',
      'prometheus.ruleConfigMapMounts[0].subPath',
      'prometheus.scrapeConfigs',
    ]);
  });
});
