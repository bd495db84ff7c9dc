import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { ValueTree } from '../../lib/values/tree.js';
import { container, find, render } from './render-helpers.js';

const PEM = '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n';

describe('VizChart values', () => {
  it('renders objects that pass the Kubernetes 1.33 schema', async () => {
    for (const o of render({}, { ha: true })) {
      const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
      if (group.endsWith('linkerd.io')) continue;
      const mod = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${o.kind}`);
      new mod[o.kind](o).validate();
    }
  });

  it('--ha: replicas, anti-affinity, rolling strategy, PDBs and resources', () => {
    const objects = render({}, { ha: true });
    const tap = find(objects, 'Deployment', 'tap');
    assert.equal(tap.spec.replicas, 3);
    assert.deepEqual(tap.spec.strategy, { rollingUpdate: { maxUnavailable: 1 } });
    const anti = tap.spec.template.spec.affinity.podAntiAffinity;
    assert.deepEqual(anti.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values, ['tap']);
    assert.deepEqual(container(objects, 'tap').resources, { limits: { memory: '250Mi' }, requests: { cpu: '100m', memory: '50Mi' } });
    assert.deepEqual(container(objects, 'prometheus').resources.limits, { memory: '8192Mi' });
    const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.metadata?.name).sort();
    assert.deepEqual(pdbs, ['metrics-api', 'tap', 'tap-injector', 'web']);
    assert.equal(find(objects, 'Deployment', 'prometheus').spec.template.spec.affinity, undefined);
  });

  it('images, pull policy, log settings, UID/GID', () => {
    const objects = render({
      defaultRegistry: 'my.reg/l5d',
      defaultLogLevel: 'debug',
      defaultImagePullPolicy: 'Always',
      metricsAPI: { image: { tag: 'v9' }, logFormat: 'json', UID: 1234, GID: 5678 },
      dashboard: { image: { registry: 'other.reg', pullPolicy: 'Never' }, logLevel: 'warn' },
      prometheus: { image: { registry: 'quay.io/prometheus', tag: 'v3.0.0' }, logFormat: 'json' },
    });
    const api = container(objects, 'metrics-api');
    assert.equal(api.image, 'my.reg/l5d/metrics-api:v9');
    assert.equal(api.imagePullPolicy, 'Always');
    assert.ok(api.args.includes('-log-level=debug') && api.args.includes('-log-format=json'));
    assert.equal(api.securityContext.runAsUser, 1234);
    assert.equal(api.securityContext.runAsGroup, 5678);
    const webC = container(objects, 'web');
    assert.equal(webC.image, 'other.reg/web:dev-undefined');
    assert.equal(webC.imagePullPolicy, 'Never');
    assert.ok(webC.args.includes('-log-level=warn'));
    const prom = container(objects, 'prometheus');
    assert.equal(prom.image, 'quay.io/prometheus/prometheus:v3.0.0');
    assert.deepEqual(prom.args.slice(0, 2), ['--log.level=debug', '--log.format=json']);
  });

  it('labels, annotations, scheduling and proxy resources', () => {
    const objects = render({
      commonLabels: { team: 'obs' },
      podLabels: { tier: 'viz' },
      tolerations: [{ key: 'viz', operator: 'Exists' }],
      nodeSelector: { pool: 'infra' },
      tap: { proxy: { resources: { cpu: { request: '10m', limit: '1' }, memory: { limit: '64Mi' } } } },
      metricsAPI: { service: { annotations: { a: 'b' } } },
      dashboard: { service: { labels: { exposed: 'yes' } } },
      prometheus: { podAnnotations: { scrape: 'me' } },
    });
    for (const o of objects) assert.equal((o.metadata?.labels as Record<string, string> | undefined)?.team, 'obs', `${o.kind}/${o.metadata?.name}`);
    const tap = find(objects, 'Deployment', 'tap').spec.template;
    assert.equal(tap.metadata.labels.tier, 'viz');
    assert.equal(tap.metadata.annotations['config.linkerd.io/proxy-cpu-request'], '10m');
    assert.equal(tap.metadata.annotations['config.linkerd.io/proxy-cpu-limit'], '1');
    assert.equal(tap.metadata.annotations['config.linkerd.io/proxy-memory-limit'], '64Mi');
    assert.deepEqual(tap.spec.tolerations, [{ key: 'viz', operator: 'Exists' }]);
    // Helm merges maps: the default OS selector stays unless set to null.
    assert.deepEqual(tap.spec.nodeSelector, { 'kubernetes.io/os': 'linux', pool: 'infra' });
    // metrics-api and Prometheus schedule by their own nodeSelector keys.
    assert.deepEqual(find(objects, 'Deployment', 'metrics-api').spec.template.spec.nodeSelector, { 'kubernetes.io/os': 'linux' });
    assert.equal(find(objects, 'Service', 'metrics-api').metadata.annotations.a, 'b');
    assert.equal(find(objects, 'Service', 'web').metadata.labels.exposed, 'yes');
    assert.equal(find(objects, 'Deployment', 'prometheus').spec.template.metadata.annotations.scrape, 'me');
  });

  it('namespace, linkerdNamespace, clusterDomain, trust domain and cniEnabled', () => {
    const objects = render(
      { linkerdNamespace: 'l5d', clusterDomain: 'example.org', identityTrustDomain: 'td.example', cniEnabled: true },
      { namespace: 'obs' },
    );
    const ns = find(objects, 'Namespace', 'obs');
    assert.equal(ns.metadata.labels['pod-security.kubernetes.io/enforce'], 'restricted');
    assert.ok(find(objects, 'ClusterRole', 'linkerd-obs-tap'));
    assert.equal(find(objects, 'Role', 'web').metadata.namespace, 'l5d');
    assert.ok(container(objects, 'tap').args.includes('-identity-trust-domain=td.example'));
    assert.ok(container(objects, 'tap-injector').args.includes('-tap-service-name=tap.obs.serviceaccount.identity.l5d.td.example'));
    assert.ok(container(objects, 'metrics-api').args.includes('-prometheus-url=http://prometheus.obs.svc.example.org:9090'));
    assert.ok(find(objects, 'ServiceProfile', 'metrics-api.obs.svc.example.org'));
    const config = parse(find(objects, 'ConfigMap', 'prometheus-config').data['prometheus.yml']);
    assert.deepEqual(config.scrape_configs[2].kubernetes_sd_configs[0].namespaces.names, ['l5d', 'obs']);
    assert.equal(config.scrape_configs[4].relabel_configs[1].regex, '^linkerd-proxy;linkerd-admin;l5d$');
  });

  it('dashboard: grafana, jaeger, host regexp and restricted privileges', () => {
    const objects = render({
      grafana: { externalUrl: 'https://grafana.example', uidPrefix: 'l5d' },
      jaegerUrl: 'jaeger.tracing:16686',
      dashboard: { enforcedHostRegexp: '.*', restrictPrivileges: true },
    });
    const args = container(objects, 'web').args;
    for (const a of ['-grafana-external-addr=https://grafana.example', '-grafana-prefix=l5d', '-jaeger-addr=jaeger.tracing:16686', '-enforced-host=.*']) {
      assert.ok(args.includes(a), a);
    }
    assert.ok(!objects.some((o) => o.metadata?.name === 'linkerd-linkerd-viz-web-check'));
    assert.ok(!objects.some((o) => o.metadata?.name === 'linkerd-linkerd-viz-web-admin'));
    assert.equal(find(objects, 'Role', 'web').rules.length, 1);
    assert.ok(container(render({ grafana: { url: 'grafana.grafana:3000' } }), 'web').args.includes('-grafana-addr=grafana.grafana:3000'));
  });

  it('tap and tap-injector TLS: secrets, CA bundle, cert-manager injection, selectors', () => {
    const objects = render({
      tap: { externalSecret: false, crtPEM: PEM, keyPEM: 'KEY', caBundle: PEM, ignoreHeaders: ['authorization', 'cookie'] },
      tapInjector: { caBundle: '', injectCaFromSecret: 'linkerd-viz/tap-injector-ca', objectSelector: { matchLabels: { tap: 'yes' } }, failurePolicy: 'Fail' },
    });
    const secret = find(objects, 'Secret', 'tap-k8s-tls');
    assert.equal(secret.type, 'kubernetes.io/tls');
    assert.equal(Buffer.from(secret.data['tls.crt'], 'base64').toString(), PEM.trim());
    assert.equal(Buffer.from(find(objects, 'APIService', 'v1alpha1.tap.linkerd.io').spec.caBundle, 'base64').toString(), PEM.trim());
    assert.ok(!objects.some((o) => o.kind === 'Secret' && o.metadata?.name === 'tap-injector-k8s-tls'));
    const hook = find(objects, 'MutatingWebhookConfiguration', 'linkerd-tap-injector-webhook-config');
    assert.equal(hook.metadata.annotations['cert-manager.io/inject-ca-from-secret'], 'linkerd-viz/tap-injector-ca');
    assert.equal(hook.webhooks[0].clientConfig.caBundle, undefined);
    assert.deepEqual(hook.webhooks[0].objectSelector, { matchLabels: { tap: 'yes' } });
    assert.equal(hook.webhooks[0].failurePolicy, 'Fail');
    assert.ok(container(objects, 'tap').args.includes('-ignore-headers=authorization,cookie'));
  });

  it('prometheus pass-through settings and external Prometheus', () => {
    const objects = render({
      prometheus: {
        args: { 'storage.tsdb.retention.time': '24h', 'web.enable-lifecycle': '' },
        globalConfig: { scrape_interval: '30s' },
        remoteWrite: [{ url: 'http://cortex/push' }],
        alertmanagers: [{ static_configs: [{ targets: ['am:9093'] }] }],
        scrapeConfigs: [{ job_name: 'extra' }],
        metricRelabelConfigs: [{ action: 'labeldrop', regex: 'x' }],
        ruleConfigMapMounts: [{ name: 'alerts', subPath: 'alerting_rules.yml', configMap: 'prom-rules' }],
        sidecarContainers: [{ name: 'sidecar', image: 'busybox' }],
        persistence: { accessMode: 'ReadWriteOnce', size: '10Gi', storageClass: 'fast' },
      },
      prometheusCredsSecret: 'prom-creds',
    });
    const prom = find(objects, 'Deployment', 'prometheus').spec.template.spec;
    assert.ok(prom.containers[0].args.includes('--storage.tsdb.retention.time=24h'));
    assert.ok(prom.containers[0].args.includes('--web.enable-lifecycle'));
    assert.equal(prom.containers[1].name, 'sidecar');
    assert.equal(prom.containers[0].volumeMounts[0].mountPath, '/etc/prometheus/alerting_rules.yml');
    assert.deepEqual(prom.volumes.find((v: { name: string }) => v.name === 'data').persistentVolumeClaim, { claimName: 'prometheus' });
    assert.equal(find(objects, 'PersistentVolumeClaim', 'prometheus').spec.storageClassName, 'fast');
    const config = parse(find(objects, 'ConfigMap', 'prometheus-config').data['prometheus.yml']);
    assert.deepEqual(config.global, { scrape_interval: '30s', scrape_timeout: '10s', evaluation_interval: '10s' });
    assert.deepEqual(config.remote_write, [{ url: 'http://cortex/push' }]);
    assert.equal(config.alerting.alertmanagers[0].static_configs[0].targets[0], 'am:9093');
    assert.equal(config.scrape_configs.at(-1).job_name, 'extra');
    assert.deepEqual(config.scrape_configs[4].metric_relabel_configs, [{ action: 'labeldrop', regex: 'x' }]);
    const env = container(objects, 'metrics-api').env;
    assert.deepEqual(env.map((e: { valueFrom: { secretKeyRef: { name: string } } }) => e.valueFrom.secretKeyRef.name), ['prom-creds', 'prom-creds']);

    const external = render({ prometheus: { enabled: false }, prometheusUrl: 'http://thanos:9090' });
    assert.ok(!external.some((o) => o.kind === 'Deployment' && o.metadata?.name === 'prometheus'));
    assert.equal(find(external, 'Namespace', 'linkerd-viz').metadata.annotations['viz.linkerd.io/external-prometheus'], 'http://thanos:9090');
    assert.ok(container(external, 'metrics-api').args.includes('-prometheus-url=http://thanos:9090'));
  });

  it('imagePullSecrets, nodeAffinity and PSP', () => {
    const objects = render({
      imagePullSecrets: [{ name: 'regcred' }],
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] } },
      enablePSP: true,
    });
    assert.deepEqual(find(objects, 'ServiceAccount', 'tap').imagePullSecrets, [{ name: 'regcred' }]);
    assert.ok(find(objects, 'Deployment', 'web').spec.template.spec.affinity.nodeAffinity);
    assert.equal(find(objects, 'RoleBinding', 'viz-psp').subjects.length, 5);
  });
});

describe('prometheus.args', () => {
  const args = (prometheus: ValueTree) => container(render({ prometheus }), 'prometheus').args as string[];
  it('log flags come from logLevel/logFormat unless args sets them', () => {
    assert.deepEqual(args({ logLevel: 'warn' }).slice(0, 2), ['--log.level=warn', '--log.format=logfmt']);
    const own = args({ logLevel: 'warn', args: { 'log.level': 'debug', 'log.format': 'json' } });
    assert.equal(own.filter((a) => a.startsWith('--log.')).join(' '), '--log.format=json --log.level=debug');
  });
  it('a Go-false value renders the bare flag', () => {
    const own = args({ args: { 'web.enable-lifecycle': '', 'storage.tsdb.no-lockfile': false, 'query.max-samples': 0 } });
    for (const flag of ['--web.enable-lifecycle', '--storage.tsdb.no-lockfile', '--query.max-samples']) assert.ok(own.includes(flag), flag);
  });
});
