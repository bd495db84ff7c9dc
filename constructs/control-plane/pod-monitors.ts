/**
 * Prometheus Operator PodMonitors (`podMonitor.enabled`): control-plane admin endpoints, multicluster
 * service mirrors and every meshed proxy. Custom resources (monitoring.coreos.com/v1), so typed locally.
 * Written from upstream's podmonitor template; no golden covers it.
 */
import { MeshformError } from '../../lib/errors.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';
import type { KubeObject } from '../../lib/manifest.js';
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

/**
 * `podMonitor.controller.namespaceSelector` is a Helm template string: upstream runs `tpl` on it
 * (with the release in scope) and parses the result. meshform supports the one variable it uses.
 */
export function expandNamespaceSelector(template: string, namespace: string): Record<string, unknown> {
  const text = template.replace(/\{\{-?\s*\.Release\.Namespace\s*-?\}\}/g, namespace);
  if (/\{\{/.test(text)) {
    throw new MeshformError('invalid podMonitor values', [
      {
        path: 'podMonitor.controller.namespaceSelector',
        value: template,
        message: 'only the {{ .Release.Namespace }} template variable is supported',
      },
    ]);
  }
  const parsed: unknown = parseYamlDocument(text, 'podMonitor.controller.namespaceSelector');
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

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
    const container = ctx.values.proxyContainerName || 'linkerd-proxy';
    out.push(
      monitor('linkerd-proxy', { any: true }, pm.proxy.honorTimestamps, [
        keep(
          [
            '__meta_kubernetes_pod_container_name',
            '__meta_kubernetes_pod_container_port_name',
            '__meta_kubernetes_pod_label_linkerd_io_control_plane_ns',
          ],
          `^${container};linkerd-admin;${ctx.namespace}$`,
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
