/**
 * Upstream's viz defaults (viz/charts/linkerd-viz/values.yaml at edge-26.8.3) as our own data.
 * Keys upstream leaves empty (`UID:`, `proxy:`, `tolerations:`, `grafana.url:`...) are omitted: a Helm
 * null and an absent key render identically, and omitting them keeps the typed tree free of nulls.
 */
import type { ResourceRequirementsValues, VizImageValues, VizValues, VizWebhookTlsValues } from './types.js';

const emptyResources = (): ResourceRequirementsValues => ({
  cpu: { limit: '', request: '' },
  memory: { limit: '', request: '' },
  'ephemeral-storage': { limit: '', request: '' },
});

const image = (name: string, tag = ''): VizImageValues => ({ registry: '', name, tag, pullPolicy: '' });

const linuxNodes = () => ({ 'kubernetes.io/os': 'linux' });

const webhookTls = (): VizWebhookTlsValues => ({
  externalSecret: false,
  crtPEM: '',
  keyPEM: '',
  caBundle: '',
  injectCaFrom: '',
  injectCaFromSecret: '',
});

const component = (imageName: string) => ({
  replicas: 1,
  logLevel: '',
  logFormat: '',
  image: image(imageName),
  resources: emptyResources(),
  service: { annotations: {} },
});

/** A fresh, fully populated default value tree (callers may mutate their copy). */
export function vizDefaults(): VizValues {
  return {
    linkerdVersion: 'linkerdVersionValue',
    clusterDomain: 'cluster.local',
    podLabels: {},
    commonLabels: {},
    identityTrustDomain: '',
    revisionHistoryLimit: 10,
    defaultRegistry: 'cr.l5d.io/linkerd',
    defaultImagePullPolicy: 'IfNotPresent',
    defaultLogLevel: 'info',
    defaultLogFormat: 'plain',
    defaultUID: 2103,
    defaultGID: 2103,
    linkerdNamespace: 'linkerd',
    nodeSelector: linuxNodes(),
    imagePullSecrets: [],
    enablePodAntiAffinity: false,
    enablePodDisruptionBudget: false,
    createNamespaceMetadataJob: true,
    enablePSP: false,
    prometheusUrl: '',
    prometheusCredsSecret: '',
    jaegerUrl: '',
    metricsAPI: { ...component('metrics-api'), nodeSelector: linuxNodes() },
    tap: { ...component('tap'), ...webhookTls(), ignoreHeaders: [] },
    tapInjector: {
      ...component('tap'),
      ...webhookTls(),
      namespaceSelector: {
        matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }],
      },
      failurePolicy: 'Ignore',
    },
    dashboard: {
      ...component('web'),
      restrictPrivileges: false,
      enforcedHostRegexp: '',
      service: { annotations: {}, labels: {} },
    },
    namespaceMetadata: { image: image('extension-init', 'v0.1.12'), nodeSelector: linuxNodes() },
    grafana: {},
    prometheus: {
      enabled: true,
      image: { registry: 'prom', name: 'prometheus', tag: 'v2.55.1', pullPolicy: '' },
      logLevel: '',
      logFormat: '',
      args: {
        'storage.tsdb.path': '/data',
        'storage.tsdb.retention.time': '6h',
        'config.file': '/etc/prometheus/prometheus.yml',
      },
      globalConfig: { scrape_interval: '10s', scrape_timeout: '10s', evaluation_interval: '10s' },
      podAnnotations: {},
      resources: emptyResources(),
      nodeSelector: linuxNodes(),
    },
  };
}
