/** Behaviour of the control-plane workloads for values the goldens leave at their defaults. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { destinationDeployment } from '../../constructs/control-plane/destination-deployment.js';
import { heartbeatCronJob } from '../../constructs/control-plane/heartbeat-cronjob.js';
import { identityDeployment } from '../../constructs/control-plane/identity-deployment.js';
import { proxyInjectorDeployment } from '../../constructs/control-plane/proxy-injector-deployment.js';
import type { ControlPlaneContext } from '../../constructs/control-plane/context.js';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function ctx(overrides: ValueTree = {}, namespace = 'linkerd'): ControlPlaneContext {
  const base = mergeValues(meshDefaults(), { linkerdVersion: 'v1', identityTrustAnchorsPEM: PEM, heartbeatSchedule: '1 2 3 4 5', cliVersion: 'linkerd/cli v1' } as ValueTree);
  return { values: mergeValues(base, overrides), namespace };
}

const deployment = (objs: unknown[]) => objs[0] as IDeployment;
const pod = (d: IDeployment) => d.spec!.template.spec!;
const byName = (cs: IContainer[] | undefined, name: string) => (cs ?? []).find((c) => c.name === name);

describe('placement of control-plane proxies', () => {
  test('native sidecars: proxy after linkerd-init in initContainers', () => {
    const spec = pod(deployment(destinationDeployment(ctx())));
    assert.deepEqual(spec.initContainers!.map((c) => c.name), ['linkerd-init', 'linkerd-proxy']);
  });

  test('without native sidecars the destination and injector proxies come first, awaiting readiness', () => {
    for (const build of [destinationDeployment, proxyInjectorDeployment]) {
      const spec = pod(deployment(build(ctx({ proxy: { nativeSidecar: false } }))));
      assert.equal(spec.containers[0].name, 'linkerd-proxy');
      assert.ok(spec.containers[0].lifecycle?.postStart);
      assert.deepEqual(spec.initContainers!.map((c) => c.name), ['linkerd-init']);
    }
  });

  test('identity: proxy is never a native sidecar and never awaited', () => {
    const spec = pod(deployment(identityDeployment(ctx())));
    assert.deepEqual(spec.containers.map((c) => c.name), ['identity', 'linkerd-proxy']);
    assert.equal(spec.containers[1].lifecycle, undefined);
    assert.equal(spec.containers[1].restartPolicy, undefined);
  });

  test('CNI: network validator, no xtables volume', () => {
    const spec = pod(deployment(identityDeployment(ctx({ cniEnabled: true }))));
    assert.deepEqual(spec.initContainers!.map((c) => c.name), ['linkerd-network-validator']);
    assert.ok(!spec.volumes!.some((v) => v.name === 'linkerd-proxy-init-xtables-lock'));
  });

  test('control-plane linkerd-init skips the kube API ports outbound', () => {
    const init = pod(deployment(destinationDeployment(ctx({ proxyInit: { kubeAPIServerPorts: '8443', ignoreOutboundPorts: '1' } })))).initContainers![0];
    assert.equal(init.args![init.args!.indexOf('--outbound-ports-to-ignore') + 1], '8443');
  });
});

describe('resources', () => {
  test('per-component and per-component proxy resources', () => {
    const c = ctx({
      proxy: { resources: { memory: { limit: '1Gi' } } },
      destinationResources: { cpu: { request: '1' } },
      destinationProxyResources: { cpu: { request: '2' } },
      spValidatorResources: { memory: { request: '3Mi' } },
      policyController: { resources: { memory: { limit: '4Mi' } } },
      identityResources: { cpu: { limit: '5' } },
      proxyInjectorResources: { cpu: { limit: '6' } },
      proxyInjectorProxyResources: { cpu: { limit: '7' } },
      heartbeatResources: { cpu: { request: '8' } },
    });
    const dst = pod(deployment(destinationDeployment(c)));
    assert.deepEqual(byName(dst.containers, 'destination')!.resources, { requests: { cpu: '1' } });
    assert.deepEqual(byName(dst.initContainers, 'linkerd-proxy')!.resources, { requests: { cpu: '2' } });
    assert.deepEqual(byName(dst.containers, 'sp-validator')!.resources, { requests: { memory: '3Mi' } });
    assert.deepEqual(byName(dst.containers, 'policy')!.resources, { limits: { memory: '4Mi' } });
    const id = pod(deployment(identityDeployment(c)));
    assert.deepEqual(byName(id.containers, 'identity')!.resources, { limits: { cpu: '5' } });
    assert.deepEqual(byName(id.containers, 'linkerd-proxy')!.resources, { limits: { memory: '1Gi' } });
    const inj = pod(deployment(proxyInjectorDeployment(c)));
    assert.deepEqual(byName(inj.containers, 'proxy-injector')!.resources, { limits: { cpu: '6' } });
    assert.deepEqual(byName(inj.initContainers, 'linkerd-proxy')!.resources, { limits: { cpu: '7' } });
    const hb = (heartbeatCronJob(c)[0] as ICronJob).spec!.jobTemplate.spec!.template.spec!.containers[0];
    assert.deepEqual(hb.resources, { requests: { cpu: '8' } });
  });
});

describe('pod metadata and scheduling', () => {
  const c = ctx({
    podLabels: { team: 'mesh' },
    commonLabels: { owner: 'ops' },
    podAnnotations: { a: 'b' },
    identity: { podAnnotations: { id: '1' } },
    nodeSelector: { disk: 'ssd' },
    tolerations: [{ key: 'k', operator: 'Exists' }],
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
    priorityClassName: 'high',
    runtimeClassName: 'gvisor',
    enablePodAntiAffinity: true,
    controllerReplicas: 2,
    revisionHistoryLimit: 3,
  });

  test('labels, annotations, replicas', () => {
    const d = deployment(identityDeployment(c));
    assert.equal(d.metadata!.labels!.owner, 'ops');
    assert.equal(d.spec!.template.metadata!.labels!.team, 'mesh');
    assert.equal(d.spec!.template.metadata!.annotations!.a, 'b');
    assert.equal(d.spec!.template.metadata!.annotations!.id, '1');
    assert.equal(d.spec!.template.metadata!.annotations!['config.linkerd.io/default-inbound-policy'], 'all-unauthenticated');
    assert.equal(d.spec!.replicas, 2);
    assert.equal(d.spec!.revisionHistoryLimit, 3);
  });

  test('scheduling and affinity', () => {
    const spec = pod(deployment(destinationDeployment(c)));
    assert.deepEqual(spec.nodeSelector, { 'kubernetes.io/os': 'linux', disk: 'ssd' });
    assert.deepEqual(spec.tolerations, [{ key: 'k', operator: 'Exists' }]);
    assert.equal(spec.priorityClassName, 'high');
    assert.equal(spec.runtimeClassName, 'gvisor');
    assert.ok(spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    assert.ok(spec.affinity?.nodeAffinity);
  });
});

describe('controller flags', () => {
  test('image version, pprof, log settings, gid, tracing fallback', () => {
    const c = ctx({
      controllerImageVersion: 'c2',
      enablePprof: true,
      controllerLogLevel: 'debug',
      controllerGID: 5,
      controller: { tracing: { enabled: true, collector: { endpoint: '' } } },
      proxy: { tracing: { collector: { endpoint: 'otel:4317' } } },
    });
    const id = byName(pod(deployment(identityDeployment(c))).containers, 'identity')!;
    assert.equal(id.image, 'cr.l5d.io/linkerd/controller:c2');
    assert.ok(id.args!.includes('-enable-pprof=true'));
    assert.ok(id.args!.includes('-log-level=debug'));
    assert.ok(id.args!.includes('-trace-collector=otel:4317'));
    assert.equal(id.securityContext!.runAsGroup, 5);
  });

  test('destination flags follow the values', () => {
    const c = ctx({ enableH2Upgrade: false, enableEndpointSlices: false, disableIPv6: false, proxy: { outboundTransportMode: 'transparent' } });
    const args = byName(pod(deployment(destinationDeployment(c))).containers, 'destination')!.args!;
    for (const a of ['-enable-h2-upgrade=false', '-enable-endpoint-slices=false', '-enable-ipv6=true', '-outbound-transport-mode=transparent']) {
      assert.ok(args.includes(a), a);
    }
    const policy = byName(pod(deployment(destinationDeployment(c))).containers, 'policy')!.args!;
    assert.ok(policy.includes('--admin-addr=[::]:9990'));
  });

  test('Helm-style render: created-by from linkerdVersion', () => {
    const d = deployment(identityDeployment(ctx({ cliVersion: '' })));
    assert.equal(d.metadata!.annotations!['linkerd.io/created-by'], 'linkerd/helm v1');
  });
});

describe('heartbeat', () => {
  test('disabled → nothing', () => {
    assert.deepEqual(heartbeatCronJob(ctx({ disableHeartBeat: true })), []);
  });

  test('schedule and prometheus URL', () => {
    const job = heartbeatCronJob(ctx({ heartbeatSchedule: '0 0 * * *', prometheusUrl: 'http://prom:9090' }))[0] as ICronJob;
    assert.equal(job.spec!.schedule, '0 0 * * *');
    assert.ok(job.spec!.jobTemplate.spec!.template.spec!.containers[0].args!.includes('-prometheus-url=http://prom:9090'));
  });
});

describe('schema', () => {
  test('every workload validates against the Kubernetes 1.33 schema, in several configurations', async () => {
    const { validateKubeObject } = await import('../helpers/kube-schema.js');
    const configs: ValueTree[] = [{}, { cniEnabled: true }, { proxy: { nativeSidecar: false, waitBeforeExitSeconds: 3 } }, { enablePodAntiAffinity: true }];
    for (const overrides of configs) {
      for (const build of [identityDeployment, destinationDeployment, proxyInjectorDeployment, heartbeatCronJob]) {
        for (const o of build(ctx(overrides))) {
          const r = validateKubeObject(o as Parameters<typeof validateKubeObject>[0]);
          assert.equal(r.status, 'valid', `${r.key} (${JSON.stringify(overrides)}): ${r.error}`);
        }
      }
    }
  });
});
