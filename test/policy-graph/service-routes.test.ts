/**
 * Routes on Services in the policy graph: the emojivoto traffic example's canary, fault share, header
 * match, retries, timeouts and circuit breaking as Service and route nodes with weighted backend edges,
 * in DOT, Mermaid and SVG alike; the short match form and the annotation summary on their own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App } from 'cdk8s';
import { chartObjects } from '../../constructs/kube-object.js';
import { policyGraph } from '../../constructs/policy-graph.js';
import type { KubeObject } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/index.js';
import { buildPolicyGraph, toDot, toMermaid, type PolicyGraph } from '../../lib/policy-graph/index.js';
import { matchText, ruleMatchSummary } from '../../lib/policy-graph/matches.js';
import { resilienceLines, ruleTimeoutLines } from '../../lib/policy-graph/resilience.js';
import { buildTrafficApp } from '../../examples/traffic/app.js';
import { appObjects } from '../traffic-check/fixtures.js';

const mesh = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND } as const;
const trafficChart = () => buildTrafficApp(new App(), mesh).chart;
const trafficObjects: KubeObject[] = chartObjects(trafficChart());

const node = (g: PolicyGraph, id: string) => g.nodes.find((n) => n.id === id);
/** `from -> to: label` of every edge leaving `from`. */
const edgesFrom = (g: PolicyGraph, from: string) => g.edges.filter((e) => e.from === from).map((e) => `${e.to}: ${e.label}`);

const NS = 'emojivoto';
const svc = (name: string) => `service:${NS}/Service/${name}`;
const WEB_ROUTE = `route:${NS}/HTTPRoute/web-route`;
const EMOJI_ROUTE = `route:${NS}/GRPCRoute/emoji-route`;

describe('policy graph: routes on Services (examples/traffic)', () => {
  const graph = buildPolicyGraph(trafficObjects);

  it('draws web-svc split 90/10, /api/vote 85.5/9.5 with 5 % to the fault backend, and x-canary to v2 on every path', () => {
    assert.deepEqual(edgesFrom(graph, WEB_ROUTE), [
      `${svc('web-fault')}: /api/vote*\n5 %`,
      `${svc('web-svc')}: /api/vote*\n85.5 %`,
      `${svc('web-svc')}: any other request\n90 %`,
      `${svc('web-svc-v2')}: /api/vote*\n9.5 %`,
      `${svc('web-svc-v2')}: any other request\n10 %`,
      `${svc('web-svc-v2')}: x-canary=true | /api/vote* x-canary=true\n100 %`,
    ]);
    assert.ok(graph.edges.filter((e) => e.from === WEB_ROUTE).every((e) => e.traffic && !e.structural), 'backend edges are traffic');
    const parent = graph.edges.find((e) => e.from === svc('web-svc') && e.to === WEB_ROUTE);
    assert.equal(parent?.label, 'routes');
    assert.equal(parent?.structural, true);
  });

  it('shows each Service with the workloads it selects', () => {
    const selects = (id: string) => graph.edges.filter((e) => e.from === id && e.label === 'selects').map((e) => e.to);
    assert.deepEqual(selects(svc('web-svc')), [`workload:${NS}/Deployment/web`]);
    assert.deepEqual(selects(svc('web-svc-v2')), [`workload:${NS}/Deployment/web-v2`]);
    assert.deepEqual(selects(svc('web-fault')), [`workload:${NS}/Deployment/web-fault`]);
    assert.deepEqual(node(graph, svc('web-svc'))?.lines, ['Service web-svc', 'port 80']);
    assert.equal(node(graph, svc('web-svc'))?.kind, 'service');
  });

  it('summarises retries and timeouts on the gRPC route, circuit breaking on voting-svc', () => {
    assert.deepEqual(node(graph, EMOJI_ROUTE)?.lines, ['GRPCRoute emoji-route', 'retry on gRPC unavailable, limit 3, 300ms per try', 'timeout request 1s']);
    assert.deepEqual(node(graph, svc('voting-svc'))?.lines, ['Service voting-svc', 'ports 8080, 8801', 'circuit breaking consecutive: 7 failures']);
    // A rule without backends sends everything to the parent Service (TRAFFIC.md §4.1).
    assert.deepEqual(edgesFrom(graph, EMOJI_ROUTE), [`${svc('emoji-svc')}: any request\n100 % (no backends: the parent Service)`]);
  });

  it('draws the same in DOT, Mermaid and SVG, from the chart as from its objects, in any input order', async () => {
    const dot = toDot(graph);
    assert.equal(toDot(buildPolicyGraph([...trafficObjects].reverse())), dot);
    assert.equal(await policyGraph(trafficChart(), 'dot', { mesh }), dot);
    assert.match(dot, /"route:emojivoto\/HTTPRoute\/web-route" -> "service:emojivoto\/Service\/web-svc" \[label="\/api\/vote\*\\n85\.5 %", color="#1f77b4"/);
    assert.match(dot, /"service:emojivoto\/Service\/web-svc" \[label="Service web-svc\\nport 80", shape="component"/);
    const mermaid = toMermaid(graph);
    const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
    assert.ok(mermaid.includes(`${ids.get(WEB_ROUTE)} ==>|"/api/vote*<br/>85.5 %"| ${ids.get(svc('web-svc'))}`), 'traffic edges are thick Mermaid links');
    assert.ok(mermaid.includes(`${ids.get(svc('web-svc'))}("Service web-svc<br/>port 80")`));
    // `|` delimits a Mermaid edge label: the ORed matches spell it as an entity.
    assert.ok(mermaid.includes('==>|"x-canary=true #124; /api/vote* x-canary=true<br/>100 %"|'));
    const svg = await policyGraph(trafficChart(), 'svg', { mesh });
    for (const text of ['Service web&#45;svc', '85.5 %', '9.5 %', 'x&#45;canary=true', 'circuit breaking consecutive: 7 failures']) assert.ok(svg.includes(text), text);
  });
});

describe('policy graph: Service route edge cases', () => {
  const route = (rules: unknown[], name = 'r') => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: NS },
    spec: { parentRefs: [{ group: 'core', kind: 'Service', name: 'web-svc', port: 80 }], rules },
  });
  const withRoute = (...extra: object[]) => buildPolicyGraph([...appObjects().filter((o) => !/Route$/.test(o.kind)), ...(extra as KubeObject[])]);

  it('sums a Service listed twice in a rule, says so when every weight is zero, and drops a backend the render lacks', () => {
    const g = withRoute(
      route([
        { matches: [{ method: 'GET' }], backendRefs: [{ name: 'web-svc', port: 80, weight: 1 }, { name: 'web-svc', port: 80, weight: 2 }, { name: 'web-svc-v2', port: 80, weight: 1 }] },
        { matches: [{ method: 'POST' }], backendRefs: [{ name: 'web-svc-v2', port: 80, weight: 0 }] },
        { matches: [{ method: 'PUT' }], backendRefs: [{ name: 'missing', port: 80 }, { name: 'web-svc', port: 80 }] },
      ]),
    );
    assert.deepEqual(edgesFrom(g, `route:${NS}/HTTPRoute/r`), [
      `${svc('web-svc')}: GET\n75 %`,
      `${svc('web-svc')}: PUT\n50 %`,
      `${svc('web-svc-v2')}: GET\n25 %`,
      `${svc('web-svc-v2')}: POST\nweight 0: no requests`,
    ]);
    assert.equal(node(g, svc('missing')), undefined);
  });

  it('draws only Services a route names or that carry resilience annotations; a Service without a selector selects nothing', () => {
    const plain = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'plain', namespace: NS }, spec: { selector: { app: 'web-svc' }, ports: [{ port: 81 }] } };
    const manual = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual', namespace: NS, annotations: { 'retry.linkerd.io/http': '5xx' } }, spec: { ports: [{ port: 82 }] } };
    const g = withRoute(plain, manual);
    assert.equal(node(g, svc('plain')), undefined);
    assert.equal(node(g, svc('web-svc')), undefined, 'no route names it and it has no annotations');
    assert.deepEqual(node(g, svc('manual'))?.lines, ['Service manual', 'port 82', 'retry on HTTP 5xx']);
    assert.deepEqual(edgesFrom(g, svc('manual')), []);
    assert.ok(node(g, svc('voting-svc')), 'its failure-accrual annotations draw it');
  });

  it('a route with a Server parent keeps its match lines in the same short form', () => {
    const inbound = { ...route([{ matches: [{ path: { type: 'Exact', value: '/healthz' }, method: 'GET' }] }], 'inbound'), spec: { parentRefs: [{ group: 'policy.linkerd.io', kind: 'Server', name: 'web-http' }], rules: [{ matches: [{ path: { type: 'Exact', value: '/healthz' }, method: 'GET' }] }] } };
    assert.deepEqual(node(withRoute(inbound), `route:${NS}/HTTPRoute/inbound`)?.lines, ['HTTPRoute inbound', 'GET /healthz']);
  });
});

describe('short match form and annotation summary', () => {
  it('spells paths, methods, headers and query parameters briefly', () => {
    assert.equal(matchText({ path: { type: 'PathPrefix', value: '/api/vote' } }), '/api/vote*');
    assert.equal(matchText({ path: { type: 'PathPrefix', value: '/' } }), 'any request');
    assert.equal(matchText({ path: { type: 'Exact', value: '/a' }, method: 'GET' }), 'GET /a');
    assert.equal(matchText({ path: { type: 'RegularExpression', value: '^/v[0-9]+/' } }), '~^/v[0-9]+/');
    assert.equal(matchText({ headers: [{ name: 'x-canary', value: 'true' }, { name: 'x-user', type: 'RegularExpression', value: 'bot.*' }], queryParams: [{ name: 'debug', value: '1' }] }), 'x-canary=true x-user~bot.* ?debug=1');
    assert.equal(matchText({ method: { service: 'emoji.v1.EmojiService', method: 'ListAll' } }), 'emoji.v1.EmojiService/ListAll');
    assert.equal(matchText({ method: { service: 'emoji.v1.EmojiService' } }), 'emoji.v1.EmojiService/*');
    assert.equal(ruleMatchSummary({}), 'any request');
    const many = { matches: ['/a', '/b', '/c', '/d', '/e', '/f'].map((value) => ({ path: { type: 'Exact', value } })) };
    assert.equal(ruleMatchSummary(many), '/a | /b | /c | /d | +2 more');
  });

  it('summarises retry, timeout and failure-accrual annotations in a fixed order, with failure accrual defaults named', () => {
    assert.deepEqual(
      resilienceLines({
        'balancer.linkerd.io/failure-accrual': 'consecutive',
        'balancer.linkerd.io/failure-accrual-consecutive-max-penalty': '1m',
        'timeout.linkerd.io/idle': '5m',
        'timeout.linkerd.io/request': '2s',
        'retry.linkerd.io/limit': '2',
        'retry.linkerd.io/http': '5xx,429',
      }),
      ['retry on HTTP 5xx,429, limit 2', 'timeout request 2s, idle 5m', 'circuit breaking consecutive: 7 failures (default), max penalty 1m'],
    );
    assert.deepEqual(resilienceLines({ 'linkerd.io/inject': 'enabled' }), []);
    assert.deepEqual(ruleTimeoutLines([{}, { timeouts: { request: '10s' } }]), ['rule 2: timeout request 10s']);
  });
});
