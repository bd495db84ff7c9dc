/**
 * What upstream's proxy partials read besides the value tree: `.Release.Namespace` (the control
 * plane's namespace, which every proxy dials for identity, destination and policy) and the few keys
 * the control-plane templates `set` on `.Values.proxy` before including a partial (`component`,
 * `loadTrustBundleFromConfigMap`, `requireTLSOnInboundPorts`). They are not user values, so they live
 * here rather than in `MeshValues`.
 */

export interface ProxyContext {
  /** Namespace of the Linkerd control plane (upstream's `.Release.Namespace` in the partials). */
  readonly controlPlaneNamespace: string;
  /**
   * Control-plane component hosting this proxy, as upstream's `proxy.component` (e.g.
   * `linkerd-destination`). The destination and identity pods dial their own controller on
   * `localhost.` instead of the cluster Service.
   * @default - a data-plane workload
   */
  readonly component?: string;
  /**
   * Read the trust anchors from the `linkerd-identity-trust-roots` ConfigMap instead of inlining the
   * PEM (control-plane pods do this; injected workloads get the PEM inline).
   * @default false
   */
  readonly loadTrustBundleFromConfigMap?: boolean;
  /**
   * Comma-separated inbound ports on which the proxy requires TLS (the identity controller requires
   * it on its gRPC port). @default - none
   */
  readonly requireTLSOnInboundPorts?: string;
}

/** Names and paths upstream hard-codes in the partials. */
export const PROXY_INIT_CONTAINER_NAME = 'linkerd-init';
export const NETWORK_VALIDATOR_CONTAINER_NAME = 'linkerd-network-validator';
export const DEBUG_CONTAINER_NAME = 'linkerd-debug';
export const DEFAULT_PROXY_CONTAINER_NAME = 'linkerd-proxy';

export const IDENTITY_END_ENTITY_VOLUME = 'linkerd-identity-end-entity';
export const IDENTITY_END_ENTITY_PATH = '/var/run/linkerd/identity/end-entity';
export const IDENTITY_TOKEN_VOLUME = 'linkerd-identity-token';
export const IDENTITY_TOKEN_DIR = '/var/run/secrets/tokens';
/** Audience of the projected token the proxy presents to the identity controller. */
export const IDENTITY_TOKEN_AUDIENCE = 'identity.l5d.io';
/** Where the default (non-projected) service-account token is mounted. */
export const DEFAULT_SA_TOKEN_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Downward-API volume with the pod's labels, read by the proxy's trace exporter. */
export const PODINFO_VOLUME = 'linkerd-podinfo';
export const PODINFO_PATH = '/var/run/linkerd/podinfo';

export { TRUST_ROOTS_CONFIGMAP, TRUST_ROOTS_KEY } from '../k8s/names.js';

export const PROXY_INIT_BINARY = '/usr/lib/linkerd/linkerd2-proxy-init';
export const NETWORK_VALIDATOR_BINARY = '/usr/lib/linkerd/linkerd2-network-validator';
export const LINKERD_AWAIT_BINARY = '/usr/lib/linkerd/linkerd-await';
