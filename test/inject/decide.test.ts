/** Injection decisions as data, override annotations, and annotations applied to values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import {
  applyAnnotationOverrides,
  decideInjection,
  formatGoDuration,
  injectFlagTree,
  injectObject,
  overrideAnnotations,
  parseGoDuration,
  podInboundPorts,
  resolveOpaquePorts,
} from '../../lib/inject/index.js';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { mergeValues } from '../../lib/values/tree.js';

const app = (extra: Partial<IPodSpec> = {}): IPodSpec => ({ containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] }], ...extra });
const codes = (spec: IPodSpec, annotations: Record<string, string> = {}, projection = true) =>
  decideInjection({ annotations }, spec, { serviceAccountTokenProjection: projection }).reasons.map((r) => r.code);
const withValues = (overlay: object): MeshValues => mergeValues(meshDefaults(), overlay);

describe('decideInjection', () => {
  it('meshes a plain pod', () => assert.deepEqual(codes(app()), []));
  it('refuses hostNetwork', () => assert.deepEqual(codes(app({ hostNetwork: true })), ['host_network_enabled']));
  it('refuses another mesh sidecar', () => {
    assert.deepEqual(codes({ containers: [{ name: 'app' }, { name: 'istio-proxy', image: 'x' }] }), ['sidecar_already_exists']);
    assert.deepEqual(codes({ containers: [{ name: 'p', image: 'gcr.io/istio-release/proxyv2:1.2' }] }), ['sidecar_already_exists']);
    assert.deepEqual(codes({ initContainers: [{ name: 'istio-init' }], containers: [{ name: 'app' }] }), ['sidecar_already_exists']);
  });
  it('skips linkerd.io/inject: disabled (not a refusal)', () => {
    const d = decideInjection({ annotations: { 'linkerd.io/inject': 'disabled' } }, app(), { serviceAccountTokenProjection: true });
    assert.deepEqual(d.reasons.map((r) => [r.code, r.refuses]), [['injection_disable_annotation_present', false]]);
  });
  it('refuses automountServiceAccountToken: false only without token projection', () => {
    assert.deepEqual(codes(app({ automountServiceAccountToken: false }), {}, true), []);
    assert.deepEqual(codes(app({ automountServiceAccountToken: false }), {}, false), ['disabled_automount_service_account_token_account']);
  });
  it('only warns about UDP ports', () => {
    const d = decideInjection({}, { containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'UDP' }] }] }, { serviceAccountTokenProjection: true });
    assert.deepEqual(d.reasons, []);
    assert.deepEqual(d.warnings, ['udp_ports_enabled']);
  });
  it('passes unsupported kinds through with a reason', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    const { object, report } = injectObject(cm, { values: meshDefaults(), meshValues: meshDefaults() });
    assert.deepEqual(object, cm);
    assert.deepEqual(report.reasons.map((r) => r.code), ['unsupported_resource']);
    assert.equal(report.refusal, undefined);
  });
  it('words a refusal as upstream does', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: app({ hostNetwork: true }) };
    const { report } = injectObject(pod, { values: meshDefaults(), meshValues: meshDefaults() });
    assert.equal(report.refusal, 'failed to inject pod/p: hostNetwork is enabled');
  });
});

describe('overrideAnnotations', () => {
  it('is empty when nothing differs', () => assert.deepEqual(overrideAnnotations(meshDefaults(), meshDefaults()), {}));
  it('turns each differing flag into its annotation', () => {
    const flags = injectFlagTree({
      'admin-port': '1234',
      'proxy-cpu-request': '1500m',
      'skip-outbound-ports': ['3306', '5432,6379'],
      'native-sidecar': false,
      ingress: true,
      'wait-before-exit-seconds': '10',
    });
    assert.deepEqual(flags.issues, []);
    const values = withValues(flags.tree);
    assert.equal(values.proxy.runtime.workers.minimum, 2);
    assert.deepEqual(overrideAnnotations(values, meshDefaults()), {
      'config.linkerd.io/skip-outbound-ports': '3306,5432,6379',
      'config.linkerd.io/admin-port': '1234',
      'linkerd.io/inject': 'ingress',
      'config.linkerd.io/proxy-cpu-request': '1500m',
      'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '10',
      'config.linkerd.io/proxy-enable-native-sidecar': 'false',
    });
  });
  it('compares with the installed mesh, not the chart defaults', () => {
    const mesh = withValues({ proxy: { logLevel: 'debug' } });
    assert.deepEqual(overrideAnnotations(mesh, mesh), {});
    assert.deepEqual(overrideAnnotations(meshDefaults(), mesh), { 'config.linkerd.io/proxy-log-level': 'warn,linkerd=info,hickory=error' });
  });
  it('reports malformed flag values as issues', () => {
    assert.deepEqual(injectFlagTree({ 'admin-port': 'x', 'proxy-memory-limit': 'lots' }).issues.map((i) => i.path), ['--admin-port', '--proxy-memory-limit']);
  });
});

describe('applyAnnotationOverrides', () => {
  it('applies ports, resources, timeouts and named opaque ports', () => {
    const v = applyAnnotationOverrides(
      meshDefaults(),
      {
        'config.linkerd.io/admin-port': '9999',
        'config.linkerd.io/proxy-cpu-limit': '2500m',
        'config.linkerd.io/proxy-outbound-connect-timeout': '1.5s',
        'config.linkerd.io/opaque-ports': 'mysql, 4000-4100, nope',
        'config.linkerd.io/proxy-uid': 'not-a-number',
        'linkerd.io/inject': 'ingress',
      },
      new Map([['mysql', 3306]]),
    );
    assert.equal(v.proxy.ports.admin, 9999);
    assert.equal(v.proxy.resources.cpu?.limit, '2500m');
    assert.equal(v.proxy.runtime.workers.maximum, 3);
    assert.equal(v.proxy.outboundConnectTimeout, '1500ms');
    assert.equal(v.proxy.opaquePorts, '3306,4000-4100');
    assert.equal(v.proxy.uid, 2102);
    assert.equal(v.proxy.isIngress, true);
  });
  it('leaves the input values untouched', () => {
    const base = meshDefaults();
    applyAnnotationOverrides(base, { 'config.linkerd.io/admin-port': '1' });
    assert.equal(base.proxy.ports.admin, 4191);
  });
});

describe('helpers', () => {
  it('formats and parses Go durations', () => {
    assert.equal(formatGoDuration(parseGoDuration('90s')!), '1m30s');
    assert.equal(formatGoDuration(parseGoDuration('1h')!), '1h0m0s');
    assert.equal(formatGoDuration(parseGoDuration('1500ms')!), '1.5s');
    assert.equal(formatGoDuration(parseGoDuration('250ms')!), '250ms');
    assert.equal(parseGoDuration('ten'), undefined);
  });
  it('lists inbound ports as upstream does (string order, probe ports included)', () => {
    const spec: IPodSpec = {
      containers: [
        { name: 'a', ports: [{ containerPort: 9 }, { containerPort: 8080 }], readinessProbe: { httpGet: { port: 10 } } },
        { name: 'b', ports: [{ containerPort: 8080 }], livenessProbe: { httpGet: { port: 'http' } } },
      ],
    };
    assert.equal(podInboundPorts(spec), '10,8080,9');
  });
  it('resolves opaque ports', () => assert.equal(resolveOpaquePorts('http,25', new Map([['http', 80]])), '80,25'));
});
