// NamespacePolicy renders the emojivoto recipe exactly, and every object validates against the CRDs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { chartObjects } from '../../constructs/kube-object.js';
import { NamespacePolicy } from '../../constructs/policy/index.js';
import type { KubeObject } from '../../lib/manifest.js';
import { toYamlStream } from '../../lib/manifest.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/types.js';
import { validatePolicyObjects } from './crd-sets.js';

const NS = 'emojivoto';

function emojivotoPolicy(configure: (p: NamespacePolicy) => void = () => {}, props: Partial<ConstructorParameters<typeof NamespacePolicy>[2]> = {}): KubeObject[] {
  const chart = new Chart(new App(), 'emojivoto', { namespace: NS });
  const policy = new NamespacePolicy(chart, 'policy', { namespace: NS, ...props });
  const voting = policy.server({ name: 'voting-grpc', podSelector: { matchLabels: { app: 'voting' } }, port: 'grpc', proxyProtocol: 'gRPC' });
  policy
    .allow({ serviceAccount: 'vote-bot' }, { name: 'web-http', podSelector: { matchLabels: { app: 'web' } }, port: 'http', proxyProtocol: 'HTTP/1' })
    .allow({ serviceAccount: 'web' }, { name: 'emoji-grpc', podSelector: { matchLabels: { app: 'emoji' } }, port: 'grpc', proxyProtocol: 'gRPC' })
    .allow({ serviceAccount: 'web' }, voting)
    .allowVizScrapes()
    .rateLimit(voting, { total: 100, identity: 10, overrides: [{ requestsPerSecond: 50, clients: [{ serviceAccount: 'web' }] }] })
    .restrictEgress({ allow: [{ hostnames: ['api.github.com'], port: 443 }] });
  configure(policy);
  return chartObjects(chart);
}

const find = (objects: readonly KubeObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  assert.ok(found, `${kind} ${name} rendered`);
  return found;
};

test('the namespace is default-deny: the Namespace carries config.linkerd.io/default-inbound-policy: deny (and no namespace of its own)', () => {
  const ns = find(emojivotoPolicy(), 'Namespace', NS);
  assert.deepEqual(ns.metadata, { name: NS, annotations: { 'config.linkerd.io/default-inbound-policy': 'deny' } });
});

test('allow(vote-bot → web-http) writes the Server, a MeshTLSAuthentication with the computed identity, and the AuthorizationPolicy', () => {
  const objects = emojivotoPolicy();
  assert.deepEqual(find(objects, 'Server', 'web-http'), {
    apiVersion: 'policy.linkerd.io/v1beta3',
    kind: 'Server',
    metadata: { name: 'web-http', namespace: NS },
    spec: { accessPolicy: 'deny', podSelector: { matchLabels: { app: 'web' } }, port: 'http', proxyProtocol: 'HTTP/1' },
  });
  assert.deepEqual(find(objects, 'MeshTLSAuthentication', 'web-http-from-vote-bot'), {
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'MeshTLSAuthentication',
    metadata: { name: 'web-http-from-vote-bot', namespace: NS },
    spec: { identities: ['vote-bot.emojivoto.serviceaccount.identity.linkerd.cluster.local'] },
  });
  assert.deepEqual(find(objects, 'AuthorizationPolicy', 'web-http-from-vote-bot'), {
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'web-http-from-vote-bot', namespace: NS },
    spec: {
      targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'web-http' },
      requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'web-http-from-vote-bot' }],
    },
  });
});

test('web may reach emoji-svc and voting-svc; each Server is written once', () => {
  const objects = emojivotoPolicy();
  for (const server of ['emoji-grpc', 'voting-grpc']) {
    const authz = find(objects, 'AuthorizationPolicy', `${server}-from-web`);
    assert.deepEqual((authz.spec as { targetRef: unknown }).targetRef, { group: 'policy.linkerd.io', kind: 'Server', name: server });
    assert.deepEqual(find(objects, 'MeshTLSAuthentication', `${server}-from-web`).spec, { identities: ['web.emojivoto.serviceaccount.identity.linkerd.cluster.local'] });
  }
  const servers = objects.filter((o) => o.kind === 'Server').map((o) => o.metadata?.name);
  assert.deepEqual(servers.sort(), ['emoji-grpc', 'proxy-admin', 'voting-grpc', 'web-http']);
});

test('viz Prometheus may scrape every proxy admin port: Server proxy-admin on linkerd-admin selecting all pods, authorized for its identity', () => {
  const objects = emojivotoPolicy();
  assert.deepEqual(find(objects, 'Server', 'proxy-admin').spec, { accessPolicy: 'deny', podSelector: { matchLabels: {} }, port: 'linkerd-admin', proxyProtocol: 'HTTP/1' });
  assert.deepEqual(find(objects, 'MeshTLSAuthentication', 'prometheus-scrape').spec, { identities: ['prometheus.linkerd-viz.serviceaccount.identity.linkerd.cluster.local'] });
  assert.deepEqual(find(objects, 'AuthorizationPolicy', 'prometheus-scrape').spec, {
    targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'proxy-admin' },
    requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'prometheus-scrape' }],
  });
});

test('voting-svc rate limit: 100 rps total, 10 per identity, 50 for web', () => {
  assert.deepEqual(find(emojivotoPolicy(), 'HTTPLocalRateLimitPolicy', 'voting-grpc-rate-limit'), {
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'HTTPLocalRateLimitPolicy',
    metadata: { name: 'voting-grpc-rate-limit', namespace: NS },
    spec: {
      targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'voting-grpc' },
      total: { requestsPerSecond: 100 },
      identity: { requestsPerSecond: 10 },
      overrides: [{ requestsPerSecond: 50, clientRefs: [{ kind: 'ServiceAccount', name: 'web', namespace: NS }] }],
    },
  });
});

test('egress: only api.github.com:443 leaves (EgressNetwork Deny + one TLSRoute on port 443)', () => {
  const objects = emojivotoPolicy();
  assert.deepEqual(find(objects, 'EgressNetwork', 'egress').spec, { trafficPolicy: 'Deny' });
  assert.deepEqual(find(objects, 'TLSRoute', 'tls-api.github.com-443'), {
    apiVersion: 'gateway.networking.k8s.io/v1alpha2',
    kind: 'TLSRoute',
    metadata: { name: 'tls-api.github.com-443', namespace: NS },
    spec: {
      parentRefs: [{ group: 'policy.linkerd.io', kind: 'EgressNetwork', name: 'egress', namespace: NS, port: 443 }],
      hostnames: ['api.github.com'],
      rules: [{ backendRefs: [{ group: 'policy.linkerd.io', kind: 'EgressNetwork', name: 'egress' }] }],
    },
  });
});

test('every object of the recipe validates against the Kubernetes schema and the Linkerd / Gateway API CRDs', () => {
  const objects = emojivotoPolicy((p) =>
    p
      .allow({ namespace: 'linkerd-viz' }, { kind: 'HTTPRoute', name: 'web-api', group: 'policy.linkerd.io' })
      .allow([{ serviceAccount: 'web' }, { networks: [{ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }] }], { kind: 'GRPCRoute', name: 'vote' })
      .allow({ unauthenticated: true }, { kind: 'Namespace' })
      .restrictEgress({ name: 'more-egress', trafficPolicy: 'Allow', networks: [{ cidr: '203.0.113.0/24' }], allow: [
        { protocol: 'http', hostnames: ['example.com'], port: 80, paths: ['/api'] },
        { protocol: 'tcp', port: 5432 },
      ] }),
  );
  const { problems, byCrd } = validatePolicyObjects(objects);
  assert.deepEqual(problems, []);
  assert.equal(byCrd, objects.length - 1, 'every object but the Namespace is a custom resource checked against its CRD');
  assert.deepEqual([...new Set(objects.map((o) => o.kind))].sort(), [
    'AuthorizationPolicy', 'EgressNetwork', 'HTTPLocalRateLimitPolicy', 'HTTPRoute', 'MeshTLSAuthentication', 'Namespace', 'NetworkAuthentication', 'Server', 'TCPRoute', 'TLSRoute',
  ]);
});

test('the render is deterministic: the same input gives byte-identical YAML', () => {
  assert.equal(toYamlStream(emojivotoPolicy()), toYamlStream(emojivotoPolicy()));
});

test('audit mode: the namespace default and every Server written are audit (allowed and flagged, nothing refused)', () => {
  const objects = emojivotoPolicy(() => {}, { defaultInboundPolicy: 'audit' });
  assert.equal(find(objects, 'Namespace', NS).metadata?.annotations && (find(objects, 'Namespace', NS).metadata!.annotations as Record<string, string>)['config.linkerd.io/default-inbound-policy'], 'audit');
  for (const server of objects.filter((o) => o.kind === 'Server')) assert.equal((server.spec as { accessPolicy: string }).accessPolicy, 'audit', server.metadata?.name);
});

test('identities follow the mesh: its trust domain and control-plane namespace', () => {
  const mesh = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, controlPlaneNamespace: 'mesh', trustDomain: 'example.org' } as const;
  const objects = emojivotoPolicy(() => {}, { mesh });
  assert.deepEqual(find(objects, 'MeshTLSAuthentication', 'emoji-grpc-from-web').spec, { identities: ['web.emojivoto.serviceaccount.identity.mesh.example.org'] });
  assert.deepEqual(find(objects, 'MeshTLSAuthentication', 'prometheus-scrape').spec, { identities: ['prometheus.linkerd-viz.serviceaccount.identity.mesh.example.org'] });
  const fromTrustDomain = emojivotoPolicy(() => {}, { trustDomain: 'corp.internal' });
  assert.deepEqual(find(fromTrustDomain, 'MeshTLSAuthentication', 'web-http-from-vote-bot').spec, { identities: ['vote-bot.emojivoto.serviceaccount.identity.linkerd.corp.internal'] });
});

test('an existing Namespace construct is annotated instead of a second Namespace being written', () => {
  const chart = new Chart(new App(), 'app');
  const namespace = new kplus.Namespace(chart, 'ns', { metadata: { name: NS } });
  new NamespacePolicy(chart, 'policy', { namespace }).allow({ serviceAccount: 'web' }, { kind: 'Namespace' });
  const objects = chartObjects(chart);
  assert.equal(objects.filter((o) => o.kind === 'Namespace').length, 1);
  assert.equal((find(objects, 'Namespace', NS).metadata?.annotations as Record<string, string>)['config.linkerd.io/default-inbound-policy'], 'deny');
  assert.deepEqual((find(objects, 'AuthorizationPolicy', 'emojivoto-from-web').spec as { targetRef: unknown }).targetRef, { kind: 'Namespace', name: NS });
  assert.equal(find(objects, 'AuthorizationPolicy', 'emojivoto-from-web').metadata?.namespace, NS);
});
