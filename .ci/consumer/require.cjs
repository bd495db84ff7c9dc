// CommonJS consumer under plain node (require(esm), Node >= 20.19): the same meshed Deployment.
const assert = require('node:assert/strict');
const { App, Chart } = require('cdk8s');
const kplus = require('cdk8s-plus-27');
const { meshWorkload, Mesh } = require('meshform');
const model = require('meshform/model');

assert.equal(typeof Mesh, 'function');
assert.equal(typeof model.resolveMeshReference, 'function');
const chart = new Chart(new App(), 'web');
meshWorkload(new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27', portNumber: 80 }] }), {
  mesh: { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference' },
});
const annotations = chart.toJson()[0].spec.template.metadata.annotations;
assert.equal(annotations['linkerd.io/inject'], 'enabled');
console.log(`cjs: require('meshform') meshed a Deployment (inject ${annotations['linkerd.io/inject']})`);
