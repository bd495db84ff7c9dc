// Bad Server, authentication and AuthorizationPolicy props: each issue names the construct path and
// field, the value and what is allowed, and all of them arrive in one error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Chart } from 'cdk8s';
import { AuthorizationPolicy, MeshTlsAuthentication, NetworkAuthentication, Server } from '../../constructs/policy/index.js';
import { MESH_REFERENCE_API_VERSION, MESH_REFERENCE_KIND } from '../../lib/mesh-reference/types.js';
import { issueAt, issuesOf } from './issues.js';

const chart = () => new Chart(new App(), 'app', { namespace: 'shop' });

test('Server: every problem is collected, each naming construct path + field, value and what is allowed', () => {
  const issues = issuesOf(
    () =>
      new Server(chart(), 'web', {
        podSelector: { matchLabels: { 'app/x/y': 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' }, { key: 'x', operator: 'Exists', values: ['a'] }] },
        port: 0,
        proxyProtocol: 'http' as never,
        accessPolicy: 'allow' as never,
      }),
  );
  assert.equal(issueAt(issues, 'app/web.port').value, 0);
  assert.match(issueAt(issues, 'app/web.port').message, /port number between 1 and 65535/);
  assert.match(issueAt(issues, 'app/web.proxyProtocol').message, /one of unknown, HTTP\/1, HTTP\/2, gRPC, opaque, TLS/);
  assert.match(issueAt(issues, 'app/web.accessPolicy').message, /all-unauthenticated.*deny, audit/);
  assert.match(issueAt(issues, 'app/web.podSelector.matchLabels.app/x/y').message, /label key/);
  assert.match(issueAt(issues, 'app/web.podSelector.matchExpressions[0].values').message, /non-empty for operator In/);
  assert.match(issueAt(issues, 'app/web.podSelector.matchExpressions[1].values').message, /empty for operator Exists/);
  assert.equal(issues.length, 6);
});

test('Server: exactly one of podSelector and externalWorkloadSelector; port names follow container-port rules', () => {
  const none = issuesOf(() => new Server(chart(), 'a', { port: 'http' }));
  assert.match(issueAt(none, 'app/a.podSelector').message, /exactly one of podSelector .* and externalWorkloadSelector/);
  const both = issuesOf(() => new Server(chart(), 'b', { port: 'http', podSelector: {}, externalWorkloadSelector: {} }));
  assert.equal(issueAt(both, 'app/b.podSelector').value, 'both podSelector and externalWorkloadSelector');
  for (const port of ['HTTP', 'a-very-long-port-name', '8080', 'a--b', 70000]) {
    const issues = issuesOf(() => new Server(chart(), 'c', { port, podSelector: {} }));
    assert.equal(issueAt(issues, 'app/c.port').value, port);
  }
});

test('Server: the namespace is required (from the props or the Chart); the name must be a DNS subdomain', () => {
  const issues = issuesOf(() => new Server(new Chart(new App(), 'bare'), 'Web_Server', { port: 80, podSelector: {} }));
  assert.match(issueAt(issues, 'bare/Web_Server.namespace').message, /required: policy objects are namespaced/);
  assert.match(issueAt(issues, 'bare/Web_Server.name').message, /RFC 1123 subdomain/);
});

test('Server: an ExternalWorkload selector and a numeric port render as given', () => {
  const server = new Server(chart(), 'vm', { externalWorkloadSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['vm'] }] }, port: 8080, proxyProtocol: 'opaque' });
  assert.deepEqual(server.apiObject.toJson().spec, { externalWorkloadSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['vm'] }] }, port: 8080, proxyProtocol: 'opaque' });
});

test('AuthorizationPolicy: an empty requiredAuthenticationRefs is refused unless allowUnauthenticated says so', () => {
  const issues = issuesOf(() => new AuthorizationPolicy(chart(), 'open', { target: { kind: 'Server', name: 'web' }, requiredAuthenticationRefs: [] }));
  const issue = issueAt(issues, 'app/open.requiredAuthenticationRefs');
  assert.deepEqual(issue.value, []);
  assert.match(issue.message, /authorizes every client from every network.*allowUnauthenticated: true/);
  const open = new AuthorizationPolicy(chart(), 'open', { target: { kind: 'Server', name: 'web' }, requiredAuthenticationRefs: [], allowUnauthenticated: true });
  assert.deepEqual(open.apiObject.toJson().spec.requiredAuthenticationRefs, []);
  const both = issuesOf(
    () => new AuthorizationPolicy(chart(), 'x', { target: { kind: 'Server', name: 'web' }, requiredAuthenticationRefs: [{ kind: 'ServiceAccount', name: 'a' }], allowUnauthenticated: true }),
  );
  assert.match(issueAt(both, 'app/x.allowUnauthenticated').message, /only applies to an empty list/);
});

test('AuthorizationPolicy: targets and authentication kinds are the ones Linkerd accepts, in the numbers it accepts', () => {
  const issues = issuesOf(
    () =>
      new AuthorizationPolicy(chart(), 'p', {
        target: { kind: 'EgressNetwork', name: 'egress' } as never,
        requiredAuthenticationRefs: [
          { kind: 'MeshTLSAuthentication', name: 'a' },
          { kind: 'MeshTLSAuthentication', name: 'b' },
          { kind: 'ServiceAccount', name: 'c' },
          { kind: 'Secret', name: 'd' } as never,
        ],
      }),
  );
  assert.match(issueAt(issues, 'app/p.target.kind').message, /one of Server, HTTPRoute, GRPCRoute, Namespace/);
  assert.match(issueAt(issues, 'app/p.requiredAuthenticationRefs[3].kind').message, /MeshTLSAuthentication, NetworkAuthentication, ServiceAccount/);
  const refs = issues.filter((i) => i.path === 'app/p.requiredAuthenticationRefs').map((i) => i.message);
  assert.ok(refs.some((m) => /at most one MeshTLSAuthentication/.test(m)));
  assert.ok(refs.some((m) => /both a MeshTLSAuthentication and a ServiceAccount/.test(m)));
  const grpc = issuesOf(() => new AuthorizationPolicy(chart(), 'g', { target: { kind: 'GRPCRoute', name: 'r', group: 'policy.linkerd.io' } as never, requiredAuthenticationRefs: [{ kind: 'ServiceAccount', name: 'a' }] }));
  assert.match(issueAt(grpc, 'app/g.target.group').message, /no policy.linkerd.io GRPCRoute/);
  const ns = issuesOf(() => new AuthorizationPolicy(chart(), 'n', { target: { kind: 'Namespace', name: 'other' } as never, requiredAuthenticationRefs: [{ kind: 'ServiceAccount', name: 'a' }] }));
  assert.match(issueAt(ns, 'app/n.target.name').message, /always the policy's own namespace/);
});

test('AuthorizationPolicy: constructs as target and authentications render their refs', () => {
  const c = chart();
  const server = new Server(c, 'web', { podSelector: {}, port: 'http' });
  const mtls = new MeshTlsAuthentication(c, 'clients', { clients: [{ serviceAccount: 'a' }] });
  const net = new NetworkAuthentication(c, 'office', { networks: [{ cidr: '192.0.2.0/24' }] });
  const policy = new AuthorizationPolicy(c, 'web-authz', { target: server, requiredAuthenticationRefs: [mtls, net] });
  assert.deepEqual(policy.apiObject.toJson().spec, {
    targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'web' },
    requiredAuthenticationRefs: [
      { group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'clients' },
      { group: 'policy.linkerd.io', kind: 'NetworkAuthentication', name: 'office' },
    ],
  });
});

test('MeshTLSAuthentication: identities as the mesh computes them, or identityRefs; bad clients named by index', () => {
  const mesh = { apiVersion: MESH_REFERENCE_API_VERSION, kind: MESH_REFERENCE_KIND, clusterDomain: 'k8s.example' } as const;
  const auth = new MeshTlsAuthentication(chart(), 'm', { mesh, clients: [{ serviceAccount: 'web' }, { serviceAccount: 'bot', namespace: 'tools' }, { namespace: 'linkerd-viz' }, { identity: '*' }] });
  assert.deepEqual(auth.apiObject.toJson().spec.identities, [
    'web.shop.serviceaccount.identity.linkerd.k8s.example',
    'bot.tools.serviceaccount.identity.linkerd.k8s.example',
    '*.linkerd-viz.serviceaccount.identity.linkerd.k8s.example',
    '*',
  ]);
  const refs = new MeshTlsAuthentication(chart(), 'r', { form: 'identityRefs', clients: [{ serviceAccount: 'web' }, { namespace: 'linkerd-viz' }] });
  assert.deepEqual(refs.apiObject.toJson().spec, { identityRefs: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }, { kind: 'Namespace', name: 'linkerd-viz' }] });
  const issues = issuesOf(
    () => new MeshTlsAuthentication(chart(), 'bad', { form: 'identityRefs', trustDomain: 'other.example', mesh, clients: [{ serviceAccount: 'Web' }, { identity: 'not an identity' }, {} as never] }),
  );
  assert.match(issueAt(issues, 'app/bad.clients[0].serviceAccount').message, /RFC 1123/);
  assert.ok(issues.some((i) => i.path === 'app/bad.clients[1].identity' && /SPIFFE/.test(i.message)));
  assert.ok(issues.some((i) => i.path === 'app/bad.clients[1].identity' && /cannot be written as an identityRef/.test(i.message)));
  assert.match(issueAt(issues, 'app/bad.clients[2]').message, /serviceAccount, a namespace or an identity/);
  assert.match(issueAt(issues, 'app/bad.trustDomain').message, /contradicts the mesh's trust domain "k8s.example"/);
  assert.match(issueAt(issuesOf(() => new MeshTlsAuthentication(chart(), 'e', { clients: [] })), 'app/e.clients').message, /at least one client/);
});

test('MeshTLSAuthentication: SPIFFE IDs and suffix wildcards pass, as the webhook allows', () => {
  const auth = new MeshTlsAuthentication(chart(), 's', { clients: [{ identity: 'spiffe://cluster.local/ns/shop/sa/web' }, { identity: '*.shop.serviceaccount.identity.linkerd.cluster.local' }] });
  assert.equal(auth.apiObject.toJson().spec.identities.length, 2);
  const bad = issuesOf(() => new MeshTlsAuthentication(chart(), 's', { clients: [{ identity: 'spiffe://cluster.local/ns/../sa' }, { identity: 'spiffe://td/trailing/' }] }));
  assert.equal(bad.length, 2);
});

test('NetworkAuthentication: CIDRs and bare IPs; every exception must be a smaller block inside its CIDR', () => {
  const ok = new NetworkAuthentication(chart(), 'n', { networks: [{ cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4'] }, { cidr: 'fd00::/8', except: ['fd00:1::/32'] }, { cidr: '192.0.2.7' }] });
  assert.deepEqual(ok.apiObject.toJson().spec.networks[0], { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4'] });
  const issues = issuesOf(
    () =>
      new NetworkAuthentication(chart(), 'bad', {
        networks: [{ cidr: '10.0.0.0/33' }, { cidr: '10.0.0.0/16', except: ['10.1.0.0/24', '10.0.0.0/16', '10.0.0.0/8', 'fd00::/16', 'nope'] }],
      }),
  );
  assert.match(issueAt(issues, 'app/bad.networks[0].cidr').message, /CIDR such as 10.0.0.0\/8/);
  for (const j of [0, 1, 2, 3]) assert.match(issueAt(issues, `app/bad.networks[1].except[${j}]`).message, /smaller block inside 10.0.0.0\/16/);
  assert.match(issueAt(issues, 'app/bad.networks[1].except[4]').message, /CIDR/);
  assert.equal(issues.length, 6);
  assert.match(issueAt(issuesOf(() => new NetworkAuthentication(chart(), 'e', { networks: [] })), 'app/e.networks').message, /at least one network/);
});

test('the error a user sees names path, value and rule on one line each, without a stack trace', () => {
  try {
    new Server(chart(), 'web', { podSelector: {}, port: 0 });
    assert.fail('refused');
  } catch (error) {
    assert.equal((error as Error).message, 'invalid Server app/web: 1 problem\n  - app/web.port = 0: must be a port number between 1 and 65535');
  }
});

test('the remaining field rules: label values, operators, ref names and namespaces, identity form', () => {
  const server = issuesOf(() => new Server(chart(), 's', { podSelector: { matchLabels: { app: '-web-' }, matchExpressions: [{ key: 'tier', operator: 'Matches' as never }] }, port: 80 }));
  assert.match(issueAt(server, 'app/s.podSelector.matchLabels.app').message, /label value/);
  assert.match(issueAt(server, 'app/s.podSelector.matchExpressions[0].operator').message, /In, NotIn, Exists, DoesNotExist/);
  const policy = issuesOf(
    () => new AuthorizationPolicy(chart(), 'p', { target: { kind: 'Server', name: 'Web' }, requiredAuthenticationRefs: [{ kind: 'ServiceAccount', name: 'a_b', namespace: 'Other' }] }),
  );
  assert.deepEqual(policy.map((i) => i.path), ['app/p.target.name', 'app/p.requiredAuthenticationRefs[0].name', 'app/p.requiredAuthenticationRefs[0].namespace']);
  const form = issuesOf(() => new MeshTlsAuthentication(chart(), 'm', { form: 'refs' as never, clients: [{ namespace: 'Ops' }] }));
  assert.deepEqual(form.map((i) => i.path), ['app/m.form', 'app/m.clients[0].namespace']);
});
