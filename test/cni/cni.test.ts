/**
 * The CNI chart: both upstream goldens object by object, every value's effect on the plugin config and
 * DaemonSet, and validation that reports every problem at once.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { CniChart } from '../../constructs/cni/cni-chart.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { resolveCniValues } from '../../lib/values/cni/resolve.js';
import type { ValueTree } from '../../lib/values/tree.js';
import { readValuesFile } from '../../cli/value-flags.js';
import { compareObjects, objectKey } from '../helpers/manifest-compare.js';
import { validateKubeObject } from '../helpers/kube-schema.js';

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd');
const SKIP = existsSync(join(SHARED, 'golden/cni')) ? false : '../shared/linkerd not found: CNI golden comparisons skipped';

function render(user: ValueTree = {}, namespace?: string): KubeObject[] {
  const values = resolveCniValues({ user });
  return chartObjects(new CniChart(new App(), 'cni', { values, namespace }));
}

function loadGolden(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(SHARED, 'golden/cni', file), 'utf8'))
    .map((d) => d.toJS() as KubeObject)
    .filter((o) => o && o.kind);
}

function assertMatchesGolden(golden: readonly KubeObject[], actual: readonly KubeObject[], skip: readonly string[] = []): void {
  const mine = new Map(actual.map((o) => [objectKey(o), o]));
  const expected = golden.filter((o) => !skip.includes(objectKey(o)));
  for (const o of expected) {
    const key = objectKey(o);
    assert.ok(mine.has(key), `missing ${key}`);
    assert.deepEqual(compareObjects(o, mine.get(key)), [], key);
  }
  const extra = actual.filter((o) => !skip.includes(objectKey(o)) && !expected.some((e) => objectKey(e) === objectKey(o)));
  assert.deepEqual(extra.map(objectKey), []);
}

const daemonSet = (objects: readonly KubeObject[]): any => objects.find((o) => o.kind === 'DaemonSet');
const pluginConfig = (objects: readonly KubeObject[]): any =>
  JSON.parse((objects.find((o) => o.kind === 'ConfigMap') as any).data.cni_network_config);

describe('CNI goldens', { skip: SKIP }, () => {
  it('install-cni-plugin_default (CLI values: v1.6.8, no pull policy, cpu limit)', () => {
    const user = readValuesFile('cni-cli.values.yaml', join(SHARED, 'cases'));
    assertMatchesGolden(loadGolden('install-cni-plugin_default.golden'), render(user));
  });

  it('install_cni_helm_default_output (chart defaults in linkerd-test)', () => {
    const user = readValuesFile('cni-helm.values.yaml', join(SHARED, 'cases'));
    assertMatchesGolden(loadGolden('install_cni_helm_default_output.golden'), render(user, 'linkerd-test'), ['core/Namespace//linkerd-test']);
  });
});

describe('CNI values', () => {
  it('renders ports, UID/GID, port lists, iptables and log settings into the plugin config', () => {
    const config = pluginConfig(
      render({
        inboundProxyPort: 5143,
        outboundProxyPort: 5140,
        proxyAdminPort: 5191,
        proxyControlPort: 5190,
        ignoreInboundPorts: '25,3306',
        ignoreOutboundPorts: '443,5000-6000',
        portsToRedirect: '80,8080',
        proxyUID: 1234,
        proxyGID: 4321,
        useWaitFlag: true,
        iptablesMode: 'legacy',
        disableIPv6: false,
        logLevel: 'debug',
      }),
    );
    assert.equal(config.log_level, 'debug');
    assert.deepEqual(config.linkerd, {
      'incoming-proxy-port': 5143,
      'outgoing-proxy-port': 5140,
      'proxy-uid': 1234,
      'proxy-gid': 4321,
      'ports-to-redirect': [80, 8080],
      'inbound-ports-to-ignore': ['5191', '5190', '25', '3306'],
      'outbound-ports-to-ignore': ['443', '5000-6000'],
      simulate: false,
      'use-wait-flag': true,
      'iptables-mode': 'legacy',
      ipv6: true,
    });
    assert.equal(pluginConfig(render()).linkerd['proxy-gid'], undefined, 'a negative GID is omitted');
  });

  it('applies image, dirs, scheduling, labels, resources and extra containers to the DaemonSet', () => {
    const objects = render({
      image: { name: 'my.reg/cni', version: 'v9', pullPolicy: 'Always' },
      destCNINetDir: '/etc/kubernetes/cni/net.d',
      destCNIBinDir: '/var/lib/cni/bin',
      priorityClassName: 'system-node-critical',
      tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }],
      podLabels: { team: 'net' },
      commonLabels: { owner: 'me' },
      revisionHistoryLimit: 3,
      updateStrategy: { type: 'OnDelete' },
      privileged: true,
      resources: { cpu: { request: '10m' }, memory: { limit: '64Mi' }, 'ephemeral-storage': { limit: '1Gi', request: '' } },
      extraInitContainers: [{ name: 'wait', image: 'busybox' }],
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
    });
    const ds = daemonSet(objects);
    const pod = ds.spec.template.spec;
    const c = pod.containers[0];
    assert.equal(c.image, 'my.reg/cni:v9');
    assert.equal(c.imagePullPolicy, 'Always');
    assert.deepEqual(c.volumeMounts.map((m: any) => m.mountPath).slice(0, 2), ['/host/var/lib/cni/bin', '/host/etc/kubernetes/cni/net.d']);
    assert.deepEqual(pod.volumes.map((v: any) => v.hostPath?.path).slice(0, 2), ['/var/lib/cni/bin', '/etc/kubernetes/cni/net.d']);
    assert.equal(c.securityContext.privileged, true);
    assert.deepEqual(c.resources, { limits: { memory: '64Mi', 'ephemeral-storage': '1Gi' }, requests: { cpu: '10m' } });
    assert.equal(pod.priorityClassName, 'system-node-critical');
    assert.deepEqual(pod.tolerations, [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }]);
    assert.ok(pod.affinity.nodeAffinity);
    assert.deepEqual(pod.initContainers, [{ name: 'wait', image: 'busybox' }]);
    assert.equal(ds.spec.template.metadata.labels.team, 'net');
    assert.equal(ds.spec.revisionHistoryLimit, 3);
    assert.deepEqual(ds.spec.updateStrategy, { type: 'OnDelete' });
    for (const o of objects.filter((x) => x.kind !== 'Namespace')) assert.equal((o.metadata as any).labels.owner, 'me', objectKey(o));
    const cm = objects.find((o) => o.kind === 'ConfigMap') as any;
    assert.equal(cm.data.dest_cni_net_dir, '/etc/kubernetes/cni/net.d');
  });

  it('adds the repair controller (container and RBAC) and PSP objects when enabled', () => {
    const objects = render({ repairController: { enabled: true, logLevel: 'debug', logFormat: 'json', enableSecurityContext: false, resources: { cpu: { limit: '5m' } } }, enablePSP: true });
    const repair = daemonSet(objects).spec.template.spec.containers[1];
    assert.equal(repair.name, 'repair-controller');
    assert.deepEqual(repair.args.slice(1), ['--log-format', 'json', '--log-level', 'debug']);
    assert.equal(repair.securityContext, undefined);
    assert.deepEqual(repair.resources, { limits: { cpu: '5m' } });
    const role = objects.find((o) => o.kind === 'ClusterRole') as any;
    assert.ok(role.rules.some((r: any) => r.verbs.includes('delete')));
    assert.deepEqual(
      objects.filter((o) => ['PodSecurityPolicy', 'Role', 'RoleBinding'].includes(o.kind)).map((o) => o.kind),
      ['PodSecurityPolicy', 'Role', 'RoleBinding'],
    );
  });

  it('renders objects that validate against the Kubernetes schema', () => {
    const objects = render({ repairController: { enabled: true }, extraInitContainers: [{ name: 'x', image: 'y' }], updateStrategy: { type: 'OnDelete' } });
    assert.deepEqual(objects.map((o) => validateKubeObject(o)).filter((r) => r.status === 'invalid'), []);
  });

  it('puts imagePullSecrets on the ServiceAccount', () => {
    const sa = render({ imagePullSecrets: [{ name: 'regcred' }] }).find((o) => o.kind === 'ServiceAccount') as any;
    assert.deepEqual(sa.imagePullSecrets, [{ name: 'regcred' }]);
  });

  it('reports every bad value and unknown key in one error', () => {
    let error: unknown;
    try {
      resolveCniValues({
        user: { inboundProxyPort: 70000, logLevel: 'loud', portsToRedirect: '80,http', iptablesMode: 'ipfw', imag: { name: 'x' }, repairController: { logFormat: 'xml' } },
      });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof MeshformError);
    const paths = error.issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['imag', 'inboundProxyPort', 'iptablesMode', 'logLevel', 'portsToRedirect', 'repairController.logFormat']);
    assert.match(error.message, /did you mean "image"/);
  });
});

describe('CNI host directories', () => {
  const daemonSet = (user: ValueTree) => {
    const ds = render(user).find((o) => o.kind === 'DaemonSet') as unknown as {
      spec: { template: { spec: { volumes: { name: string }[]; containers: { volumeMounts: { name: string; mountPath: string }[] }[] } } };
    };
    const pod = ds.spec.template.spec;
    return { volumes: pod.volumes.map((v) => v.name), mounts: pod.containers[0].volumeMounts.map((m) => `${m.name}:${m.mountPath}`) };
  };
  it('mounts the bin and net dirs separately when they differ', () => {
    const { volumes, mounts } = daemonSet({ destCNIBinDir: '/opt/cni/bin', destCNINetDir: '/etc/cni/net.d' });
    assert.deepEqual(volumes, ['cni-bin-dir', 'cni-net-dir', 'linkerd-tmp-dir']);
    assert.deepEqual(mounts, ['cni-bin-dir:/host/opt/cni/bin', 'cni-net-dir:/host/etc/cni/net.d', 'linkerd-tmp-dir:/tmp']);
  });
  it('mounts one directory once when they are equal', () => {
    const { volumes, mounts } = daemonSet({ destCNIBinDir: '/etc/cni', destCNINetDir: '/etc/cni' });
    assert.deepEqual(volumes, ['cni-net-dir', 'linkerd-tmp-dir']);
    assert.deepEqual(mounts, ['cni-net-dir:/host/etc/cni', 'linkerd-tmp-dir:/tmp']);
  });
});
