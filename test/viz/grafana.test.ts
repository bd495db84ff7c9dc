import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { chartObjects } from '../../constructs/kube-object.js';
import { LinkerdGrafanaDashboards } from '../../constructs/grafana/linkerd-grafana-dashboards.js';
import { MeshformError } from '../../lib/errors.js';
import { LINKERD_DASHBOARDS } from '../../lib/grafana/dashboards.js';
import type { KubeObject } from '../../lib/manifest.js';
import { SHARED } from './render-helpers.js';

function synth(props: ConstructorParameters<typeof LinkerdGrafanaDashboards>[2]): KubeObject[] {
  const chart = new Chart(new App(), 'grafana');
  new LinkerdGrafanaDashboards(chart, 'linkerd', props);
  return chartObjects(chart);
}

const spec = (o: KubeObject) => o.spec as Record<string, any>;

describe('LinkerdGrafanaDashboards', () => {
  it('matches the dashboards upstream pins in grafana/values.yaml', { skip: existsSync(join(SHARED, 'grafana/values.yaml')) ? false : 'no ../shared' }, () => {
    const upstream = parse(readFileSync(join(SHARED, 'grafana/values.yaml'), 'utf8')).dashboards.default;
    const table = Object.fromEntries(LINKERD_DASHBOARDS.map((d) => [d.key, { gnetId: d.id, revision: d.revision }]));
    const pinned = Object.fromEntries(Object.entries(upstream).map(([k, v]: [string, any]) => [k, { gnetId: v.gnetId, revision: v.revision }]));
    assert.deepEqual(table, pinned);
  });

  it('emits one GrafanaDashboard per dashboard, a datasource and the Prometheus authorization', () => {
    const objects = synth({ instanceSelector: { dashboards: 'grafana' } });
    const dashboards = objects.filter((o) => o.kind === 'GrafanaDashboard');
    assert.equal(dashboards.length, LINKERD_DASHBOARDS.length);
    const topLine = dashboards.find((d) => d.metadata?.name === 'linkerd-top-line')!;
    assert.equal(topLine.apiVersion, 'grafana.integreatly.org/v1beta1');
    assert.equal(topLine.metadata?.namespace, 'grafana');
    assert.deepEqual(spec(topLine).grafanaCom, { id: 15474, revision: 4 });
    assert.deepEqual(spec(topLine).instanceSelector, { matchLabels: { dashboards: 'grafana' } });
    assert.equal(spec(topLine).folder, 'Linkerd');
    assert.deepEqual(spec(topLine).datasources, [{ inputName: 'DS_PROMETHEUS', datasourceName: 'prometheus' }]);

    const ds = objects.find((o) => o.kind === 'GrafanaDatasource')!;
    assert.equal(spec(ds).datasource.url, 'http://prometheus.linkerd-viz.svc.cluster.local:9090');
    assert.equal(spec(ds).datasource.type, 'prometheus');
    assert.equal(spec(ds).datasource.name, 'prometheus');

    const policy = objects.find((o) => o.kind === 'AuthorizationPolicy')!;
    assert.equal(policy.metadata?.namespace, 'linkerd-viz');
    assert.deepEqual(spec(policy).targetRef, { group: 'policy.linkerd.io', kind: 'Server', name: 'prometheus-admin' });
    assert.deepEqual(spec(policy).requiredAuthenticationRefs, [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'grafana' }]);
    const authn = objects.find((o) => o.kind === 'MeshTLSAuthentication')!;
    assert.equal(authn.metadata?.name, 'grafana');
    assert.deepEqual(spec(authn).identityRefs, [{ kind: 'ServiceAccount', name: 'grafana', namespace: 'grafana' }]);
  });

  it('follows the viz namespace, cluster domain and overrides', () => {
    const objects = synth({
      instanceSelector: { app: 'g' },
      namespace: 'monitoring',
      vizNamespace: 'viz',
      clusterDomain: 'example.org',
      folder: 'Mesh',
      datasourceName: 'linkerd-prom',
      dashboards: ['health', 'top-line'],
      grafanaServiceAccount: { name: 'grafana-sa', namespace: 'monitoring' },
    });
    const dashboards = objects.filter((o) => o.kind === 'GrafanaDashboard');
    assert.deepEqual(dashboards.map((d) => d.metadata?.name), ['linkerd-top-line', 'linkerd-health']);
    assert.equal(spec(dashboards[0]).folder, 'Mesh');
    assert.equal(spec(dashboards[0]).datasources[0].datasourceName, 'linkerd-prom');
    const ds = objects.find((o) => o.kind === 'GrafanaDatasource')!;
    assert.equal(spec(ds).datasource.url, 'http://prometheus.viz.svc.example.org:9090');
    assert.equal(objects.find((o) => o.kind === 'AuthorizationPolicy')!.metadata?.namespace, 'viz');
    assert.deepEqual(spec(objects.find((o) => o.kind === 'MeshTLSAuthentication')!).identityRefs[0], {
      kind: 'ServiceAccount',
      name: 'grafana-sa',
      namespace: 'monitoring',
    });
    const external = synth({ instanceSelector: { app: 'g' }, prometheusUrl: 'https://thanos.example', authorizePrometheusAccess: false });
    assert.ok(!external.some((o) => o.kind === 'AuthorizationPolicy'));
    assert.equal(spec(external.find((o) => o.kind === 'GrafanaDatasource')!).datasource.url, 'https://thanos.example');
  });

  it('reports every bad prop at once', () => {
    assert.throws(
      () => synth({ instanceSelector: {}, namespace: 'Bad_NS', dashboards: ['top-lines'] }),
      (e: unknown) => {
        assert.ok(e instanceof MeshformError);
        assert.deepEqual(e.issues.map((i) => i.path), ['instanceSelector', 'namespace', 'grafanaServiceAccount.namespace', 'dashboards[0]']);
        assert.match(e.issues[3].message, /did you mean "top-line"/);
        return true;
      },
    );
  });
});
