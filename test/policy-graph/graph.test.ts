/** The policy graph: exact DOT and Mermaid (golden files), marks where policy is open or unreachable, well-formed SVG. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildPolicyGraph, LEGEND, renderPolicyGraph, toDot, toMermaid } from '../../lib/policy-graph/index.js';
import type { KubeObject } from '../../lib/manifest.js';
import { graphObjects, shopObjects } from './fixtures.js';

/** Elements opened and not closed (or closed out of order): well-formedness of the tag structure. */
function unbalancedTags(xml: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/, '');
  for (const [tag, close, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) problems.push(tag);
  }
  return [...problems, ...stack];
}

const GOLDEN = new URL('./golden/', import.meta.url).pathname;

/** Compares with a golden file; MESHFORM_UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function golden(name: string, actual: string): void {
  if (process.env.MESHFORM_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN + name, actual);
  assert.equal(actual, readFileSync(GOLDEN + name, 'utf8'), `${name} differs (MESHFORM_UPDATE_GOLDEN=1 to rewrite, then review)`);
}

describe('workloads without a proxy', () => {
  const deployment = (name: string, namespace: string, podAnnotations: Record<string, string> = {}, containerPorts: { name: string; containerPort: number }[] = []): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name }, annotations: podAnnotations }, spec: { containers: [{ name, image: 'x', ports: containerPorts }] } } },
  });
  const graph = buildPolicyGraph([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'meshed', annotations: { 'linkerd.io/inject': 'enabled', 'config.linkerd.io/default-inbound-policy': 'deny' } } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'plain', annotations: { 'config.linkerd.io/default-inbound-policy': 'deny' } } },
    deployment('by-namespace', 'meshed'),
    deployment('opted-out', 'meshed', { 'linkerd.io/inject': 'disabled' }),
    deployment('by-pod', 'plain', { 'linkerd.io/inject': 'enabled' }),
    deployment('by-hand', 'plain', {}, [{ name: 'linkerd-proxy', containerPort: 4143 }]),
    deployment('bare', 'plain'),
  ]);
  const line = (id: string) => graph.nodes.find((n) => n.id === id);

  it('are drawn as admitting everyone, whatever their namespace default says', () => {
    for (const meshed of ['meshed/Deployment/by-namespace', 'plain/Deployment/by-pod', 'plain/Deployment/by-hand']) {
      assert.equal(line(`workload:${meshed}`)?.mark, undefined, meshed);
      assert.match(line(`workload:${meshed}`)?.lines[2] ?? '', /^ports without a Server: deny$/);
    }
    for (const bare of ['meshed/Deployment/opted-out', 'plain/Deployment/bare']) {
      assert.equal(line(`workload:${bare}`)?.mark, 'everyone', bare);
      assert.match(line(`workload:${bare}`)?.lines[2] ?? '', /^not meshed: no proxy, no policy/);
    }
  });
});

describe('policy graph model', () => {
  const graph = buildPolicyGraph(graphObjects());
  const node = (id: string) => graph.nodes.find((n) => n.id === id);

  it('marks the unreachable Server, the open ones and the allow-everyone authentications', () => {
    assert.equal(node('server:shop/Server/api-admin')?.mark, 'unreachable');
    assert.equal(node('server:shop/Server/api-http')?.mark, 'audit');
    assert.equal(node('server:shop/Server/api-metrics')?.mark, undefined, 'authorized explicitly (the everyone mark is on its authentication)');
    assert.equal(node('authn:shop/NetworkAuthentication/internet')?.mark, 'everyone');
    assert.equal(node('authn:shop/MeshTLSAuthentication/any-meshed')?.mark, 'everyone');
    assert.equal(node('egress:shop/EgressNetwork/all-out')?.mark, 'everyone');
    // No Namespace annotation: the cluster default (all-unauthenticated) applies to ports without a Server.
    assert.equal(node('workload:shop/Deployment/api')?.mark, 'everyone');
    assert.equal(node('workload:emojivoto/Deployment/web')?.mark, undefined);
    assert.deepEqual(graph.namespaces.map((n) => [n.name, n.defaultPolicy]), [['emojivoto', 'deny'], ['shop', undefined]]);
  });

  it('follows identities to the workloads that hold them', () => {
    const into = (to: string) => graph.edges.filter((e) => e.to === to).map((e) => e.from);
    assert.deepEqual(into('authn:emojivoto/MeshTLSAuthentication/web'), ['workload:emojivoto/Deployment/web', 'workload:emojivoto/Deployment/web-v2']);
    assert.deepEqual(into('authn:shop/MeshTLSAuthentication/any-meshed'), ['clients:any-identity']);
    assert.deepEqual(into('server:shop/Server/api-http'), ['clients:default/audit', 'route:shop/HTTPRoute/api-orders']);
  });

  it('a Server authorized only through its route is not unreachable; without the route policy it is', () => {
    const withoutRoutePolicy = buildPolicyGraph(shopObjects().filter((o) => o.metadata?.name !== 'orders-meshed').map((o) => (o.metadata?.name === 'api-http' ? { ...o, spec: { ...(o.spec as object), accessPolicy: 'deny' } } : o)));
    assert.equal(withoutRoutePolicy.nodes.find((n) => n.id === 'server:shop/Server/api-http')?.mark, 'unreachable');
    const withRoutePolicy = buildPolicyGraph(shopObjects().map((o) => (o.metadata?.name === 'api-http' ? { ...o, spec: { ...(o.spec as object), accessPolicy: 'deny' } } : o)));
    assert.equal(withRoutePolicy.nodes.find((n) => n.id === 'server:shop/Server/api-http')?.mark, undefined);
  });

  it('a namespace-wide policy reaches every Server; an empty one and an unauthenticated ServerAuthorization admit everyone', () => {
    const extra = [
      { apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'AuthorizationPolicy', metadata: { name: 'ns-wide', namespace: 'shop' }, spec: { targetRef: { kind: 'Namespace', name: 'shop' }, requiredAuthenticationRefs: [] } },
      { apiVersion: 'policy.linkerd.io/v1beta1', kind: 'ServerAuthorization', metadata: { name: 'legacy', namespace: 'emojivoto' }, spec: { server: { name: 'web-http' }, client: { unauthenticated: true } } },
    ];
    const g = buildPolicyGraph([...graphObjects(), ...extra]);
    const mark = (id: string) => g.nodes.find((n) => n.id === id)?.mark;
    assert.equal(mark('server:shop/Server/api-admin'), undefined, 'reached by the namespace-wide policy');
    assert.equal(mark('authz:shop/AuthorizationPolicy/ns-wide'), 'everyone');
    assert.equal(mark('authz:emojivoto/ServerAuthorization/legacy'), 'everyone');
    const edges = g.edges.map((e) => `${e.from} -> ${e.to}`);
    for (const server of ['api-admin', 'api-http', 'api-metrics']) assert.ok(edges.includes(`authz:shop/AuthorizationPolicy/ns-wide -> server:shop/Server/${server}`));
    assert.ok(edges.includes('clients:default/all-unauthenticated -> authz:emojivoto/ServerAuthorization/legacy'));
    assert.ok(edges.includes('authz:emojivoto/ServerAuthorization/legacy -> server:emojivoto/Server/web-http'));
  });

  it('is deterministic: input order does not change the output', () => {
    assert.equal(toDot(buildPolicyGraph([...graphObjects()].reverse())), toDot(graph));
  });
});

describe('policy graph output', () => {
  it('DOT', async () => golden('policy.dot', await renderPolicyGraph(graphObjects(), 'dot')));
  it('Mermaid', async () => golden('policy.mmd', await renderPolicyGraph(graphObjects(), 'mermaid')));

  it('Mermaid names every node once and styles every mark', () => {
    const text = toMermaid(buildPolicyGraph(graphObjects()));
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /classDef unreachable [^\n]*stroke-dasharray/);
    assert.match(text, /class [^\n]*\bn\d+[^\n]* unreachable/);
  });

  it('SVG is well-formed and shows every node label', async () => {
    const svg = await renderPolicyGraph(graphObjects(), 'svg');
    assert.match(svg, /^<\?xml[^>]*\?>\s*<!DOCTYPE svg[\s\S]*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
    assert.equal((svg.match(/<g id="node\d+" class="node">/g) ?? []).length, buildPolicyGraph(graphObjects()).nodes.length + LEGEND.length, "graph nodes plus the legend's entries");
    assert.ok(svg.includes('Server api&#45;admin'));
    assert.ok(svg.includes('#e6e6e6'), 'the unreachable fill');
    assert.deepEqual(unbalancedTags(svg), []);
  });
});
