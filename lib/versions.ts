/**
 * Release facts of the Linkerd version meshform renders (upstream tag edge-26.8.3), in one place so a
 * version bump is a one-file change.
 */

/** The Linkerd release: control-plane, proxy and debug image tags default to it. */
export const LINKERD_VERSION = 'edge-26.8.3';

/** The linkerd2-proxy binary inside the proxy image (upstream's `.proxy-version`). */
export const PROXY_BINARY_VERSION = 'v2.366.0';

/** proxy-init binary shipped in the proxy image. */
export const PROXY_INIT_VERSION = 'v2.4.9';

/** network-validator binary shipped in the proxy image. */
export const NETWORK_VALIDATOR_VERSION = 'v0.1.9';

/** Default registry of every Linkerd image. */
export const DEFAULT_REGISTRY = 'cr.l5d.io/linkerd';

/** CNI plugin image. */
export const CNI_PLUGIN_IMAGE = `${DEFAULT_REGISTRY}/cni-plugin`;
/** CNI plugin tag the CLI (`linkerd install-cni`) uses. */
export const CNI_PLUGIN_VERSION_CLI = 'v1.6.8';
/** CNI plugin tag the linkerd2-cni Helm chart defaults to. */
export const CNI_PLUGIN_VERSION_CHART = 'v1.7.0-alpha.1';

/** Helm-only namespace-metadata Job image (viz, multicluster). */
export const EXTENSION_INIT_IMAGE = `${DEFAULT_REGISTRY}/extension-init:v0.1.12`;

/** The viz Prometheus image. */
export const PROMETHEUS_IMAGE = 'prom/prometheus:v2.55.1';

/** The multicluster gateway's pause container. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.2';

/** Bundled Gateway API CRD version (experimental channel). */
export const GATEWAY_API_BUNDLE_VERSION = 'v1.1.1';

/** Minimum Kubernetes version every chart declares (`kubeVersion: ">=1.31.0-0"`). */
export const MIN_KUBERNETES_VERSION = '1.31.0';

/** The literal that upstream's charts carry as `linkerdVersion` until the CLI substitutes it. */
export const VERSION_PLACEHOLDER = 'linkerdVersionValue';

/** Replaces the chart placeholder with the real release, as the CLI does at render time. */
export function substituteVersion(version: string, release: string = LINKERD_VERSION): string {
  return version === VERSION_PLACEHOLDER ? release : version;
}
