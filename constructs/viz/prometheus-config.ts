/**
 * viz Prometheus's `prometheus.yml` as an object: Linkerd's scrape jobs (control plane, viz, multicluster
 * controllers, every meshed proxy, plus cAdvisor for the Kubernetes dashboards), then the user's
 * pass-through sections. Serialized with `toYaml` into the prometheus-config ConfigMap.
 */
import { PROXY_ADMIN_PORT_NAME } from '../../lib/k8s/names.js';
import type { JsonValue } from '../../lib/values/viz/types.js';
import type { VizContext } from './context.js';

type Job = { readonly [key: string]: JsonValue };

const keepAdminPorts = (regex: string, labels: string[]): Job => ({ source_labels: labels, action: 'keep', regex });
const dropProxyAdmin: Job = { source_labels: ['__meta_kubernetes_pod_container_port_name'], action: 'drop', regex: PROXY_ADMIN_PORT_NAME };
const containerAsComponent: Job = {
  source_labels: ['__meta_kubernetes_pod_container_name'],
  action: 'replace',
  target_label: 'component',
};

function cadvisorJob(): Job {
  return {
    job_name: 'kubernetes-nodes-cadvisor',
    scheme: 'https',
    tls_config: { ca_file: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', insecure_skip_verify: true },
    bearer_token_file: '/var/run/secrets/kubernetes.io/serviceaccount/token',
    kubernetes_sd_configs: [{ role: 'node' }],
    relabel_configs: [
      { action: 'labelmap', regex: '__meta_kubernetes_node_label_(.+)' },
      { target_label: '__address__', replacement: 'kubernetes.default.svc:443' },
      {
        source_labels: ['__meta_kubernetes_node_name'],
        regex: '(.+)',
        target_label: '__metrics_path__',
        replacement: '/api/v1/nodes/$1/proxy/metrics/cadvisor',
      },
    ],
    metric_relabel_configs: [
      { source_labels: ['__name__'], regex: '(container|machine)_(cpu|memory|network|fs)_(.+)', action: 'keep' },
      // A large metric no Linkerd dashboard uses.
      { source_labels: ['__name__'], regex: 'container_memory_failures_total', action: 'drop' },
    ],
  };
}

/** Turns the proxy's pod labels into series labels (k8s `job` becomes `k8s_job` to keep Prometheus' own). */
function proxyRelabelConfigs(linkerdNamespace: string): JsonValue[] {
  return [
    { source_labels: ['__meta_kubernetes_pod_phase'], regex: '(Pending|Running)', action: 'keep' },
    keepAdminPorts(`^linkerd-proxy;${PROXY_ADMIN_PORT_NAME};${linkerdNamespace}$`, [
      '__meta_kubernetes_pod_container_name',
      '__meta_kubernetes_pod_container_port_name',
      '__meta_kubernetes_pod_label_linkerd_io_control_plane_ns',
    ]),
    { source_labels: ['__meta_kubernetes_namespace'], action: 'replace', target_label: 'namespace' },
    { source_labels: ['__meta_kubernetes_pod_name'], action: 'replace', target_label: 'pod' },
    { source_labels: ['__meta_kubernetes_pod_label_linkerd_io_proxy_job'], action: 'replace', target_label: 'k8s_job' },
    { action: 'labeldrop', regex: '__meta_kubernetes_pod_label_linkerd_io_proxy_job' },
    { action: 'labelmap', regex: '__meta_kubernetes_pod_label_linkerd_io_proxy_(.+)' },
    { action: 'labeldrop', regex: '__meta_kubernetes_pod_label_linkerd_io_proxy_(.+)' },
    { action: 'labelmap', regex: '__meta_kubernetes_pod_label_linkerd_io_(.+)' },
    { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(.+)', replacement: '__tmp_pod_label_$1' },
    { action: 'labelmap', regex: '__tmp_pod_label_linkerd_io_(.+)', replacement: '__tmp_pod_label_$1' },
    { action: 'labeldrop', regex: '__tmp_pod_label_linkerd_io_(.+)' },
    { action: 'labelmap', regex: '__tmp_pod_label_(.+)' },
  ];
}

export function prometheusConfig(ctx: VizContext): { readonly [key: string]: JsonValue } {
  const p = ctx.values.prometheus;
  const linkerdNs = ctx.values.linkerdNamespace;
  // `metricRelabelConfigs` trims what Linkerd's own jobs store (cardinality control).
  const metricRelabel: Job = p.metricRelabelConfigs?.length ? { metric_relabel_configs: [...p.metricRelabelConfigs] } : {};
  const linkerdJobs: Job[] = [
    {
      job_name: 'linkerd-controller',
      kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [linkerdNs, ctx.namespace] } }],
      relabel_configs: [
        keepAdminPorts('.*admin$', ['__meta_kubernetes_pod_container_port_name']),
        dropProxyAdmin,
        containerAsComponent,
      ],
      ...metricRelabel,
    },
    {
      job_name: 'linkerd-multicluster-controller',
      kubernetes_sd_configs: [{ role: 'pod' }],
      relabel_configs: [
        keepAdminPorts('(linkerd-service-mirror|controller);.*-admin$', [
          '__meta_kubernetes_pod_label_component',
          '__meta_kubernetes_pod_container_port_name',
        ]),
        dropProxyAdmin,
        containerAsComponent,
      ],
      ...metricRelabel,
    },
    {
      job_name: 'linkerd-proxy',
      kubernetes_sd_configs: [{ role: 'pod' }],
      relabel_configs: proxyRelabelConfigs(linkerdNs),
      ...metricRelabel,
    },
  ];
  const alerting = p.alertmanagers?.length || p.alertRelabelConfigs?.length;
  return {
    ...(Object.keys(p.globalConfig ?? {}).length ? { global: { ...p.globalConfig } } : {}),
    ...(p.remoteWrite?.length ? { remote_write: [...p.remoteWrite] } : {}),
    rule_files: ['/etc/prometheus/*_rules.yml', '/etc/prometheus/*_rules.yaml'],
    scrape_configs: [
      { job_name: 'prometheus', static_configs: [{ targets: ['localhost:9090'] }] },
      cadvisorJob(),
      ...linkerdJobs,
      ...(p.scrapeConfigs ?? []),
    ],
    ...(alerting
      ? { alerting: { alert_relabel_configs: [...(p.alertRelabelConfigs ?? [])], alertmanagers: [...(p.alertmanagers ?? [])] } }
      : {}),
  };
}
