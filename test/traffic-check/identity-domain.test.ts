/** The identity domain, computed once for the policy builders and the checks: a mesh reference, or its parts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App, ApiObject, Chart } from 'cdk8s';
import { IssueCollector } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND, type MeshReference } from '../../lib/mesh-reference/types.js';
import { buildPolicyGraph } from '../../lib/policy-graph/index.js';
import { identityDomainOf as policyIdentityDomainOf } from '../../lib/policy/identity.js';
import { identityDomain, identityDomainOf } from '../../lib/traffic-check/identity.js';
import { trafficIssues } from '../../lib/traffic-check/index.js';
import { trafficIssuesOf } from '../../constructs/traffic-check.js';
import { appObjects, find } from './fixtures.js';

const mesh = (fields: Partial<MeshReference> = {}): MeshReference => ({ apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, ...fields }) as MeshReference;
const OTHER = mesh({ controlPlaneNamespace: 'mesh', trustDomain: 'example.org' });

/** The fixture with its one literal identity spelled for `domain`. */
function appFor(trustDomain: string, controlPlaneNamespace: string): KubeObject[] {
  const objects = appObjects();
  find(objects, 'MeshTLSAuthentication', 'vote-bot').spec.identities = [`vote-bot.emojivoto.serviceaccount.identity.${controlPlaneNamespace}.${trustDomain}`];
  return objects;
}

describe('identityDomain', () => {
  it("defaults to upstream's: cluster.local, the control plane in linkerd", () => {
    assert.deepEqual(identityDomain(), { trustDomain: 'cluster.local', controlPlaneNamespace: 'linkerd' });
    assert.deepEqual(identityDomain({ mesh: mesh() }), { trustDomain: 'cluster.local', controlPlaneNamespace: 'linkerd' });
  });

  it("reads the mesh's trust domain, else its cluster domain, and its control-plane namespace", () => {
    assert.deepEqual(identityDomain({ mesh: OTHER }), { trustDomain: 'example.org', controlPlaneNamespace: 'mesh' });
    assert.deepEqual(identityDomain({ mesh: mesh({ clusterDomain: 'corp.internal' }) }), { trustDomain: 'corp.internal', controlPlaneNamespace: 'linkerd' });
  });

  it('is the one the policy model uses', () => {
    assert.equal(policyIdentityDomainOf, identityDomainOf);
  });
});

describe('identityDomainOf', () => {
  it('refuses parts that contradict the mesh, naming the field', () => {
    const issues = new IssueCollector();
    assert.deepEqual(identityDomainOf({ mesh: OTHER, trustDomain: 'cluster.local', controlPlaneNamespace: 'linkerd' }, 'app/policy', issues), { trustDomain: 'cluster.local', controlPlaneNamespace: 'linkerd' });
    assert.deepEqual(
      issues.issues.map((i) => [i.path, i.value, i.message]),
      [
        ['app/policy.trustDomain', 'cluster.local', 'contradicts the mesh\'s trust domain "example.org": give mesh or trustDomain, not both'],
        ['app/policy.controlPlaneNamespace', 'linkerd', 'contradicts the mesh\'s control-plane namespace "mesh": give mesh or controlPlaneNamespace, not both'],
      ],
    );
  });

  it("accepts parts that agree with the mesh, and checks names with apimachinery's rules", () => {
    const agreeing = new IssueCollector();
    identityDomainOf({ mesh: OTHER, trustDomain: 'example.org', controlPlaneNamespace: 'mesh' }, '', agreeing);
    assert.deepEqual(agreeing.issues, []);
    const issues = new IssueCollector();
    identityDomainOf({ trustDomain: 'Example.org', controlPlaneNamespace: 'linkerd.x' }, '', issues);
    assert.deepEqual(issues.issues.map((i) => i.path), ['trustDomain', 'controlPlaneNamespace']);
    assert.match(issues.issues[0].message, /^a lowercase RFC 1123 subdomain must consist of/);
    assert.match(issues.issues[1].message, /^a lowercase RFC 1123 label must consist of/);
  });
});

describe('traffic checks take the mesh', () => {
  it("read identities with the mesh's trust domain and control-plane namespace", () => {
    assert.deepEqual(trafficIssues(appFor('example.org', 'mesh'), { mesh: OTHER }), []);
    assert.deepEqual(trafficIssues(appFor('example.org', 'mesh'), { trustDomain: 'example.org', controlPlaneNamespace: 'mesh' }), []);
    const foreign = trafficIssues(appFor('cluster.local', 'linkerd'), { mesh: OTHER });
    assert.equal(foreign.length, 1);
    assert.match(foreign[0].message, /another mesh .*this mesh's identities end in \.serviceaccount\.identity\.mesh\.example\.org/);
  });

  it('report a trust domain that contradicts the mesh', () => {
    const issues = trafficIssues(appFor('example.org', 'mesh'), { mesh: OTHER, trustDomain: 'cluster.local' });
    assert.ok(issues.some((i) => i.path === 'trustDomain' && /contradicts the mesh's trust domain "example.org"/.test(i.message)), JSON.stringify(issues));
  });

  it('at construct level too', () => {
    const chart = new Chart(new App(), 'traffic');
    appFor('example.org', 'mesh').forEach((o, i) => new ApiObject(chart, `o${i}`, o as never));
    assert.deepEqual(trafficIssuesOf(chart, { mesh: OTHER }), []);
    assert.equal(trafficIssuesOf(chart).length, 1);
  });
});

describe('the policy graph takes the mesh', () => {
  it('admits the same clients as with the parts spelled out', () => {
    const objects = appFor('example.org', 'mesh');
    const byMesh = buildPolicyGraph(objects, { mesh: OTHER });
    assert.deepEqual(byMesh, buildPolicyGraph(objects, { trustDomain: 'example.org', controlPlaneNamespace: 'mesh' }));
    assert.notDeepEqual(byMesh, buildPolicyGraph(objects));
  });
});
