/**
 * Annotation and label keys of the injection surface (upstream `pkg/k8s/labels.go`), named once so the
 * decision, override and uninject code never spell a key twice.
 */

/** Prefix of every key Linkerd writes itself; `uninject` strips keys starting with it. */
export const LINKERD_PREFIX = 'linkerd.io';
/** Prefix of the per-workload configuration annotations (kept by `uninject`). */
export const CONFIG_PREFIX = 'config.linkerd.io';

export const INJECT_ANNOTATION = 'linkerd.io/inject';
export const INJECT_ENABLED = 'enabled';
export const INJECT_DISABLED = 'disabled';
export const INJECT_INGRESS = 'ingress';

export const CREATED_BY_ANNOTATION = 'linkerd.io/created-by';
/** Label carried by control-plane pods; their metadata is left alone by `uninject`. */
export const CONTROL_PLANE_COMPONENT_LABEL = 'linkerd.io/control-plane-component';

/** `config.linkerd.io/<name>`. */
const config = (name: string) => `${CONFIG_PREFIX}/${name}`;

/** Every per-workload override annotation the injector honours (REFERENCE §4.1). */
export const ANNOTATIONS = {
  proxyImage: config('proxy-image'),
  proxyVersion: config('proxy-version'),
  imagePullPolicy: config('image-pull-policy'),
  debugImage: config('debug-image'),
  debugImageVersion: config('debug-image-version'),
  debugImagePullPolicy: config('debug-image-pull-policy'),
  enableDebugSidecar: config('enable-debug-sidecar'),
  adminPort: config('admin-port'),
  controlPort: config('control-port'),
  inboundPort: config('inbound-port'),
  outboundPort: config('outbound-port'),
  skipInboundPorts: config('skip-inbound-ports'),
  skipOutboundPorts: config('skip-outbound-ports'),
  skipSubnets: config('skip-subnets'),
  opaquePorts: config('opaque-ports'),
  podInboundPorts: config('pod-inbound-ports'),
  closeWaitTimeout: config('close-wait-timeout'),
  cpuRequest: config('proxy-cpu-request'),
  cpuLimit: config('proxy-cpu-limit'),
  cpuRatioLimit: config('proxy-cpu-ratio-limit'),
  memoryRequest: config('proxy-memory-request'),
  memoryLimit: config('proxy-memory-limit'),
  ephemeralStorageRequest: config('proxy-ephemeral-storage-request'),
  ephemeralStorageLimit: config('proxy-ephemeral-storage-limit'),
  uid: config('proxy-uid'),
  gid: config('proxy-gid'),
  requireIdentityOnInboundPorts: config('proxy-require-identity-inbound-ports'),
  logLevel: config('proxy-log-level'),
  logFormat: config('proxy-log-format'),
  logHttpHeaders: config('proxy-log-http-headers'),
  accessLog: config('access-log'),
  enableExternalProfiles: config('enable-external-profiles'),
  defaultInboundPolicy: config('default-inbound-policy'),
  outboundConnectTimeout: config('proxy-outbound-connect-timeout'),
  inboundConnectTimeout: config('proxy-inbound-connect-timeout'),
  outboundDiscoveryCacheUnusedTimeout: config('proxy-outbound-discovery-cache-unused-timeout'),
  inboundDiscoveryCacheUnusedTimeout: config('proxy-inbound-discovery-cache-unused-timeout'),
  disableOutboundProtocolDetectTimeout: config('proxy-disable-outbound-protocol-detect-timeout'),
  disableInboundProtocolDetectTimeout: config('proxy-disable-inbound-protocol-detect-timeout'),
  metricsHostnameLabels: config('proxy-metrics-hostname-labels'),
  adminShutdown: config('proxy-admin-shutdown'),
  await: config('proxy-await'),
  shutdownGracePeriod: config('shutdown-grace-period'),
  waitBeforeExitSeconds: 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds',
  nativeSidecar: config('proxy-enable-native-sidecar'),
  /** Deprecated spellings of `nativeSidecar`, still honoured. */
  nativeSidecarAlpha: 'config.alpha.linkerd.io/proxy-enable-native-sidecar',
  nativeSidecarBeta: 'config.beta.linkerd.io/proxy-enable-native-sidecar',
  enableGateway: config('enable-gateway'),
} as const;

/** Kinds whose pod template can be meshed, with the `linkerd.io/proxy-<kind>` owner label they get. */
export const WORKLOAD_KINDS = [
  'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Pod',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Containers and volumes injection adds, which `uninject` removes. */
export const INJECTED_CONTAINER_NAMES: readonly string[] = ['linkerd-init', 'linkerd-proxy', 'linkerd-network-validator', 'linkerd-debug'];
export const INJECTED_VOLUME_NAMES: readonly string[] = [
  'linkerd-identity-end-entity', 'linkerd-proxy-init-xtables-lock', 'linkerd-identity-token',
];
/** Where Kubernetes mounts the default service-account token. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
