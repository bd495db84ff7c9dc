/**
 * constructs/kube-json.ts gives exactly the JSON cdk8s's ApiObject gives (`meshform install` prints
 * the control plane through it without loading cdk8s): compared, key order included, with the
 * chart's own output for several installs, and on the metadata corner cases cdk8s treats specially.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiObject, App, Chart } from 'cdk8s';
import { prepareControlPlane } from '../../lib/assembly/control-plane.js';
import type { KubeObject } from '../../lib/manifest.js';
import { ControlPlaneChart } from '../../constructs/control-plane/control-plane-chart.js';
import { controlPlaneChartObjects } from '../../constructs/control-plane/control-plane-objects.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { kubeJson } from '../../constructs/kube-json.js';
import { HELM_STYLE_VALUES } from '../helpers/helm-style-values.js';

const asText = (objects: readonly unknown[]): string => JSON.stringify(objects, null, 1);

test('the control plane through kubeJson is the chart, byte for byte', () => {
  const installs = [
    { user: HELM_STYLE_VALUES },
    { user: HELM_STYLE_VALUES, ha: true },
    { user: { ...HELM_STYLE_VALUES, proxy: { logLevel: 'debug', resources: { cpu: { limit: '' } } }, podLabels: { team: 'mesh' } }, namespace: 'l5d' },
    { user: {}, certManager: {} },
  ];
  for (const input of installs) {
    const prepared = prepareControlPlane(input);
    const chart = new ControlPlaneChart(new App(), 'control-plane', { values: prepared.values, namespace: prepared.namespace, certManager: prepared.certManager });
    const direct = controlPlaneChartObjects({ values: prepared.values, namespace: prepared.namespace, certManager: prepared.certManager }).map(kubeJson);
    assert.equal(asText(direct), asText(chartObjects(chart)), JSON.stringify(input));
  }
});

test('metadata and value corner cases as cdk8s serializes them', () => {
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: {}, annotations: { x: '' }, finalizers: [] }, data: { z: '1', a: '' }, extra: { empty: {}, list: [], nul: null } },
    { kind: 'Secret', apiVersion: 'v1', metadata: { namespace: 'ns', name: 'b', ownerReferences: [], generateName: 'g' }, type: 'Opaque', b: [null, { y: 1, x: null }] },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'c', labels: { b: '1', a: '2' }, nested: { deep: {} } }, spec: undefined },
  ];
  const chart = new Chart(new App(), 'c');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o as unknown as ConstructorParameters<typeof ApiObject>[2]));
  assert.equal(asText(objects.map(kubeJson)), asText(chart.toJson()));
});
