// ESM consumer under plain node: a cdk8s-plus-27 Deployment meshed from a mesh reference that holds
// only the trust anchors (generated with meshform/model), synthesized; the annotations checked.
import assert from 'node:assert/strict';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Mesh, meshWorkload } from 'meshform';
import { generateTrustAnchor } from 'meshform/model';

assert.equal(typeof Mesh, 'function');
const anchor = await generateTrustAnchor({ trustDomain: 'cluster.local' });
const mesh = { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference', trustAnchorsPem: anchor.certificatePem };

const app = new App();
const chart = new Chart(app, 'web');
const deployment = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27', portNumber: 80 }] });
meshWorkload(deployment, { mesh });
const yaml = app.synthYaml();
assert.match(yaml, /kind: Deployment/);
const annotations = chart.toJson()[0].spec.template.metadata.annotations;
assert.equal(annotations['linkerd.io/inject'], 'enabled', yaml);
assert.match(annotations['meshform.io/mesh-revision'] ?? '', /\S/, 'mesh-revision annotation present');

// The revision follows the anchors: another anchor, another revision.
const other = await generateTrustAnchor({ trustDomain: 'cluster.local' });
const chart2 = new Chart(app, 'web2');
meshWorkload(new kplus.Deployment(chart2, 'web', { containers: [{ image: 'nginx:1.27', portNumber: 80 }] }), {
  mesh: { ...mesh, trustAnchorsPem: other.certificatePem },
});
assert.notEqual(chart2.toJson()[0].spec.template.metadata.annotations['meshform.io/mesh-revision'], annotations['meshform.io/mesh-revision']);
console.log(`esm: meshed Deployment synthesized (inject ${annotations['linkerd.io/inject']}, revision ${annotations['meshform.io/mesh-revision']})`);
