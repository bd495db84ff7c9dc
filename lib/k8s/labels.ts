/**
 * Linkerd's label and annotation names (upstream `pkg/k8s/labels.go`), named once for every layer:
 * charts, injection, identity, multicluster links and the CLI spell a key only through these
 * constants — and so the cert-manager injection annotations Linkerd's charts write. Framework-free
 * and dependency-free, so it sits below every other lib/ folder.
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
/**
 * `identity.issuer.scheme` values (upstream's IdentityIssuerScheme*): the chart holds the issuer's
 * key and certificate, or the cluster does (a kubernetes.io/tls Secret, e.g. from cert-manager).
 */
export const ISSUER_SCHEME_LINKERD = 'linkerd.io/tls';
export const ISSUER_SCHEME_KUBERNETES = 'kubernetes.io/tls';
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

/** Extra proxy env entries as JSON (meshform's proxy-config; not one of the injector's overrides). */
export const PROXY_ADDITIONAL_ENV_ANNOTATION = 'config.linkerd.io/proxy-additional-env';
/** Pod and object labels naming the control plane (labels.go `ControllerNSLabel`, `ControllerComponentLabel`). */
export const CONTROL_PLANE_NS_LABEL = 'linkerd.io/control-plane-ns';
/** The namespace label marking the control plane's own namespace. */
export const IS_CONTROL_PLANE_LABEL = 'linkerd.io/is-control-plane';
/** Label of a meshed pod naming its namespace (labels.go `WorkloadNamespaceLabel`). */
export const WORKLOAD_NS_LABEL = 'linkerd.io/workload-ns';
/** `linkerd.io/proxy-<kind>`: the owner label of a meshed pod (`proxy-deployment`, `proxy-statefulset`…). */
export const proxyOwnerLabel = (kind: string): string => `${LINKERD_PREFIX}/proxy-${kind}`;
export const PROXY_DEPLOYMENT_LABEL = proxyOwnerLabel('deployment');
/** The proxy version and trust-root digest a meshed pod carries (the latter rolls pods on a new root). */
export const PROXY_VERSION_ANNOTATION = 'linkerd.io/proxy-version';
export const TRUST_ROOT_SHA256_ANNOTATION = 'linkerd.io/trust-root-sha256';
/** The extension an object belongs to (`viz`, `multicluster`; labels.go `LinkerdExtensionLabel`). */
export const EXTENSION_LABEL = 'linkerd.io/extension';
/** Namespaces (and their pods) with this label `disabled` are skipped by Linkerd's admission webhooks. */
export const ADMISSION_WEBHOOKS_LABEL = 'config.linkerd.io/admission-webhooks';
/** Objects of the CNI plugin, which the injector must never mesh. */
export const CNI_RESOURCE_LABEL = 'linkerd.io/cni-resource';
/** viz's namespace annotation naming an external Prometheus. */
export const VIZ_EXTERNAL_PROMETHEUS_ANNOTATION = 'viz.linkerd.io/external-prometheus';
/** The multicluster label naming the linked cluster an object belongs to. */
export const MIRROR_CLUSTER_NAME_LABEL = 'mirror.linkerd.io/cluster-name';

/*
 * Multicluster names that `link-gen` and the service mirror read (labels.go's `SvcMirrorPrefix`
 * names, `multicluster/cmd`): the gateway Service's annotations and port names, the mirror's
 * selector labels, and the credentials Secret in the control-plane namespace.
 */

/** Annotations on the multicluster gateway Service. */
export const GATEWAY_ANNOTATIONS = {
  /** The gateway proxy's identity (`GatewayIdentity`). */
  identity: 'mirror.linkerd.io/gateway-identity',
  /** Probe period in seconds (`GatewayProbePeriod`). */
  probePeriod: 'mirror.linkerd.io/probe-period',
  /** Probe path (`GatewayProbePath`). */
  probePath: 'mirror.linkerd.io/probe-path',
  /** `"true"` marks a Service as a multicluster gateway (`MulticlusterGatewayAnnotation`). */
  multiclusterGateway: 'mirror.linkerd.io/multicluster-gateway',
} as const;
/** The gateway Service's port names (`GatewayPortName`, `ProbePortName`). */
export const GATEWAY_PORT_NAME = 'mc-gateway';
export const GATEWAY_PROBE_PORT_NAME = 'mc-probe';
/** `"true"` on the source cluster's `probe-gateway-<link>` Service (`MirroredGatewayLabel`). */
export const MIRRORED_GATEWAY_LABEL = 'mirror.linkerd.io/mirrored-gateway';
/** The label whose value selects a Service for mirroring (`DefaultExportedServiceSelector`). */
export const MIRROR_EXPORTED_LABEL = 'mirror.linkerd.io/exported';
/** The label whose `member` value joins a Service to a federated service (`DefaultFederatedServiceSelector`). */
export const MIRROR_FEDERATED_LABEL = 'mirror.linkerd.io/federated';
/** link-gen's default selectors: mirrored, remote-discovery and federated Services. */
export const DEFAULT_MIRROR_SELECTORS = {
  exported: `${MIRROR_EXPORTED_LABEL}=true`,
  remoteDiscovery: `${MIRROR_EXPORTED_LABEL}=remote-discovery`,
  federated: `${MIRROR_FEDERATED_LABEL}=member`,
} as const;
/** The type of a Link's `cluster-credentials-<name>` Secret (`MirrorSecretType`). */
export const MIRROR_CREDENTIALS_SECRET_TYPE = 'mirror.linkerd.io/remote-kubeconfig';
/** Label and annotations of `cluster-credentials-<name>` in the control-plane namespace. */
export const LINK_CREDENTIALS_CLUSTER_NAME_LABEL = 'multicluster.linkerd.io/cluster-name';
export const LINK_TRUST_DOMAIN_ANNOTATION = 'multicluster.linkerd.io/trust-domain';
export const LINK_CLUSTER_DOMAIN_ANNOTATION = 'multicluster.linkerd.io/cluster-domain';

/**
 * Retry and timeout annotations on Services, HTTPRoutes and GRPCRoutes (TRAFFIC.md §2.2), read by the
 * policy controller for client-side (outbound) proxies.
 */
export const RETRY_ANNOTATIONS = {
  http: 'retry.linkerd.io/http',
  grpc: 'retry.linkerd.io/grpc',
  limit: 'retry.linkerd.io/limit',
  timeout: 'retry.linkerd.io/timeout',
} as const;
export const TIMEOUT_ANNOTATIONS = {
  request: 'timeout.linkerd.io/request',
  response: 'timeout.linkerd.io/response',
  idle: 'timeout.linkerd.io/idle',
} as const;
/** Circuit breaking on a Service (TRAFFIC.md §3): the mode and its consecutive-failure parameters. */
export const FAILURE_ACCRUAL_ANNOTATIONS = {
  mode: 'balancer.linkerd.io/failure-accrual',
  maxFailures: 'balancer.linkerd.io/failure-accrual-consecutive-max-failures',
  minPenalty: 'balancer.linkerd.io/failure-accrual-consecutive-min-penalty',
  maxPenalty: 'balancer.linkerd.io/failure-accrual-consecutive-max-penalty',
  jitterRatio: 'balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio',
} as const;
/** Prefixes of the retry, timeout and failure-accrual annotations (a ServiceProfile with routes overrides them all). */
export const RESILIENCE_ANNOTATION_PREFIXES: readonly string[] = ['retry.linkerd.io/', 'timeout.linkerd.io/', FAILURE_ACCRUAL_ANNOTATIONS.mode];

/**
 * cert-manager's CA injector fills a webhook's (or APIService's, or CRD conversion's) `caBundle` in
 * the cluster when one of these annotations is present; Linkerd's charts write the first two
 * (`injectCaFrom`, `injectCaFromSecret`).
 */
export const CERT_MANAGER_CA_INJECTION = {
  fromCertificate: 'cert-manager.io/inject-ca-from',
  fromSecret: 'cert-manager.io/inject-ca-from-secret',
  apiServerCa: 'cert-manager.io/inject-apiserver-ca',
} as const;
export const CERT_MANAGER_CA_INJECTION_ANNOTATIONS: readonly string[] = Object.values(CERT_MANAGER_CA_INJECTION);
