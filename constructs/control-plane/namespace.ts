/**
 * The control plane's Namespace (applied first). Its Pod Security level follows `cniEnabled`: without
 * CNI, `linkerd-init` needs NET_ADMIN/NET_RAW, so the namespace must be `privileged`; with the CNI
 * plugin doing the iptables work, every control-plane pod fits `restricted`.
 */
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_NS_LABEL } from './labels.js';
import { ADMISSION_WEBHOOKS_LABEL, INJECT_ANNOTATION, INJECT_DISABLED, IS_CONTROL_PLANE_LABEL } from '../../lib/k8s/labels.js';

export const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export function controlPlaneNamespace(ctx: ControlPlaneContext): INamespace {
  // `default` is refused before rendering (lib/assembly/render-checks.ts), as upstream's template fails.
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      annotations: { [INJECT_ANNOTATION]: INJECT_DISABLED },
      labels: {
        [IS_CONTROL_PLANE_LABEL]: 'true',
        [ADMISSION_WEBHOOKS_LABEL]: 'disabled',
        [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
        [POD_SECURITY_ENFORCE_LABEL]: ctx.values.cniEnabled ? 'restricted' : 'privileged',
        ...ctx.values.commonLabels,
      },
    },
  };
}
