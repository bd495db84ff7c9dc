/**
 * Who may reach the extension's admin ports: viz's Prometheus scrapes every proxy's admin port and the
 * mirrors' own admin servers (`linkerd mc gateways` reads those metrics). Another Prometheus needs an
 * extra AuthorizationPolicy.
 */
import { PROXY_ADMIN_PORT_NAME } from '../../lib/k8s/names.js';
import type { KubeObject } from '../../lib/manifest.js';
import { EXTENSION, EXTENSION_LABEL, mcLabels, type MulticlusterContext } from './context.js';

const PROMETHEUS = { kind: 'ServiceAccount', name: 'prometheus', namespace: 'linkerd-viz' };

function serverAndPolicy(ctx: MulticlusterContext, name: string, port: string, component: string | undefined): KubeObject[] {
  const extra: Record<string, string> = component ? { component } : {};
  const metadata = { namespace: ctx.namespace, name, labels: mcLabels(ctx, extra) };
  return [
    {
      apiVersion: 'policy.linkerd.io/v1beta3',
      kind: 'Server',
      metadata,
      spec: { podSelector: { matchLabels: { [EXTENSION_LABEL]: EXTENSION, ...extra } }, port, proxyProtocol: 'HTTP/1' },
    },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: structuredClone(metadata),
      spec: {
        targetRef: { group: 'policy.linkerd.io', kind: 'Server', name },
        requiredAuthenticationRefs: [{ ...PROMETHEUS }],
      },
    },
  ];
}

export function adminPolicyObjects(ctx: MulticlusterContext): KubeObject[] {
  return [
    ...serverAndPolicy(ctx, 'linkerd-admin', PROXY_ADMIN_PORT_NAME, undefined),
    // Service mirrors of links made with the legacy `linkerd-multicluster-link` chart.
    ...serverAndPolicy(ctx, 'service-mirror', 'svcmi-admin', 'linkerd-service-mirror'),
    ...serverAndPolicy(ctx, 'controller', 'ctrl-admin', 'controller'),
    ...serverAndPolicy(ctx, 'local-service-mirror', 'locsm-admin', 'local-service-mirror'),
  ];
}
