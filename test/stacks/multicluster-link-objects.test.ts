/**
 * What MulticlusterLink renders, without Pulumi: label queries as link-gen parses them, the facts read
 * from the target's gateway Service and linkerd-config (NodePort included), the kubeconfig from the
 * user's, and the link-gen objects validated against the Link CRD of upstream's multicluster golden.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { IssueCollector, MeshformError } from '../../lib/errors.js';
import { labelSelectorOf, parseLabelQuery } from '../../stacks/render/label-query.js';
import { remoteKubeconfig } from '../../stacks/render/link-kubeconfig.js';
import { credentialsSecrets, linkObject, type LinkSettings } from '../../stacks/render/link-objects.js';
import { gatewayFacts, goDuration, meshFacts, type GatewayServiceState } from '../../stacks/render/link-target.js';
import { validateRender } from '../helpers/validate-all.js';
import { GATEWAY } from './harness/link-fixture.js';

const GOLDEN = fileURLToPath(new URL('../../../shared/linkerd/golden/multicluster/install_default.golden', import.meta.url));

function query(q: string) {
  const issues = new IssueCollector();
  const selector = parseLabelQuery(q, 'east.selector', issues);
  return { selector, problems: issues.issues.map((i) => i.message) };
}

describe('label queries (link-gen -l)', () => {
  it('equalities become matchLabels; set and existence requirements become sorted matchExpressions', () => {
    assert.deepEqual(query('mirror.linkerd.io/exported=true').selector, { matchLabels: { 'mirror.linkerd.io/exported': 'true' } });
    assert.deepEqual(query('tier in (web, api,web), app==x, !legacy, zone notin (b,a), team').selector, {
      matchLabels: { app: 'x' },
      matchExpressions: [
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'team', operator: 'Exists' },
        { key: 'tier', operator: 'In', values: ['api', 'web'] },
        { key: 'zone', operator: 'NotIn', values: ['a', 'b'] },
      ],
    });
  });

  it('refuses what has no selector form and what is not a label, collecting every problem', () => {
    const { selector, problems } = query('a!=b, bad key=1, c=no spaces');
    assert.deepEqual(selector, {});
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /no label-selector form/);
    assert.match(query('').problems[0], /must not be empty/);
  });

  it('a LabelSelector is checked field by field', () => {
    const issues = new IssueCollector();
    labelSelectorOf({ matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }] }, 'east.selector', issues);
    assert.deepEqual(issues.issues.map((i) => i.path), ['east.selector.matchExpressions[0].values', 'east.selector.matchExpressions[1].values']);
  });
});

describe('the target gateway Service and linkerd-config', () => {
  const svc = GATEWAY as GatewayServiceState;

  it('LoadBalancer: identity and probe from the annotations, ports by name, every ingress address', () => {
    assert.deepEqual(gatewayFacts(svc, []), {
      address: '203.0.113.7,gw.east.example',
      port: 4143,
      identity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.east.example',
      probe: { path: '/ready', port: 4191, period: '1m0s' },
    });
    assert.equal(gatewayFacts(svc, [], { addresses: '10.9.9.9, 10.9.9.8', port: 443 }).address, '10.9.9.9,10.9.9.8');
    assert.equal(gatewayFacts(svc, [], { port: 443 }).port, 443);
  });

  it('NodePort: node ports, and the nodes’ addresses of the chosen type when the Service has no ingress', () => {
    const nodePort: GatewayServiceState = {
      ...svc,
      spec: { type: 'NodePort', ports: [{ name: 'mc-gateway', port: 4143, nodePort: 30143 }, { name: 'mc-probe', port: 4191, nodePort: 30191 }] },
      status: {},
    };
    const nodes = [
      { status: { addresses: [{ type: 'InternalIP', address: '192.0.2.10' }, { type: 'ExternalIP', address: '198.51.100.10' }] } },
      { status: { addresses: [{ type: 'InternalIP', address: '192.0.2.11' }] } },
    ];
    const facts = gatewayFacts(nodePort, nodes);
    assert.equal(facts.address, '192.0.2.10,192.0.2.11');
    assert.equal(facts.port, 30143);
    assert.equal(facts.probe.port, 30191);
    assert.equal(gatewayFacts(nodePort, nodes, { nodeAddressType: 'ExternalIP' }).address, '198.51.100.10');
    assert.equal(gatewayFacts({ ...nodePort, spec: { ...nodePort.spec, externalIPs: ['203.0.113.9'] } }, nodes).address, '203.0.113.9');
    assert.throws(() => gatewayFacts(nodePort, []), /no address \(set gatewayAddresses, or gatewayNodes/);
  });

  it('an empty address, a missing annotation or port, a bad period: one error listing each', () => {
    const broken: GatewayServiceState = { metadata: { name: 'gw', namespace: 'mc', annotations: { 'mirror.linkerd.io/probe-period': 'soon' } }, spec: { ports: [] } };
    assert.throws(
      () => gatewayFacts(broken, []),
      (e: unknown) => {
        assert.ok(e instanceof MeshformError);
        assert.deepEqual(e.issues.map((i) => i.path), [
          'Service mc/gw.metadata.annotations["mirror.linkerd.io/multicluster-gateway"]',
          'Service mc/gw.metadata.annotations["mirror.linkerd.io/gateway-identity"]',
          'Service mc/gw.metadata.annotations["mirror.linkerd.io/probe-path"]',
          'Service mc/gw.metadata.annotations["mirror.linkerd.io/probe-period"]',
          'Service mc/gw.spec.ports',
          'Service mc/gw.spec.ports',
          'Service mc/gw.status.loadBalancer.ingress',
        ]);
        return true;
      },
    );
  });

  it("periods are written as Go's Duration.String()", () => {
    assert.deepEqual([3000, 60_000, 90_000, 3_600_000, 500, 1500].map(goDuration), ['3s', '1m0s', '1m30s', '1h0m0s', '500ms', '1.5s']);
  });

  it("linkerd-config: the trust domain, else the cluster domain; a ConfigMap without values is refused", () => {
    assert.deepEqual(meshFacts({ values: 'clusterDomain: east.local\nidentityTrustDomain: east.example\n' }, 'cm'), { trustDomain: 'east.example', clusterDomain: 'east.local' });
    assert.deepEqual(meshFacts({ values: 'clusterDomain: east.local\nidentityTrustDomain: ""\n' }, 'cm'), { trustDomain: 'east.local', clusterDomain: 'east.local' });
    assert.throws(() => meshFacts({}, 'ConfigMap linkerd/linkerd-config'), /ConfigMap linkerd\/linkerd-config.data.values: is required/);
  });
});

describe("the link's kubeconfig", () => {
  const user = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'admin@east',
    clusters: [
      { name: 'west', cluster: { server: 'https://west:6443' } },
      { name: 'east', cluster: { server: 'https://east:6443', 'certificate-authority-data': 'VVNFUg==', 'tls-server-name': 'api.east', 'proxy-url': 'socks5://p:1080', extensions: [] } },
    ],
    contexts: [{ name: 'admin@east', context: { cluster: 'east', user: 'admin', namespace: 'apps' } }],
    users: [{ name: 'admin', user: { 'client-key-data': 'S0VZ' } }],
  };
  const build = (over: Partial<Parameters<typeof remoteKubeconfig>[0]> = {}) =>
    parse(remoteKubeconfig({ kubeconfig: JSON.stringify(user), field: 'east.targetKubeconfig', serviceAccount: 'sa', token: 'TOKEN', ...over })) as Record<string, unknown>;

  it("keeps the context's cluster entry, replaces the user with the token, sorted as clientcmd writes it", () => {
    const kc = build();
    assert.deepEqual(Object.keys(kc), ['apiVersion', 'clusters', 'contexts', 'current-context', 'kind', 'preferences', 'users']);
    assert.deepEqual(kc.clusters, [{ cluster: { 'certificate-authority-data': 'VVNFUg==', 'proxy-url': 'socks5://p:1080', server: 'https://east:6443', 'tls-server-name': 'api.east' }, name: 'east' }]);
    assert.deepEqual(kc.contexts, [{ context: { cluster: 'east', namespace: 'apps', user: 'sa' }, name: 'admin@east' }]);
    assert.deepEqual(kc.users, [{ name: 'sa', user: { token: 'TOKEN' } }]);
    assert.equal((build({ apiServer: 'https://east.public:443' }).clusters as { cluster: { server: string } }[])[0].cluster.server, 'https://east.public:443');
  });

  it('reads a kubeconfig path and embeds a CA file as data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshform-kc-'));
    writeFileSync(join(dir, 'ca.crt'), 'FILE-CA');
    const withFile = { ...user, clusters: [{ name: 'east', cluster: { server: 'https://east:6443', 'certificate-authority': 'ca.crt' } }] };
    writeFileSync(join(dir, 'config'), JSON.stringify(withFile));
    const kc = parse(remoteKubeconfig({ kubeconfig: join(dir, 'config'), field: 'k', serviceAccount: 'sa', token: 'T' })) as { clusters: { cluster: Record<string, string> }[] };
    assert.deepEqual(kc.clusters[0].cluster, { 'certificate-authority-data': Buffer.from('FILE-CA').toString('base64'), server: 'https://east:6443' });
  });

  it('names what is missing, never the token', () => {
    assert.throws(() => build({ context: 'nope' }), /east.targetKubeconfig.contexts = "nope": has no context of that name/);
    const noServer = { ...user, clusters: [{ name: 'east', cluster: {} }] };
    assert.throws(
      () => remoteKubeconfig({ kubeconfig: JSON.stringify(noServer), field: 'k', serviceAccount: 'sa', token: 'SECRET-TOKEN' }),
      (e: unknown) => e instanceof MeshformError && /k.clusters\[east\].server: is required/.test(e.message) && !e.message.includes('SECRET-TOKEN'),
    );
  });
});

describe('link-gen objects', () => {
  const settings: LinkSettings = {
    name: 'east',
    multiclusterNamespace: 'linkerd-multicluster',
    linkerdNamespace: 'linkerd',
    selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] },
    remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
    federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
    excludedAnnotations: [],
    excludedLabels: ['internal'],
  };
  const gateway = { address: '203.0.113.7', port: '4143', identity: 'gw.id', probe: { path: '/ready', port: '4191', period: '3s' } };
  const target = { trustDomain: 'east.example', clusterDomain: 'east.local', gateway };

  it('a link without gateway leaves out every gateway field; empty exclusions are left out', () => {
    const spec = linkObject(settings, { trustDomain: 't', clusterDomain: 'c' }).spec as Record<string, unknown>;
    for (const key of ['gatewayAddress', 'gatewayIdentity', 'gatewayPort', 'probeSpec', 'excludedAnnotations']) assert.ok(!(key in spec), key);
    assert.deepEqual(spec.excludedLabels, ['internal']);
  });

  it('the Secrets and the Link validate against the Secret schema and the Link CRD', { skip: existsSync(GOLDEN) ? false : '../shared/linkerd/golden not found: Link CRD validation skipped' }, () => {
    const crds = parseAllDocuments(readFileSync(GOLDEN, 'utf8')).map((d) => d.toJS() as { kind?: string }).filter((d) => d?.kind === 'CustomResourceDefinition');
    const objects = [...credentialsSecrets(settings, target, Buffer.from('kubeconfig').toString('base64')), linkObject(settings, target)];
    const result = validateRender(objects as never, crds);
    assert.deepEqual(result.problems, []);
    assert.equal(result.byCrd.length, 1);
    assert.equal(result.bySchema.length, 2);
  });
});
