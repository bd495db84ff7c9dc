/**
 * The multicluster chart: upstream's install golden object by object, one `controllers[]` entry
 * against the per-link service-mirror golden (where present), the HA overlay, value effects,
 * validation, and the Link CRD schema accepting a Link as `link-gen` prints it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { chartObjects } from '../../constructs/kube-object.js';
import { linkSchema, LINK_VERSIONS } from '../../constructs/multicluster/link-crd-schema.js';
import { MulticlusterChart } from '../../constructs/multicluster/multicluster-chart.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { resolveMulticlusterValues } from '../../lib/values/multicluster/resolve.js';
import type { ValueTree } from '../../lib/values/tree.js';
import { LINKERD_VERSION } from '../../lib/versions.js';
import { compareObjects, objectKey } from '../helpers/manifest-compare.js';
import { validateKubeObject } from '../helpers/kube-schema.js';

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd');
const GOLDEN = join(SHARED, 'golden/multicluster');
const SKIP = existsSync(join(GOLDEN, 'install_default.golden')) ? false : '../shared/linkerd not found: multicluster golden comparison skipped';
const MIRROR_GOLDEN = join(GOLDEN, 'service_mirror_default.golden');
const SKIP_MIRROR = existsSync(MIRROR_GOLDEN) ? false : `${MIRROR_GOLDEN} not found: service-mirror comparison skipped`;
const CRD_DESCRIPTION = /^spec\.versions.*\.description$|\.description$/;

function render(user: ValueTree = {}, opts: { ha?: boolean; namespace?: string } = {}): KubeObject[] {
  const values = resolveMulticlusterValues({ user, ha: opts.ha });
  return chartObjects(new MulticlusterChart(new App(), 'mc', { values, namespace: opts.namespace }));
}

function loadYaml(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as KubeObject)
    .filter((o) => o && o.kind);
}

const find = (objects: readonly KubeObject[], kind: string, name: string): any =>
  objects.find((o) => o.kind === kind && o.metadata?.name === name);

describe('multicluster golden', { skip: SKIP }, () => {
  it('multicluster_install_default: 26 objects identical', () => {
    const golden = loadYaml(join(GOLDEN, 'install_default.golden'));
    const actual = render({ linkerdVersion: 'linkerdVersionValue' });
    assert.equal(golden.length, 26);
    assert.deepEqual(actual.map(objectKey).sort(), golden.map(objectKey).sort());
    const mine = new Map(actual.map((o) => [objectKey(o), o]));
    for (const o of golden) {
      const ignore = o.kind === 'CustomResourceDefinition' ? [CRD_DESCRIPTION] : [];
      assert.deepEqual(compareObjects(o, mine.get(objectKey(o)), ignore), [], objectKey(o));
    }
  });
});

describe('service-mirror controllers', () => {
  it('renders one controller per controllers[] entry, merged over controllerDefaults', () => {
    const objects = render({
      controllers: [
        { link: { ref: { name: 'east' } }, logLevel: 'debug', replicas: 2 },
        { link: { ref: { name: 'west' } }, gateway: { enabled: false }, enableHeadlessServices: true },
      ],
      controllerDefaults: { retryLimit: 7, resources: { memory: { limit: '100Mi' } } },
    });
    const east = find(objects, 'Deployment', 'controller-east');
    const west = find(objects, 'Deployment', 'controller-west');
    assert.equal(east.spec.replicas, 2);
    const eastArgs = east.spec.template.spec.containers[0].args;
    assert.ok(eastArgs.includes('-log-level=debug') && eastArgs.includes('-event-requeue-limit=7') && eastArgs.at(-1) === 'east');
    assert.equal(east.spec.template.spec.containers[0].image, `cr.l5d.io/linkerd/controller:${LINKERD_VERSION}`);
    assert.deepEqual(east.spec.template.spec.containers[0].resources, { limits: { memory: '100Mi' } });
    assert.equal(west.spec.replicas, 1);
    assert.ok(west.spec.template.spec.containers[0].args.includes('-enable-headless-services'));
    assert.ok(eastArgs.includes('-probe-service=probe-gateway-east'));
    assert.ok(!west.spec.template.spec.containers[0].args.some((a: string) => a.startsWith('-probe-service')), 'no gateway, no probe');
    assert.ok(find(objects, 'Service', 'probe-gateway-east'));
    assert.equal(find(objects, 'Service', 'probe-gateway-west'), undefined, 'gateway.enabled=false drops the probe Service');
    const binding = find(objects, 'ClusterRoleBinding', 'linkerd-multicluster-controller-access-local-resources-east');
    assert.equal(binding.roleRef.name, 'linkerd-multicluster-controller-access-local-resources');
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'controller-east', namespace: 'linkerd-multicluster' }]);
  });

  it('corresponds to the per-link service-mirror golden', { skip: SKIP_MIRROR }, () => {
    const golden = loadYaml(MIRROR_GOLDEN);
    const objects = render({ linkerdVersion: 'dev-undefined', controllers: [{ link: { ref: { name: 'test-cluster' } } }] }, { namespace: 'test' });
    const deployment = find(objects, 'Deployment', 'controller-test-cluster');
    const expected = golden.find((o) => o.kind === 'Deployment') as any;
    // The 2.18 controller differs from the legacy chart in naming only: compare the container's work.
    const [mine, theirs] = [deployment.spec.template.spec.containers[0], expected.spec.template.spec.containers[0]];
    assert.deepEqual(mine.args, theirs.args);
    assert.deepEqual(mine.securityContext, theirs.securityContext);
    const role = golden.find((o) => o.kind === 'Role') as any;
    assert.deepEqual(find(objects, 'Role', 'linkerd-service-mirror-read-remote-creds-test-cluster').rules, role.rules);
  });
});

describe('multicluster values', () => {
  it('--ha: three gateway replicas spread by anti-affinity, with a PodDisruptionBudget', () => {
    const objects = render({}, { ha: true });
    const gateway = find(objects, 'Deployment', 'linkerd-gateway');
    assert.equal(gateway.spec.replicas, 3);
    assert.deepEqual(gateway.spec.strategy, { rollingUpdate: { maxUnavailable: 1 } });
    const anti = gateway.spec.template.spec.affinity.podAntiAffinity;
    assert.equal(anti.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey, 'kubernetes.io/hostname');
    assert.deepEqual(anti.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions, [
      { key: 'app', operator: 'In', values: ['linkerd-gateway'] },
    ]);
    assert.ok(find(objects, 'PodDisruptionBudget', 'linkerd-gateway'));
    assert.deepEqual(find(objects, 'PodDisruptionBudget', 'linkerd-local-service-mirror').spec.selector, { matchLabels: { component: 'local-service-mirror' } });
    assert.equal(find(render({ gateway: { replicas: 5 } }, { ha: true }), 'Deployment', 'linkerd-gateway').spec.replicas, 5, 'user values win over HA');
  });

  it('substitutes the version placeholder only when it came from the defaults', () => {
    const lsm = (objects: KubeObject[]) => find(objects, 'Deployment', 'linkerd-local-service-mirror').spec.template.spec.containers[0].image;
    assert.equal(lsm(render()), `cr.l5d.io/linkerd/controller:${LINKERD_VERSION}`);
    assert.equal(lsm(render({ linkerdVersion: 'linkerdVersionValue' })), 'cr.l5d.io/linkerd/controller:linkerdVersionValue');
    assert.equal(lsm(render({ linkerdVersion: 'edge-1.2.3' })), 'cr.l5d.io/linkerd/controller:edge-1.2.3');
    assert.equal(lsm(render({ localServiceMirror: { image: { version: 'v7', pullPolicy: 'Always' } } })), 'cr.l5d.io/linkerd/controller:v7');
  });

  it('applies gateway service and pod settings', () => {
    const objects = render({
      gateway: {
        name: 'gw',
        port: 5143,
        serviceType: 'NodePort',
        nodePort: 30143,
        healthCheckNodePort: 30999,
        probe: { path: '/health', port: 5191, seconds: 9, nodePort: 30191 },
        serviceAnnotations: { a: 'b' },
        serviceExternalTrafficPolicy: 'Local',
        deploymentAnnotations: { d: 'e' },
        loadBalancerClass: 'lb',
        loadBalancerIP: '1.2.3.4',
        loadBalancerSourceRanges: ['10.0.0.0/8'],
        terminationGracePeriodSeconds: 45,
        nodeSelector: { zone: 'a' },
        tolerations: [{ operator: 'Exists' }],
        pauseImage: 'my/pause:1',
        UID: 3000,
        GID: 3001,
      },
      linkerdNamespace: 'l5d',
      identityTrustDomain: 'example.org',
      podLabels: { pl: 'x' },
      podAnnotations: { pa: 'y' },
      commonLabels: { cl: 'z' },
    });
    const svc = find(objects, 'Service', 'gw');
    assert.equal(svc.metadata.annotations['mirror.linkerd.io/gateway-identity'], 'gw.linkerd-multicluster.serviceaccount.identity.l5d.example.org');
    assert.equal(svc.metadata.annotations['mirror.linkerd.io/probe-period'], '9');
    assert.equal(svc.metadata.annotations.a, 'b');
    assert.deepEqual(svc.spec.ports, [
      { name: 'mc-gateway', port: 5143, protocol: 'TCP', nodePort: 30143 },
      { name: 'mc-probe', port: 5191, protocol: 'TCP', nodePort: 30191 },
    ]);
    assert.equal(svc.spec.type, 'NodePort');
    assert.equal(svc.spec.externalTrafficPolicy, 'Local');
    assert.equal(svc.spec.healthCheckNodePort, 30999);
    assert.equal(svc.spec.loadBalancerClass, 'lb');
    assert.equal(svc.spec.loadBalancerIP, '1.2.3.4');
    assert.deepEqual(svc.spec.loadBalancerSourceRanges, ['10.0.0.0/8']);
    const dep = find(objects, 'Deployment', 'gw');
    const pod = dep.spec.template.spec;
    assert.equal(dep.metadata.annotations.d, 'e');
    assert.equal(dep.spec.template.metadata.annotations['config.linkerd.io/proxy-require-identity-inbound-ports'], '5143');
    assert.equal(dep.spec.template.metadata.annotations.pa, 'y');
    assert.equal(dep.spec.template.metadata.labels.pl, 'x');
    assert.equal(pod.terminationGracePeriodSeconds, 45);
    assert.deepEqual(pod.nodeSelector, { zone: 'a' });
    assert.equal(pod.containers[0].image, 'my/pause:1');
    assert.equal(pod.containers[0].securityContext.runAsUser, 3000);
    assert.equal(pod.containers[0].securityContext.runAsGroup, 3001);
    for (const o of objects) assert.equal((o.metadata as any).labels?.cl, 'z', objectKey(o));
    assert.equal(find(objects, 'Server', 'gw').spec.podSelector.matchLabels.app, 'gw');
  });

  it('toggles the gateway, the remote-access account and its name', () => {
    const objects = render({ gateway: { enabled: false }, remoteMirrorServiceAccountName: 'remote-x' });
    assert.equal(objects.filter((o) => (o.metadata?.name ?? '').startsWith('linkerd-gateway')).length, 0);
    assert.equal(find(objects, 'Server', 'linkerd-gateway'), undefined);
    assert.equal(find(objects, 'Secret', 'remote-x-token').metadata.annotations['kubernetes.io/service-account.name'], 'remote-x');
    const none = render({ remoteMirrorServiceAccount: false });
    assert.equal(none.filter((o) => o.metadata?.name === 'linkerd-service-mirror-remote-access-default').length, 0);
  });

  it('reports every bad value and unknown key in one error', () => {
    let error: unknown;
    try {
      resolveMulticlusterValues({
        user: {
          gateway: { port: 0, serviceType: 'Magic' },
          gatway: { enabled: false },
          localServiceMirror: { logLevel: 'chatty' },
          controllers: [{ logLevel: 'debug' }, { link: { ref: { name: 'b' } }, replcas: 2 }],
        },
      });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof MeshformError);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), [
      'controllers[0].link.ref.name',
      'controllers[1].replcas',
      'gateway.port',
      'gateway.serviceType',
      'gatway',
      'localServiceMirror.logLevel',
    ]);
    assert.match(error.message, /did you mean "gateway"/);
    assert.match(error.message, /did you mean "replicas"/);
  });
});

describe('enablePSP', () => {
  it('binds Role psp to the gateway and the namespace-metadata account', () => {
    const binding = find(render({ enablePSP: true }), 'RoleBinding', 'linkerd-multicluster-psp');
    assert.equal(binding.roleRef.name, 'psp');
    assert.deepEqual(binding.subjects.map((s: { name: string }) => s.name), ['linkerd-gateway', 'namespace-metadata']);
    assert.equal(binding.metadata.labels.namespace, 'linkerd-multicluster');
  });
  it('without a gateway only namespace-metadata is bound; without enablePSP nothing is rendered', () => {
    const binding = find(render({ enablePSP: true, gateway: { enabled: false } }), 'RoleBinding', 'linkerd-multicluster-psp');
    assert.deepEqual(binding.subjects.map((s: { name: string }) => s.name), ['namespace-metadata']);
    assert.equal(find(render({}), 'Role', 'psp'), undefined);
  });
});

describe('Kubernetes schema', () => {
  it('every built-in object validates with HA, node ports and an anti-affine controller', () => {
    const objects = render(
      {
        gateway: { serviceType: 'NodePort', nodePort: 30001, serviceExternalTrafficPolicy: 'Local', healthCheckNodePort: 30002 },
        enablePSP: true,
        controllers: [{ link: { ref: { name: 'a' } }, enablePodAntiAffinity: true, tolerations: [{ operator: 'Exists' }] }],
      },
      { ha: true },
    );
    const invalid = objects.map((o) => validateKubeObject(o)).filter((r) => r.status === 'invalid');
    assert.deepEqual(invalid, []);
  });
});

describe('Link CRD schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // As `linkerd multicluster link-gen` prints it (v1alpha3).
  const link = {
    apiVersion: 'multicluster.linkerd.io/v1alpha3',
    kind: 'Link',
    metadata: { name: 'east', namespace: 'linkerd-multicluster' },
    spec: {
      targetClusterName: 'east',
      targetClusterDomain: 'cluster.local',
      targetClusterLinkerdNamespace: 'linkerd',
      clusterCredentialsSecret: 'cluster-credentials-east',
      gatewayAddress: '203.0.113.7',
      gatewayPort: '4143',
      gatewayIdentity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
      probeSpec: { path: '/ready', port: '4191', period: '3s', failureThreshold: '3', timeout: '30s' },
      selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' } },
      remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
      federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
      excludedAnnotations: [],
      excludedLabels: [],
    },
  };

  it('accepts a valid Link and rejects a bad selector operator', () => {
    const validate = ajv.compile(linkSchema('v1alpha3'));
    assert.ok(validate(link), ajv.errorsText(validate.errors));
    const bad = structuredClone(link);
    (bad.spec.selector as any).matchExpressions = [{ key: 'a', operator: 'Near' }];
    assert.equal(validate(bad), false);
  });

  it('serves three versions with v1alpha3 as storage', () => {
    const crd = render().find((o) => o.kind === 'CustomResourceDefinition') as any;
    assert.deepEqual(crd.spec.versions.map((v: any) => [v.name, v.storage]), [['v1alpha1', false], ['v1alpha2', false], ['v1alpha3', true]]);
    assert.deepEqual(LINK_VERSIONS, ['v1alpha1', 'v1alpha2', 'v1alpha3']);
    assert.equal((linkSchema('v1alpha1').properties as any).status, undefined, 'status arrives in v1alpha2');
  });
});
