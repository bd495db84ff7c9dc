/**
 * The viz namespace, rendered by CLI installs only (a Helm release installs into an existing namespace).
 * Pod security is `privileged` unless the core runs with CNI (no init container needs NET_ADMIN then).
 */
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { KubeObject } from '../../lib/manifest.js';
import { EXTENSION_LABELS, kube, type VizContext } from './context.js';
import { VIZ_EXTERNAL_PROMETHEUS_ANNOTATION } from '../../lib/k8s/labels.js';

export function vizNamespace(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const ns: INamespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: {
        ...EXTENSION_LABELS,
        'pod-security.kubernetes.io/enforce': v.cniEnabled ? 'restricted' : 'privileged',
        ...v.commonLabels,
      },
      // `linkerd viz check` and the dashboard read this to know Prometheus is not viz's own.
      annotations: v.prometheusUrl ? { [VIZ_EXTERNAL_PROMETHEUS_ANNOTATION]: v.prometheusUrl } : {},
    },
  };
  return [kube(ns)];
}
