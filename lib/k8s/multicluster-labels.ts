/**
 * Multicluster names that `link-gen` and the service mirror read (upstream `pkg/k8s/labels.go`,
 * `multicluster/cmd`): the gateway Service's annotations and port names, and the labels and
 * annotations of the credentials Secret in the control-plane namespace. Kept beside labels.ts.
 */

/** Annotations on the multicluster gateway Service. */
export const GATEWAY_ANNOTATIONS = {
  /** The gateway proxy's identity (`GatewayIdentity`). */
  identity: 'mirror.linkerd.io/gateway-identity',
  /** Probe period in seconds (`GatewayProbePeriod`). */
  probePeriod: 'mirror.linkerd.io/probe-period',
  /** Probe path (`GatewayProbePath`). */
  probePath: 'mirror.linkerd.io/probe-path',
  /** `"true"` marks a Service as a multicluster gateway. */
  multiclusterGateway: 'mirror.linkerd.io/multicluster-gateway',
} as const;

/** The gateway Service's port names (`GatewayPortName`, `ProbePortName`). */
export const GATEWAY_PORT_NAME = 'mc-gateway';
export const GATEWAY_PROBE_PORT_NAME = 'mc-probe';

/** Label and annotations of `cluster-credentials-<name>` in the control-plane namespace. */
export const LINK_CREDENTIALS_CLUSTER_NAME_LABEL = 'multicluster.linkerd.io/cluster-name';
export const LINK_TRUST_DOMAIN_ANNOTATION = 'multicluster.linkerd.io/trust-domain';
export const LINK_CLUSTER_DOMAIN_ANNOTATION = 'multicluster.linkerd.io/cluster-domain';
