import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiObject, Chart, Cron, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { MeshformError } from '../../lib/errors.js';
import { MESH_REVISION_ANNOTATION, meshRevision } from '../../lib/proxy-config/index.js';
import {
  markOpaquePorts,
  meshNamespace,
  meshPodTemplate,
  meshWorkload,
  nginxIngressAnnotations,
} from '../../constructs/workload/index.js';
import { testMeshValues } from './mesh-values.js';

type Obj = { kind: string; metadata: { name?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
const values = await testMeshValues();

function chart(): Chart {
  return new Chart(Testing.app(), 'test');
}
const container = { image: 'nginx:1', portNumber: 80, securityContext: { ensureNonRoot: false } };

function templateOf(o: Obj): { metadata?: { annotations?: Record<string, string>; labels?: Record<string, string> }; spec: Record<string, unknown> } {
  const spec = o.spec as Record<string, any>;
  return o.kind === 'CronJob' ? spec.jobTemplate.spec.template : spec.template;
}

test('meshWorkload annotates the pod template of every cdk8s-plus workload kind', () => {
  const c = chart();
  const workloads = [
    new kplus.Deployment(c, 'd', { containers: [container] }),
    new kplus.StatefulSet(c, 's', { containers: [container], service: new kplus.Service(c, 'svc', { ports: [{ port: 80 }] }) }),
    new kplus.DaemonSet(c, 'ds', { containers: [container] }),
    new kplus.Job(c, 'j', { containers: [container] }),
    new kplus.CronJob(c, 'cj', { containers: [container], schedule: Cron.daily() }),
  ];
  for (const w of workloads) meshWorkload(w, { meshValues: values, proxyConfig: { adminPort: 4192, defaultInboundPolicy: 'deny' } });
  const objs = c.toJson() as Obj[];
  const kinds = new Set<string>();
  for (const o of objs.filter((x) => x.kind !== 'Service')) {
    kinds.add(o.kind);
    assert.deepEqual(templateOf(o).metadata?.annotations, {
      'linkerd.io/inject': 'enabled',
      'config.linkerd.io/admin-port': '4192',
      'config.linkerd.io/default-inbound-policy': 'deny',
      [MESH_REVISION_ANNOTATION]: meshRevision(values),
    }, o.kind);
  }
  assert.deepEqual([...kinds].sort(), ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'StatefulSet']);
});

test('containers added after meshing are kept (annotation mode is lazy)', () => {
  const c = chart();
  const d = new kplus.Deployment(c, 'd', { containers: [container] });
  meshWorkload(d, { meshValues: values });
  d.addContainer({ image: 'busybox', name: 'late', securityContext: { ensureNonRoot: false } });
  const [o] = c.toJson() as Obj[];
  assert.equal((templateOf(o).spec.containers as unknown[]).length, 2);
});

test('ingress mode writes linkerd.io/inject: ingress and can skip inbound ports', () => {
  const c = chart();
  const d = new kplus.Deployment(c, 'ingress', { containers: [container] });
  meshWorkload(d, { meshValues: values, ingressMode: true, proxyConfig: { skipInboundPorts: [8443] } });
  const [o] = c.toJson() as Obj[];
  const a = templateOf(o).metadata?.annotations ?? {};
  assert.equal(a['linkerd.io/inject'], 'ingress');
  assert.equal(a['config.linkerd.io/skip-inbound-ports'], '8443');
});

test('rollOnMeshChange: false leaves the revision out', () => {
  const c = chart();
  meshWorkload(new kplus.Deployment(c, 'd', { containers: [container] }), { meshValues: values, rollOnMeshChange: false });
  const [o] = c.toJson() as Obj[];
  assert.equal(templateOf(o).metadata?.annotations?.[MESH_REVISION_ANNOTATION], undefined);
});

test('a bad ProxyConfig fails at the call with the field named', () => {
  const c = chart();
  const d = new kplus.Deployment(c, 'd', { containers: [container] });
  assert.throws(() => meshWorkload(d, { meshValues: values, proxyConfig: { adminPort: -1 } }), /proxyConfig\.adminPort/);
});

test('hostNetwork pods are refused', () => {
  const c = chart();
  const d = new kplus.Deployment(c, 'd', { containers: [container], hostNetwork: true });
  assert.throws(() => meshWorkload(d, { meshValues: values }), (e: unknown) => e instanceof MeshformError && /hostNetwork is enabled/.test(e.message));
});

test('meshNamespace and markOpaquePorts annotate metadata only', () => {
  const c = chart();
  const ns = new kplus.Namespace(c, 'ns', { metadata: { name: 'apps' } });
  meshNamespace(ns, { proxyConfig: { opaquePorts: [3306] } });
  const svc = new kplus.Service(c, 'db', { ports: [{ port: 3306 }] });
  markOpaquePorts(svc, [3306, '5000-5001']);
  assert.throws(() => markOpaquePorts(svc, [0]), /markOpaquePorts\.opaquePorts/);
  const [n, s] = c.toJson() as Obj[];
  assert.deepEqual(n.metadata.annotations, { 'linkerd.io/inject': 'enabled', 'config.linkerd.io/opaque-ports': '3306' });
  assert.deepEqual(s.metadata.annotations, { 'config.linkerd.io/opaque-ports': '3306,5000-5001' });
});

test('meshPodTemplate patches a raw ApiObject, creating missing maps and keeping existing annotations', () => {
  const c = chart();
  const pod = { containers: [{ name: 'app', image: 'app:1' }] };
  const bare = new ApiObject(c, 'bare', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'bare' }, spec: { selector: {}, template: { spec: pod } } });
  const annotated = new ApiObject(c, 'annotated', {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'annotated' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { annotations: { keep: 'me' } }, spec: pod } } } },
  });
  meshPodTemplate(bare, { meshValues: values });
  meshPodTemplate(annotated, { meshValues: values, proxyConfig: { logLevel: 'debug' } });
  const [b, a] = c.toJson() as Obj[];
  assert.equal(templateOf(b).metadata?.annotations?.['linkerd.io/inject'], 'enabled');
  assert.deepEqual(templateOf(a).metadata?.annotations, {
    keep: 'me',
    'linkerd.io/inject': 'enabled',
    'config.linkerd.io/proxy-log-level': 'debug',
    [MESH_REVISION_ANNOTATION]: meshRevision(values),
  });
});

test('manual mode writes the full sidecar at render time, seeing late containers', () => {
  const c = chart();
  const d = new kplus.Deployment(c, 'd', { metadata: { name: 'web', namespace: 'apps' }, containers: [container] });
  meshWorkload(d, { meshValues: values, mode: 'manual', proxyConfig: { logLevel: 'debug' } });
  d.addContainer({ image: 'busybox', name: 'late', portNumber: 9000, securityContext: { ensureNonRoot: false } });
  const [o] = c.toJson() as Obj[];
  const t = templateOf(o);
  const names = [...((t.spec.initContainers as { name: string }[]) ?? []), ...(t.spec.containers as { name: string }[])].map((x) => x.name);
  assert.ok(names.includes('linkerd-proxy') && names.includes('linkerd-init') && names.includes('late'), names.join(','));
  assert.equal(t.metadata?.annotations?.['linkerd.io/inject'], undefined, 'manual mode drops linkerd.io/inject');
  assert.equal(t.metadata?.annotations?.['config.linkerd.io/proxy-log-level'], 'debug');
  assert.equal(t.metadata?.annotations?.[MESH_REVISION_ANNOTATION], meshRevision(values));
  assert.equal(t.metadata?.labels?.['linkerd.io/proxy-deployment'], 'web');
  const proxy = [...((t.spec.initContainers as any[]) ?? []), ...(t.spec.containers as any[])].find((x) => x.name === 'linkerd-proxy');
  const env = Object.fromEntries((proxy.env as { name: string; value?: string }[]).map((e) => [e.name, e.value]));
  assert.match(env.LINKERD2_PROXY_LOG ?? '', /^debug,/, 'the ProxyConfig override reaches the sidecar');
  assert.match(env.LINKERD2_PROXY_INBOUND_PORTS ?? '', /9000/, 'ports of late containers are counted');
});

test('manual mode refuses a mesh whose trust anchors live only in the cluster (cert-manager / trust-manager)', () => {
  const c = chart();
  const external = { ...values, identityTrustAnchorsPEM: '', identity: { ...values.identity, externalCA: true } };
  const d = new kplus.Deployment(c, 'd', { metadata: { name: 'web' }, containers: [container] });
  // Refused at the call, not later at synth.
  assert.throws(
    () => meshWorkload(d, { meshValues: external, mode: 'manual' }),
    (e: unknown) =>
      e instanceof MeshformError &&
      e.issues[0].path === 'identityTrustAnchorsPEM' &&
      /annotation mode, where the proxy injector adds them/.test(e.issues[0].message),
  );
  // Annotation mode needs no anchors: the injector reads them in the cluster.
  const a = new kplus.Deployment(chart(), 'a', { metadata: { name: 'web' }, containers: [container] });
  meshWorkload(a, { meshValues: external });
});

test('nginxIngressAnnotations: service-upstream and the l5d-dst-override snippet', () => {
  assert.deepEqual(nginxIngressAnnotations({ serviceName: 'web-svc', namespace: 'emojivoto', port: 80 }), {
    'nginx.ingress.kubernetes.io/service-upstream': 'true',
    'nginx.ingress.kubernetes.io/configuration-snippet':
      'proxy_set_header l5d-dst-override web-svc.emojivoto.svc.cluster.local:80;\n' +
      'grpc_set_header l5d-dst-override web-svc.emojivoto.svc.cluster.local:80;\n',
  });
  assert.match(nginxIngressAnnotations()['nginx.ingress.kubernetes.io/configuration-snippet'] ?? '', /\$service_name\.\$namespace\.svc\.cluster\.local:\$service_port/);
  assert.deepEqual(nginxIngressAnnotations({ dstOverrideSnippet: false }), { 'nginx.ingress.kubernetes.io/service-upstream': 'true' });
});
