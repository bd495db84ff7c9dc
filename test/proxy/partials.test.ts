/** Behaviour of the proxy partials: each value upstream's partials read has its effect. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import {
  buildDebugContainer,
  buildNetworkValidatorContainer,
  buildProxyContainer,
  buildProxyInitContainer,
  buildProxyVolumes,
  cpuQuantityToCores,
  injectPodSpec,
  omitEmptyLikeGo,
  proxyPodAnnotations,
  proxyPodLabels,
  workersForCpu,
  type ProxyContext,
} from '../../lib/proxy/index.js';
import { meshDefaults } from '../../lib/values/mesh/defaults.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const ctx: ProxyContext = { controlPlaneNamespace: 'linkerd' };

function values(overrides: ValueTree = {}): MeshValues {
  const base = mergeValues(meshDefaults(), { linkerdVersion: 'v1', identityTrustAnchorsPEM: PEM } as ValueTree);
  return mergeValues(base, overrides);
}

const env = (c: IContainer, name: string) => c.env?.find((e) => e.name === name);
const envValue = (c: IContainer, name: string) => env(c, name)?.value;
const app: IPodSpec = { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] }] };
const names = (cs: IContainer[] | undefined) => (cs ?? []).map((c) => c.name);

describe('placement', () => {
  test('native sidecar: init then proxy in initContainers, restartPolicy Always, startup probe', () => {
    const spec = injectPodSpec(app, values(), ctx);
    assert.deepEqual(names(spec.initContainers), ['linkerd-init', 'linkerd-proxy']);
    assert.deepEqual(names(spec.containers), ['app']);
    const proxy = spec.initContainers![1];
    assert.equal(proxy.restartPolicy, 'Always');
    assert.equal(proxy.startupProbe?.httpGet?.path, '/ready');
    assert.equal(proxy.startupProbe?.failureThreshold, 120);
    assert.equal(proxy.lifecycle, undefined);
  });

  test('no native sidecar: proxy is the first container, with linkerd-await postStart', () => {
    const spec = injectPodSpec(app, values({ proxy: { nativeSidecar: false } }), ctx);
    assert.deepEqual(names(spec.initContainers), ['linkerd-init']);
    assert.deepEqual(names(spec.containers), ['linkerd-proxy', 'app']);
    const proxy = spec.containers[0];
    assert.equal(proxy.restartPolicy, undefined);
    assert.equal(proxy.startupProbe, undefined);
    assert.deepEqual(proxy.lifecycle?.postStart?.exec?.command, ['/usr/lib/linkerd/linkerd-await', '--timeout=2m', '--port=4191']);
  });

  test('no native sidecar and no await: proxy appended, preStop sleep from waitBeforeExitSeconds', () => {
    const spec = injectPodSpec(app, values({ proxy: { nativeSidecar: false, await: false, waitBeforeExitSeconds: 7 } }), ctx);
    assert.deepEqual(names(spec.containers), ['app', 'linkerd-proxy']);
    assert.equal(spec.containers[1].lifecycle?.postStart, undefined);
    assert.deepEqual(spec.containers[1].lifecycle?.preStop?.exec?.command, ['/bin/sleep', '7']);
  });

  test('waitBeforeExitSeconds is ignored for native sidecars', () => {
    assert.equal(buildProxyContainer(values({ proxy: { waitBeforeExitSeconds: 7 } }), ctx).lifecycle, undefined);
  });

  test('native sidecar without await: no startup probe', () => {
    assert.equal(buildProxyContainer(values({ proxy: { await: false } }), ctx).startupProbe, undefined);
  });

  test('the app keeps its own init containers after the mesh ones, and its volumes', () => {
    const spec = injectPodSpec({ ...app, initContainers: [{ name: 'setup' }], volumes: [{ name: 'data', emptyDir: {} }] }, values(), ctx);
    assert.deepEqual(names(spec.initContainers), ['linkerd-init', 'linkerd-proxy', 'setup']);
    assert.deepEqual(names(spec.volumes as IContainer[]), [
      'data',
      'linkerd-proxy-init-xtables-lock',
      'linkerd-identity-token',
      'linkerd-identity-end-entity',
    ]);
  });

  test('CNI: the network validator replaces linkerd-init and the xtables volume goes', () => {
    const spec = injectPodSpec(app, values({ cniEnabled: true }), ctx);
    assert.deepEqual(names(spec.initContainers), ['linkerd-network-validator', 'linkerd-proxy']);
    assert.ok(!names(spec.volumes as IContainer[]).includes('linkerd-proxy-init-xtables-lock'));
    const validator = spec.initContainers![0];
    assert.deepEqual(validator.command, ['/usr/lib/linkerd/linkerd2-network-validator']);
    assert.deepEqual(validator.args, ['--log-format', 'plain', '--log-level', 'debug', '--connect-addr', '1.1.1.1:20001', '--listen-addr', '0.0.0.0:4140', '--timeout', '10s']);
  });

  test('debug sidecar is appended on request', () => {
    const spec = injectPodSpec(app, values({ debugContainer: { image: { version: 'dbg' } } }), ctx, { debugSidecar: true });
    assert.deepEqual(names(spec.containers), ['app', 'linkerd-debug']);
    assert.equal(spec.containers[1].image, 'cr.l5d.io/linkerd/debug:dbg');
    assert.equal(buildDebugContainer(values()).image, 'cr.l5d.io/linkerd/debug:v1');
  });

  test('proxyContainerName renames the proxy', () => {
    const c = buildProxyContainer(values({ proxyContainerName: 'sidecar' }), ctx);
    assert.equal(c.name, 'sidecar');
    assert.equal(envValue(c, '_pod_containerName'), 'sidecar');
  });
});

describe('proxy env', () => {
  test('opaque ports, ingress and gateway modes', () => {
    const c = buildProxyContainer(values({ proxy: { opaquePorts: '3000,mysql', isIngress: true, isGateway: true } }), ctx);
    assert.equal(envValue(c, 'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION'), '3000,mysql');
    assert.equal(envValue(c, 'LINKERD2_PROXY_INGRESS_MODE'), 'true');
    assert.equal(envValue(c, 'LINKERD2_PROXY_INBOUND_GATEWAY_SUFFIXES'), 'svc.cluster.local.');
    assert.equal(env(buildProxyContainer(values({ proxy: { opaquePorts: '' } }), ctx), 'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION'), undefined);
  });

  test('ports reach listen addresses, probes and container ports', () => {
    const c = buildProxyContainer(values({ proxy: { ports: { admin: 5191, control: 5190, inbound: 5143, outbound: 5140 } } }), ctx);
    assert.equal(envValue(c, 'LINKERD2_PROXY_ADMIN_LISTEN_ADDR'), '0.0.0.0:5191');
    assert.equal(envValue(c, 'LINKERD2_PROXY_CONTROL_LISTEN_ADDR'), '0.0.0.0:5190');
    assert.equal(envValue(c, 'LINKERD2_PROXY_INBOUND_LISTEN_ADDR'), '0.0.0.0:5143');
    assert.equal(envValue(c, 'LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS'), '127.0.0.1:5140');
    assert.equal(c.livenessProbe?.httpGet?.port, 5191);
    assert.deepEqual(c.ports?.map((p) => p.containerPort), [5143, 5191]);
  });

  test('IPv6 enabled: dual-stack listen addresses', () => {
    const c = buildProxyContainer(values({ disableIPv6: false }), ctx);
    assert.equal(envValue(c, 'LINKERD2_PROXY_INBOUND_LISTEN_ADDR'), '[::]:4143');
    assert.equal(envValue(c, 'LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS'), '127.0.0.1:4140,[::1]:4140');
    assert.ok(!buildProxyInitContainer(values({ disableIPv6: false })).args!.includes('--ipv6=false'));
  });

  test('log settings, HTTP header logging, access log, shutdown', () => {
    const c = buildProxyContainer(
      values({ proxy: { logLevel: 'debug', logFormat: 'json', logHTTPHeaders: 'insecure', accessLog: 'apache', shutdownGracePeriod: '30s', enableShutdownEndpoint: true } }),
      ctx,
    );
    assert.equal(envValue(c, 'LINKERD2_PROXY_LOG'), 'debug');
    assert.equal(envValue(c, 'LINKERD2_PROXY_LOG_FORMAT'), 'json');
    assert.equal(envValue(c, 'LINKERD2_PROXY_ACCESS_LOG'), 'apache');
    assert.equal(envValue(c, 'LINKERD2_PROXY_SHUTDOWN_GRACE_PERIOD'), '30s');
    assert.equal(envValue(c, 'LINKERD2_PROXY_SHUTDOWN_ENDPOINT_ENABLED'), 'true');
    assert.equal(envValue(buildProxyContainer(values(), ctx), 'LINKERD2_PROXY_LOG'), 'warn,linkerd=info,hickory=error,[{headers}]=off,[{request}]=off');
  });

  test('timeouts, detection toggles, policy, identity ports, metrics, keep-alives', () => {
    const c = buildProxyContainer(
      values({
        proxy: {
          inboundConnectTimeout: '1s', outboundConnectTimeout: '2s',
          inboundDiscoveryCacheUnusedTimeout: '3s', outboundDiscoveryCacheUnusedTimeout: '4s',
          disableInboundProtocolDetectTimeout: true, disableOutboundProtocolDetectTimeout: true,
          defaultInboundPolicy: 'deny', requireIdentityOnInboundPorts: '8080',
          metrics: { hostnameLabels: true },
          inbound: { server: { http2: { keepAliveInterval: '20s', keepAliveTimeout: '5s' } } },
          control: { streams: { initialTimeout: '1s', idleTimeout: '2m', lifetime: '3h' } },
          enableExternalProfiles: true,
        },
        clusterNetworks: '10.0.0.0/8',
      }),
      ctx,
    );
    const expect: Record<string, string> = {
      LINKERD2_PROXY_INBOUND_CONNECT_TIMEOUT: '1s',
      LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT: '2s',
      LINKERD2_PROXY_INBOUND_DISCOVERY_IDLE_TIMEOUT: '3s',
      LINKERD2_PROXY_OUTBOUND_DISCOVERY_IDLE_TIMEOUT: '4s',
      LINKERD2_PROXY_INBOUND_DETECT_TIMEOUT: '365d',
      LINKERD2_PROXY_OUTBOUND_DETECT_TIMEOUT: '365d',
      LINKERD2_PROXY_INBOUND_DEFAULT_POLICY: 'deny',
      LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_IDENTITY: '8080',
      LINKERD2_PROXY_OUTBOUND_METRICS_HOSTNAME_LABELS: 'true',
      LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_INTERVAL: '20s',
      LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_TIMEOUT: '5s',
      LINKERD2_PROXY_CONTROL_STREAM_LIFETIME: '3h',
      LINKERD2_PROXY_POLICY_CLUSTER_NETWORKS: '10.0.0.0/8',
      LINKERD2_PROXY_DESTINATION_PROFILE_NETWORKS: '10.0.0.0/8',
      LINKERD2_PROXY_DESTINATION_PROFILE_SUFFIXES: '.',
    };
    for (const [k, v] of Object.entries(expect)) assert.equal(envValue(c, k), v, k);
  });

  test('control-plane namespace, cluster domain and trust domain shape the addresses and identities', () => {
    const c = buildProxyContainer(values({ clusterDomain: 'example.org', identityTrustDomain: 'td.example' }), { controlPlaneNamespace: 'mesh' });
    assert.equal(envValue(c, 'LINKERD2_PROXY_DESTINATION_SVC_ADDR'), 'linkerd-dst-headless.mesh.svc.example.org.:8086');
    assert.equal(envValue(c, 'LINKERD2_PROXY_POLICY_SVC_ADDR'), 'linkerd-policy.mesh.svc.example.org.:8090');
    assert.equal(envValue(c, 'LINKERD2_PROXY_IDENTITY_SVC_ADDR'), 'linkerd-identity-headless.mesh.svc.example.org.:8080');
    assert.equal(envValue(c, 'LINKERD2_PROXY_IDENTITY_SVC_NAME'), 'linkerd-identity.mesh.serviceaccount.identity.mesh.td.example');
    assert.equal(envValue(c, '_l5d_trustdomain'), 'td.example');
    assert.equal(envValue(c, 'LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS'), PEM);
  });

  test('a control-plane component dials itself on localhost and reads the roots from the ConfigMap', () => {
    const dst = buildProxyContainer(values(), { ...ctx, component: 'linkerd-destination', loadTrustBundleFromConfigMap: true });
    assert.equal(envValue(dst, 'LINKERD2_PROXY_DESTINATION_SVC_ADDR'), 'localhost.:8086');
    assert.equal(envValue(dst, 'LINKERD2_PROXY_POLICY_SVC_ADDR'), 'localhost.:8090');
    assert.deepEqual(env(dst, 'LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS')?.valueFrom?.configMapKeyRef, { name: 'linkerd-identity-trust-roots', key: 'ca-bundle.crt' });
    const id = buildProxyContainer(values(), { ...ctx, component: 'linkerd-identity', requireTLSOnInboundPorts: '8080' });
    assert.equal(envValue(id, 'LINKERD2_PROXY_IDENTITY_SVC_ADDR'), 'localhost.:8080');
    assert.equal(envValue(id, 'LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_TLS'), '8080');
  });

  test('workers: minimum, deprecated cores, maximum and CPU ratio', () => {
    const c = buildProxyContainer(values({ proxy: { runtime: { workers: { minimum: 2, maximum: 4, maximumCPURatio: 0.5 } } } }), ctx);
    assert.equal(envValue(c, 'LINKERD2_PROXY_CORES'), '2');
    assert.equal(envValue(c, 'LINKERD2_PROXY_CORES_MIN'), '2');
    assert.equal(envValue(c, 'LINKERD2_PROXY_CORES_MAX'), '4');
    assert.equal(envValue(c, 'LINKERD2_PROXY_CORES_MAX_RATIO'), '0.5');
    assert.equal(envValue(buildProxyContainer(values({ proxy: { cores: 3 } }), ctx), 'LINKERD2_PROXY_CORES'), '3');
    assert.equal(cpuQuantityToCores('1500m'), 1.5);
    assert.equal(workersForCpu('100m'), 1);
    assert.equal(workersForCpu('2.5'), 3);
  });

  test('extra env, token projection off, tracing', () => {
    const c = buildProxyContainer(
      values({
        proxy: {
          additionalEnv: [{ name: 'A', value: '1' }],
          experimentalEnv: [{ name: 'B', value: '2' }],
          tracing: { enabled: true, collector: { endpoint: 'otel:4317', meshIdentity: { serviceAccountName: 'otel', namespace: 'obs' } } },
        },
        identity: { serviceAccountTokenProjection: false },
      }),
      ctx,
    );
    assert.equal(envValue(c, 'A'), '1');
    assert.equal(envValue(c, 'B'), '2');
    assert.equal(envValue(c, 'LINKERD2_PROXY_IDENTITY_TOKEN_FILE'), '/var/run/secrets/kubernetes.io/serviceaccount/token');
    assert.ok(!c.volumeMounts!.some((m) => m.name === 'linkerd-identity-token'));
    assert.equal(envValue(c, 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR'), 'otel:4317');
    assert.equal(envValue(c, 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_NAME'), 'otel.obs.serviceaccount.identity.linkerd.cluster.local');
    assert.match(envValue(c, 'LINKERD2_PROXY_TRACE_EXTRA_ATTRIBUTES') ?? '', /k8s\.pod\.ip=\$\(_pod_ip\)/);
    const vols = buildProxyVolumes(values({ identity: { serviceAccountTokenProjection: false }, proxy: { tracing: { enabled: true } } })).map((v) => v.name);
    assert.deepEqual(vols, ['linkerd-proxy-init-xtables-lock', 'linkerd-identity-end-entity', 'linkerd-podinfo']);
  });
});

describe('proxy container', () => {
  test('resources reach the proxy, linkerd-init and the validator', () => {
    const v = values({ proxy: { resources: { cpu: { limit: '1', request: '100m' }, memory: { limit: '250Mi', request: '' } } } });
    const want = { limits: { cpu: '1', memory: '250Mi' }, requests: { cpu: '100m' } };
    assert.deepEqual(buildProxyContainer(v, ctx).resources, want);
    assert.deepEqual(buildProxyInitContainer(v).resources, want);
    assert.deepEqual(buildNetworkValidatorContainer(v).resources, want);
    assert.equal(buildProxyContainer(values(), ctx).resources, undefined);
  });

  test('image, pull policy, uid/gid, capabilities and custom securityContext', () => {
    const c = buildProxyContainer(values({ proxy: { image: { name: 'reg/proxy', version: 'p1', pullPolicy: 'Always' }, uid: 1000, gid: 2000, capabilities: { drop: ['ALL'] } } }), ctx);
    assert.equal(c.image, 'reg/proxy:p1');
    assert.equal(c.imagePullPolicy, 'Always');
    assert.equal(c.securityContext?.runAsUser, 1000);
    assert.equal(c.securityContext?.runAsGroup, 2000);
    assert.deepEqual(c.securityContext?.capabilities, { drop: ['ALL'] });
    assert.equal(buildProxyContainer(values(), ctx).securityContext?.runAsGroup, undefined);
    const custom = buildProxyContainer(values({ proxy: { securityContext: { runAsUser: 7 } } }), ctx);
    assert.deepEqual(custom.securityContext, { runAsUser: 7 });
  });

  test('probe settings', () => {
    const c = buildProxyContainer(values({ proxy: { livenessProbe: { initialDelaySeconds: 30, timeoutSeconds: 5 }, startupProbe: { periodSeconds: 2, failureThreshold: 60, initialDelaySeconds: 1 } } }), ctx);
    assert.equal(c.livenessProbe?.initialDelaySeconds, 30);
    assert.equal(c.livenessProbe?.timeoutSeconds, 5);
    assert.deepEqual(c.startupProbe, { httpGet: { path: '/ready', port: 4191 }, initialDelaySeconds: 1, periodSeconds: 2, failureThreshold: 60 });
  });

  test('omitEmptyLikeGo drops what Go would', () => {
    const c = omitEmptyLikeGo(buildProxyContainer(values(), ctx));
    assert.equal(c.startupProbe?.initialDelaySeconds, undefined);
    const ports = c.env!.find((e) => e.name === 'LINKERD2_PROXY_INBOUND_PORTS');
    assert.deepEqual(ports, { name: 'LINKERD2_PROXY_INBOUND_PORTS' });
  });
});

describe('linkerd-init', () => {
  const args = (v: MeshValues) => buildProxyInitContainer(v).args!;
  const after = (list: string[], flag: string) => list[list.indexOf(flag) + 1];

  test('ports, uid/gid, skipped ports and subnets', () => {
    const a = args(values({ proxy: { gid: 3 }, proxyInit: { ignoreInboundPorts: '222', ignoreOutboundPorts: '111', skipSubnets: '10.1.0.0/16', closeWaitTimeoutSecs: 60, logLevel: 'debug', logFormat: 'json' } }));
    assert.equal(after(a, '--inbound-ports-to-ignore'), '4190,4191,222');
    assert.equal(after(a, '--outbound-ports-to-ignore'), '111');
    assert.equal(after(a, '--subnets-to-ignore'), '10.1.0.0/16');
    assert.equal(after(a, '--proxy-gid'), '3');
    assert.equal(after(a, '--timeout-close-wait-secs'), '60');
    assert.equal(after(a, '--log-level'), 'debug');
    assert.equal(after(a, '--log-format'), 'json');
    const none = args(values({ proxyInit: { ignoreInboundPorts: '', ignoreOutboundPorts: '' } }));
    assert.equal(after(none, '--inbound-ports-to-ignore'), '4190,4191');
    assert.ok(!none.includes('--outbound-ports-to-ignore'));
  });

  test('iptables mode selects the firewall binaries', () => {
    assert.equal(after(args(values({ proxyInit: { iptablesMode: 'legacy' } })), '--firewall-bin-path'), 'iptables-legacy');
    assert.equal(after(args(values()), '--firewall-save-bin-path'), 'iptables-nft-save');
    assert.throws(() => args(values({ proxyInit: { iptablesMode: 'bogus' } })), /iptablesMode/);
  });

  test('runAsRoot, privileged and close-wait', () => {
    const root = buildProxyInitContainer(values({ proxyInit: { runAsRoot: true } })).securityContext!;
    assert.deepEqual([root.runAsUser, root.runAsGroup, root.runAsNonRoot], [0, 0, false]);
    const priv = buildProxyInitContainer(values({ proxyInit: { closeWaitTimeoutSecs: 10 } })).securityContext!;
    assert.deepEqual([priv.privileged, priv.allowPrivilegeEscalation], [true, true]);
    const plain = buildProxyInitContainer(values()).securityContext!;
    assert.deepEqual([plain.privileged, plain.runAsUser, plain.runAsGroup], [false, 65534, 65534]);
  });

  test('xtMountPath names the lock volume and its mount', () => {
    const v = values({ proxyInit: { xtMountPath: { mountPath: '/xt', name: 'xt-lock' } } });
    assert.deepEqual(buildProxyInitContainer(v).volumeMounts, [{ mountPath: '/xt', name: 'xt-lock' }]);
    assert.equal(buildProxyVolumes(v)[0].name, 'xt-lock');
  });
});

describe('network validator', () => {
  test('addresses follow the values and IPv6', () => {
    const c = buildNetworkValidatorContainer(values({ disableIPv6: false, networkValidator: { connectAddr: '', listenAddr: '', timeout: '5s', logLevel: 'info' } }));
    assert.deepEqual(c.args, ['--log-format', 'plain', '--log-level', 'info', '--connect-addr', '[fd00::1]:20001', '--listen-addr', '[::]:4140', '--timeout', '5s']);
    const set = buildNetworkValidatorContainer(values({ networkValidator: { connectAddr: '8.8.8.8:1', listenAddr: '0.0.0.0:9' } }));
    assert.equal(set.args![5], '8.8.8.8:1');
    assert.equal(set.args![7], '0.0.0.0:9');
  });
});

describe('pod metadata', () => {
  test('proxy-version and trust-root-sha256 annotations; owner labels', () => {
    const a = proxyPodAnnotations(values({ proxy: { image: { version: 'pv' } } }));
    assert.equal(a['linkerd.io/proxy-version'], 'pv');
    assert.match(a['linkerd.io/trust-root-sha256'], /^[0-9a-f]{64}$/);
    assert.deepEqual(proxyPodLabels({ controlPlaneNamespace: 'linkerd', workloadNamespace: 'app', ownerKind: 'deployment', ownerName: 'web' }), {
      'linkerd.io/control-plane-ns': 'linkerd',
      'linkerd.io/proxy-deployment': 'web',
      'linkerd.io/workload-ns': 'app',
    });
  });
});
