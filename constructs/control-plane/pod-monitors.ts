/**
 * Prometheus Operator PodMonitors (`podMonitor.enabled`): control-plane admin endpoints, multicluster
 * service mirrors and every meshed proxy. Custom resources (monitoring.coreos.com/v1), so typed locally.
 * Written from upstream's podmonitor template; no golden covers it.
 */
import { expandNamespaceSelector } from '../../lib/values/mesh/pod-monitor-selector.js';
import { PROXY_ADMIN_PORT_NAME } from '../../lib/k8s/names.js';
import type { KubeObject } from '../../lib/manifest.js';
import { proxyContainerName } from '../../lib/proxy/proxy-container.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';

interface Relabeling {
  readonly sourceLabels?: string[];
  readonly action: string;
  readonly regex?: string;
  readonly targetLabel?: string;
  readonly replacement?: string;
}

const keep = (sourceLabels: string[], regex: string): Relabeling => ({ sourceLabels, action: 'keep', regex });
const copy = (source: string, targetLabel: string): Relabeling => ({ sourceLabels: [source], action: 'replace', targetLabel });
const labelmap = (regex: string, replacement?: string): Relabeling => ({
  action: 'labelmap',
  regex,
  ...(replacement ? { replacement } : {}),
});
const labeldrop = (regex: string): Relabeling => ({ action: 'labeldrop', regex });

// Checked by the control plane's preparation (lib/assembly/render-checks.ts) before rendering.
export { expandNamespaceSelector };

export function podMonitors(ctx: ControlPlaneContext): KubeObject[] {
  const pm = ctx.values.podMonitor;
  if (!pm.enabled) return [];
  const monitor = (name: string, namespaceSelector: Record<string, unknown>, honorTimestamps: boolean, relabelings: Relabeling[]) => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: {
      name,
      namespace: ctx.namespace,
      labels: controlPlaneLabels(ctx, { extra: pm.labels }),
      annotations: createdByAnnotations(ctx),
    },
    spec: {
      namespaceSelector,
      selector: { matchLabels: {} },
      podMetricsEndpoints: [
        { interval: pm.scrapeInterval, scrapeTimeout: pm.scrapeTimeout, honorTimestamps, relabelings },
      ],
    },
  });
  const out: KubeObject[] = [];
  if (pm.controller.enabled) {
    out.push(
      monitor('linkerd-controller', expandNamespaceSelector(pm.controller.namespaceSelector, ctx.namespace), pm.controller.honorTimestamps, [
        keep(['__meta_kubernetes_pod_container_port_name'], 'admin-http'),
        copy('__meta_kubernetes_pod_container_name', 'component'),
      ]),
    );
  }
  if (pm.serviceMirror.enabled) {
    out.push(
      monitor('linkerd-service-mirror', { any: true }, pm.serviceMirror.honorTimestamps, [
        keep(['__meta_kubernetes_pod_label_component', '__meta_kubernetes_pod_container_port_name'], 'linkerd-service-mirror;admin-http$'),
        copy('__meta_kubernetes_pod_container_name', 'component'),
      ]),
    );
  }
  if (pm.proxy.enabled) {
    const container = proxyContainerName(ctx.values);
    out.push(
      monitor('linkerd-proxy', { any: true }, pm.proxy.honorTimestamps, [
        keep(
          [
            '__meta_kubernetes_pod_container_name',
            '__meta_kubernetes_pod_container_port_name',
            '__meta_kubernetes_pod_label_linkerd_io_control_plane_ns',
          ],
          `^${container};${PROXY_ADMIN_PORT_NAME};${ctx.namespace}$`,
        ),
        copy('__meta_kubernetes_namespace', 'namespace'),
        copy('__meta_kubernetes_pod_name', 'pod'),
        // Kubernetes' own "job" label would clash with Prometheus' `job`: keep it as `k8s_job`.
        copy('__meta_kubernetes_pod_label_linkerd_io_proxy_job', 'k8s_job'),
        labeldrop('__meta_kubernetes_pod_label_linkerd_io_proxy_job'),
        labelmap('__meta_kubernetes_pod_label_linkerd_io_proxy_(.+)'),
        labeldrop('__meta_kubernetes_pod_label_linkerd_io_proxy_(.+)'),
        labelmap('__meta_kubernetes_pod_label_linkerd_io_(.+)'),
        labelmap('__meta_kubernetes_pod_label_(.+)', '__tmp_pod_label_$1'),
        labelmap('__tmp_pod_label_linkerd_io_(.+)', '__tmp_pod_label_$1'),
        labeldrop('__tmp_pod_label_linkerd_io_(.+)'),
        labelmap('__tmp_pod_label_(.+)'),
      ]),
    );
  }
  return out;
}
