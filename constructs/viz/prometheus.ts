/**
 * viz's own Prometheus (when `prometheus.enabled`): RBAC to discover and scrape pods and nodes, its
 * config, Service, Deployment and optional PVC. The admin Server and its AuthorizationPolicy are
 * rendered even when disabled, as upstream does (they then protect nothing).
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import { isGoTruthy } from '../../lib/values/go-truth.js';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { toYaml, type KubeObject } from '../../lib/manifest.js';
import { componentLabels, vizService, vizServiceAccount } from './component.js';
import { createdBy, EXTENSION_LABELS, kube, objectLabels, pullPolicy, type VizContext } from './context.js';
import { buildResources, proxyResourceAnnotations } from '../../lib/pod/resources.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { vizDeployment } from './pod.js';
import { authorizationPolicy, server } from './policy.js';
import { prometheusConfig } from './prometheus-config.js';
import { clusterName, clusterRole, clusterRoleBinding, rule } from './rbac.js';

const NAME = 'prometheus';
type AccessMode = NonNullable<NonNullable<IPersistentVolumeClaim['spec']>['accessModes']>[number];
/** The `nobody` user the upstream Prometheus image expects. */
const NOBODY = 65534;

export function prometheusRbac(ctx: VizContext): KubeObject[] {
  if (!ctx.values.prometheus.enabled) return [];
  const labels = componentLabels(ctx, NAME, false);
  return [
    clusterRole(ctx, clusterName(ctx, NAME), labels, [rule([''], ['nodes', 'nodes/proxy', 'pods'], ['get', 'list', 'watch'])]),
    clusterRoleBinding(ctx, clusterName(ctx, NAME), labels, clusterName(ctx, NAME), [NAME]),
    vizServiceAccount(ctx, NAME, componentLabels(ctx, NAME, true)),
  ];
}

/**
 * `--flag=value` for each arg in key order (Helm ranges over maps sorted); a Go-false value gives
 * `--flag`. The log flags come from `logLevel` / `logFormat` unless `args` sets them itself.
 */
function prometheusArgs(ctx: VizContext): string[] {
  const p = ctx.values.prometheus;
  const given = p.args ?? {};
  const args: string[] = [];
  if (!Object.prototype.hasOwnProperty.call(given, 'log.level')) args.push(`--log.level=${p.logLevel || ctx.values.defaultLogLevel}`);
  if (!Object.prototype.hasOwnProperty.call(given, 'log.format')) {
    args.push(`--log.format=${(p.logFormat || ctx.values.defaultLogFormat) === 'json' ? 'json' : 'logfmt'}`);
  }
  for (const key of Object.keys(given).sort()) {
    const value = given[key];
    args.push(isGoTruthy(value) ? `--${key}=${value}` : `--${key}`);
  }
  return args;
}

function prometheusContainer(ctx: VizContext): IContainer {
  const p = ctx.values.prometheus;
  const resources = buildResources(p.resources);
  const probe = (path: string) => ({ httpGet: { path, port: 9090 }, initialDelaySeconds: 30, timeoutSeconds: 30 });
  const ruleMounts: IVolumeMount[] = (p.ruleConfigMapMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: `/etc/prometheus/${m.subPath}`,
    subPath: m.subPath,
    readOnly: true,
  }));
  const image = p.image.registry ? `${p.image.registry}/${p.image.name}` : p.image.name;
  return {
    args: prometheusArgs(ctx),
    image: `${image}:${p.image.tag}`,
    imagePullPolicy: pullPolicy(ctx, { ...p.image, registry: '' }),
    livenessProbe: probe('/-/healthy'),
    name: NAME,
    ports: [{ containerPort: 9090, name: 'admin' }],
    readinessProbe: probe('/-/ready'),
    ...(resources ? { resources } : {}),
    securityContext: restrictedSecurityContext(NOBODY, NOBODY),
    volumeMounts: [
      ...ruleMounts,
      { mountPath: '/data', name: 'data' },
      { mountPath: '/etc/prometheus/prometheus.yml', name: 'prometheus-config', subPath: 'prometheus.yml', readOnly: true },
      kubeApiAccessMount(),
    ],
  };
}

function persistentVolumeClaim(ctx: VizContext): KubeObject[] {
  const persistence = ctx.values.prometheus.persistence;
  if (!persistence) return [];
  const pvc: IPersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: NAME,
      namespace: ctx.namespace,
      labels: objectLabels(ctx, componentLabels(ctx, NAME, true)),
      annotations: createdBy(ctx),
    },
    spec: {
      accessModes: [persistence.accessMode as AccessMode],
      resources: { requests: { storage: String(persistence.size) } },
      ...(persistence.storageClass ? { storageClassName: persistence.storageClass } : {}),
    },
  };
  return [kube(pvc)];
}

export function prometheus(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const p = v.prometheus;
  if (!p.enabled) return [];
  const labels = componentLabels(ctx, NAME, true);
  const selector = { ...EXTENSION_LABELS, ...labels };
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'prometheus-config', namespace: ctx.namespace, labels: objectLabels(ctx, labels), annotations: createdBy(ctx) },
    data: { 'prometheus.yml': toYaml(prometheusConfig(ctx)) },
  };
  const volumes: IVolume[] = [
    ...(p.ruleConfigMapMounts ?? []).map((m) => ({ name: m.name, configMap: { name: m.configMap } })),
    p.persistence ? { name: 'data', persistentVolumeClaim: { claimName: NAME } } : { name: 'data', emptyDir: {} },
    { name: 'prometheus-config', configMap: { name: 'prometheus-config' } },
    kubeApiAccessVolume(),
  ];
  return [
    kube(config),
    ...persistentVolumeClaim(ctx),
    vizService(ctx, {
      name: NAME,
      labels,
      annotations: {},
      selector: { ...EXTENSION_LABELS, component: NAME },
      ports: [{ name: 'admin', port: 9090, targetPort: 9090 }],
    }),
    vizDeployment(ctx, {
      name: NAME,
      component: NAME,
      replicas: 1,
      labels: {
        'app.kubernetes.io/name': NAME,
        'app.kubernetes.io/part-of': 'Linkerd',
        'app.kubernetes.io/version': v.linkerdVersion,
        ...labels,
      },
      selector,
      podLabels: selector,
      podAnnotations: { ...proxyResourceAnnotations(p.proxy), ...p.podAnnotations },
      safeToEvict: false,
      nodeSelector: p.nodeSelector,
      tolerations: p.tolerations,
      affinity: false,
      containers: [prometheusContainer(ctx), ...((p.sidecarContainers ?? []) as unknown as IContainer[])],
      podSecurityContext: restrictedPodSecurityContext({ fsGroup: NOBODY }),
      serviceAccountName: NAME,
      volumes,
    }),
  ];
}

/** Only the metrics-api may query Prometheus (grant Grafana with `LinkerdGrafanaDashboards`). */
export function prometheusPolicy(ctx: VizContext): KubeObject[] {
  return [
    server(ctx, 'prometheus-admin', {}, { ...EXTENSION_LABELS, ...componentLabels(ctx, NAME, true) }, 'admin', 'HTTP/1'),
    authorizationPolicy(ctx, 'prometheus-admin', {}, 'prometheus-admin', [
      { kind: 'ServiceAccount', name: 'metrics-api', namespace: ctx.namespace },
    ]),
  ];
}
