/**
 * Builders for the Linkerd policy objects viz ships to lock down its own servers: a Server per
 * protected port, an AuthorizationPolicy naming who may call it, and the authentications they refer to.
 * Viz pins Server to v1beta3 and the authn/authz kinds to v1alpha1, as upstream does.
 */
import type { KubeObject } from '../../lib/manifest.js';
import type { StringMap } from '../../lib/values/viz/types.js';
import { createdBy, objectLabels, type VizContext } from './context.js';

export const POLICY_GROUP = 'policy.linkerd.io';

/** A reference from `requiredAuthenticationRefs`. */
export interface AuthenticationRef {
  readonly group?: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

function policyMeta(ctx: VizContext, name: string, labels: StringMap) {
  return { namespace: ctx.namespace, name, labels: objectLabels(ctx, labels), annotations: createdBy(ctx) };
}

export function server(
  ctx: VizContext,
  name: string,
  labels: StringMap,
  podSelector: StringMap,
  port: string,
  proxyProtocol: 'HTTP/1' | 'HTTP/2' | 'gRPC' | 'TLS' | 'opaque' | 'unknown',
): KubeObject {
  return {
    apiVersion: `${POLICY_GROUP}/v1beta3`,
    kind: 'Server',
    metadata: policyMeta(ctx, name, labels),
    spec: { podSelector: { matchLabels: { ...podSelector } }, port, proxyProtocol },
  };
}

export function authorizationPolicy(
  ctx: VizContext,
  name: string,
  labels: StringMap,
  serverName: string,
  refs: readonly AuthenticationRef[],
): KubeObject {
  return {
    apiVersion: `${POLICY_GROUP}/v1alpha1`,
    kind: 'AuthorizationPolicy',
    metadata: policyMeta(ctx, name, labels),
    spec: {
      targetRef: { group: POLICY_GROUP, kind: 'Server', name: serverName },
      requiredAuthenticationRefs: refs.map((r) => ({ ...r })),
    },
  };
}

/** Mesh identities (ServiceAccounts in the viz namespace unless `namespace` is given). */
export function meshTlsAuthentication(
  ctx: VizContext,
  name: string,
  labels: StringMap,
  serviceAccounts: readonly { readonly name: string; readonly namespace?: string }[],
): KubeObject {
  return {
    apiVersion: `${POLICY_GROUP}/v1alpha1`,
    kind: 'MeshTLSAuthentication',
    metadata: policyMeta(ctx, name, labels),
    spec: { identityRefs: serviceAccounts.map((sa) => ({ kind: 'ServiceAccount', ...sa })) },
  };
}

/**
 * Any client address. Kubelet probes and the API server's webhook/aggregation calls come from
 * addresses that cannot be discovered from inside the cluster, so upstream allows every network.
 */
export function anyNetworkAuthentication(ctx: VizContext, name: string): KubeObject {
  return {
    apiVersion: `${POLICY_GROUP}/v1alpha1`,
    kind: 'NetworkAuthentication',
    metadata: policyMeta(ctx, name, {}),
    spec: { networks: [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }] },
  };
}
