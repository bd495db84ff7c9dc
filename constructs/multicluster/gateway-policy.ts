/**
 * The gateway's inbound policy: its proxy port admits meshed clients (any identity) arriving from the
 * source clusters' networks, which default to everything because some providers (e.g. GKE) present
 * the local node's IP rather than the source cluster's.
 */
import { PROXY_INBOUND_PORT_NAME } from '../../lib/k8s/names.js';
import type { KubeObject } from '../../lib/manifest.js';
import { createdBy, mcLabels, type MulticlusterContext } from './context.js';

export function gatewayPolicyObjects(ctx: MulticlusterContext): KubeObject[] {
  if (!ctx.values.gateway.enabled) return [];
  const name = ctx.values.gateway.name;
  const namespace = ctx.namespace;
  const metadata = (objectName: string) => ({ namespace, name: objectName, labels: mcLabels(ctx, { app: name }), annotations: createdBy(ctx) });
  return [
    {
      apiVersion: 'policy.linkerd.io/v1beta3',
      kind: 'Server',
      metadata: metadata(name),
      spec: { podSelector: { matchLabels: { app: name } }, port: PROXY_INBOUND_PORT_NAME },
    },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: metadata(name),
      spec: {
        targetRef: { group: 'policy.linkerd.io', kind: 'Server', name },
        requiredAuthenticationRefs: [
          { group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'any-meshed', namespace },
          { group: 'policy.linkerd.io', kind: 'NetworkAuthentication', name: 'source-cluster', namespace },
        ],
      },
    },
    { apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'MeshTLSAuthentication', metadata: metadata('any-meshed'), spec: { identities: ['*'] } },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'NetworkAuthentication',
      metadata: metadata('source-cluster'),
      spec: { networks: [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }] },
    },
  ];
}
