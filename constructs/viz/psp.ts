/**
 * `enablePSP`: lets the viz ServiceAccounts use the control plane's PodSecurityPolicy. PSPs left
 * Kubernetes in 1.25; the value survives upstream for old clusters, so it is honoured here too.
 */
import type { KubeObject } from '../../lib/manifest.js';
import type { VizContext } from './context.js';
import { role, roleBinding, rule } from './rbac.js';

export function podSecurityPolicyRbac(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  if (!v.enablePSP) return [];
  const labels = { namespace: ctx.namespace };
  const accounts = ['metrics-api', ...(v.prometheus.enabled ? ['prometheus'] : []), 'tap', 'tap-injector', 'web'];
  return [
    role(ctx, 'psp', ctx.namespace, labels, [
      rule(['policy', 'extensions'], ['podsecuritypolicies'], ['use'], [`linkerd-${v.linkerdNamespace}-control-plane`]),
    ]),
    roleBinding(ctx, 'viz-psp', ctx.namespace, labels, { kind: 'Role', name: 'psp' }, accounts),
  ];
}
