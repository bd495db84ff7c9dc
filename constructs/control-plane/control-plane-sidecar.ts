/**
 * The sidecar of a control-plane pod: the value tree and proxy context it is rendered from, and the
 * pod-template annotations (created-by, proxy version, trust root, default inbound policy).
 */
import { hasResources } from '../../lib/pod/resources.js';
import {
  PROXY_VERSION_ANNOTATION,
  proxyPodAnnotations,
  TRUST_ROOT_SHA256_ANNOTATION,
  type ProxyContext,
} from '../../lib/proxy/index.js';
import type { MeshValues, ProxyValues, ResourceRequirementsValues } from '../../lib/values/mesh/types.js';
import type { ControlPlaneContext } from './context.js';
import { createdBy, CREATED_BY_ANNOTATION } from './labels.js';
import { ANNOTATIONS } from '../../lib/k8s/labels.js';

// The policy controller reads its own pod's default policy from this annotation.
const DEFAULT_INBOUND_POLICY_ANNOTATION = ANNOTATIONS.defaultInboundPolicy;

export interface SidecarOverrides {
  /** `proxy.*` keys the component's template sets. @default {} */
  readonly proxy?: Partial<ProxyValues>;
  /** `<component>ProxyResources`: replaces `proxy.resources` when it sets anything. @default - keep */
  readonly proxyResources?: ResourceRequirementsValues | null;
}

/**
 * The value tree a control-plane pod's sidecar is rendered from: the user's values with the
 * component's overrides, the kube API ports skipped outbound (controllers must reach the API server
 * before their proxy is ready), and every capability dropped from the proxy container.
 */
export function controlPlaneProxyValues(values: MeshValues, overrides: SidecarOverrides = {}): MeshValues {
  const resources = hasResources(overrides.proxyResources) ? overrides.proxyResources! : values.proxy.resources;
  return {
    ...values,
    proxy: {
      ...values.proxy,
      capabilities: values.proxy.capabilities ?? { drop: ['ALL'] },
      ...overrides.proxy,
      resources,
    },
    proxyInit: { ...values.proxyInit, ignoreOutboundPorts: values.proxyInit.kubeAPIServerPorts },
  };
}

/** The proxy context of a control-plane component. */
export function controlPlaneProxyContext(ctx: ControlPlaneContext, component: string, extra: Partial<ProxyContext> = {}): ProxyContext {
  return { controlPlaneNamespace: ctx.namespace, component, loadTrustBundleFromConfigMap: true, ...extra };
}

/** Pod-template annotations: created-by, the proxy's, then the user's and the component's own. */
export function controlPlanePodAnnotations(
  ctx: ControlPlaneContext,
  proxyValues: MeshValues,
  options: { readonly checksum?: string; readonly component?: Readonly<Record<string, string>>; readonly extra?: Readonly<Record<string, string>> } = {},
): Record<string, string> {
  const proxy = proxyPodAnnotations(proxyValues);
  return {
    ...(options.checksum ? { 'checksum/config': options.checksum } : {}),
    [CREATED_BY_ANNOTATION]: createdBy(ctx),
    [PROXY_VERSION_ANNOTATION]: proxy[PROXY_VERSION_ANNOTATION],
    // The control plane must survive node scale-downs by being rescheduled, never blocked.
    'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true',
    [TRUST_ROOT_SHA256_ANNOTATION]: proxy[TRUST_ROOT_SHA256_ANNOTATION],
    ...ctx.values.podAnnotations,
    ...options.component,
    ...options.extra,
    // Identity bootstrap needs unauthenticated access to the control plane whatever the mesh default.
    [DEFAULT_INBOUND_POLICY_ANNOTATION]: 'all-unauthenticated',
  };
}
