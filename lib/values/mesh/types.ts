/**
 * The control-plane chart's complete value tree (upstream `charts/linkerd-control-plane/values.yaml`,
 * plus the keys documented there only as comments, the Go-only keys of the CLI's `Values` struct, and
 * the CRD chart's values, which the CLI merges into the same tree). Keys are spelled exactly as
 * upstream so a user's Helm values file maps onto this type unchanged, and so the `linkerd-config`
 * ConfigMap's `values` dump is this object serialized.
 *
 * Members that upstream leaves unset (commented out or Go-only) are optional; everything present in
 * upstream's values.yaml is required, because `meshDefaults()` always supplies it.
 */

/** A free-form map of strings (labels, annotations, node selectors). */
export type StringMap = { readonly [key: string]: string };

/** Free-form YAML/JSON passed through verbatim (affinity terms, tolerations, securityContext...). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** One `limit` / `request` pair of a resource; `''` means unset. */
export interface ResourceQuantityValues {
  /** @default '' (no limit) */
  readonly limit?: string | number;
  /** @default '' (no request) */
  readonly request?: string | number;
}

/** `{cpu, memory, ephemeral-storage}` as used by `proxy.resources` and the `*Resources` keys. */
export interface ResourceRequirementsValues {
  readonly cpu?: ResourceQuantityValues;
  readonly memory?: ResourceQuantityValues;
  readonly 'ephemeral-storage'?: ResourceQuantityValues;
}

/** A probe's tunables (`livenessProbe`, `readinessProbe`, `startupProbe`). */
export interface ProbeValues {
  /** @default - Kubernetes' default */
  readonly initialDelaySeconds?: number;
  /** @default - Kubernetes' default */
  readonly timeoutSeconds?: number;
  /** @default - Kubernetes' default */
  readonly periodSeconds?: number;
  /** @default - Kubernetes' default */
  readonly failureThreshold?: number;
}

/** A container image reference split as upstream does. */
export interface ImageValues {
  readonly name: string;
  /** `''` falls back to the global `imagePullPolicy`. */
  readonly pullPolicy: string;
  /** `''` falls back to `linkerdVersion`. */
  readonly version: string;
}

/** A webhook namespace/object selector (`matchExpressions` / `matchLabels`), passed through. */
export interface LabelSelectorValues {
  readonly matchLabels?: StringMap;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
  }[];
}

/** TLS material shared by the admission webhooks (proxy injector, profile and policy validators). */
export interface WebhookValues {
  /** Do not render the `*-k8s-tls` Secret; the CA bundle comes from `caBundle` or cert-manager. */
  readonly externalSecret: boolean;
  readonly namespaceSelector: LabelSelectorValues;
  readonly crtPEM: string;
  readonly keyPEM: string;
  readonly caBundle: string;
  readonly injectCaFrom: string;
  readonly injectCaFromSecret: string;
}

export interface ProxyInjectorValues extends WebhookValues {
  /** Seconds before the API server cancels a call to the webhook. */
  readonly timeoutSeconds: number;
  readonly objectSelector: LabelSelectorValues;
  readonly podAnnotations: StringMap;
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
  /** Go-only: extra env vars for the injector container. @default - none */
  readonly additionalEnv?: readonly JsonObject[] | null;
  /** Go-only: experimental env vars for the injector container. @default - none */
  readonly experimentalEnv?: readonly JsonObject[] | null;
}

export type ProfileValidatorValues = WebhookValues;
export type PolicyValidatorValues = WebhookValues;

/** `kubeAPI`: client-side rate limits towards the API server. */
export interface KubeApiValues {
  readonly clientQPS: number;
  readonly clientBurst: number;
}

export interface MeshIdentityValues {
  readonly serviceAccountName: string;
  readonly namespace: string;
}

export interface TracingCollectorValues {
  /** `host:port` of the OpenTelemetry collector; `''` means unset. */
  readonly endpoint: string;
  /** Mesh identity of the collector. @default - unset for the control plane */
  readonly meshIdentity?: MeshIdentityValues | null;
}

/** `controller.tracing`: control-plane components' trace export. */
export interface ControllerTracingValues {
  readonly enabled: boolean;
  readonly collector: TracingCollectorValues;
  /** Go-only. @default '' */
  readonly protocol?: string;
  /** Go-only. @default '' */
  readonly traceServiceName?: string;
  /** Go-only. @default - none */
  readonly labels?: StringMap | null;
}

export interface ControllerValues {
  readonly podDisruptionBudget: { readonly maxUnavailable: number | string };
  readonly tracing: ControllerTracingValues;
}

export interface PolicyControllerValues {
  readonly logLevel: string;
  /** CIDRs from which kubelet probes are authorized. */
  readonly probeNetworks: readonly string[];
  readonly resources: ResourceRequirementsValues;
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
}

export interface ProxyPortsValues {
  readonly admin: number;
  readonly control: number;
  readonly inbound: number;
  readonly outbound: number;
}

export interface ProxyRuntimeValues {
  readonly workers: {
    /** Worker threads as a fraction of available CPUs. @default - unset */
    readonly maximumCPURatio?: number | null;
    readonly minimum: number;
    /** Set by the CLI's `--proxy-cpu-limit`. @default - unset */
    readonly maximum?: number | null;
  };
}

export interface ProxyControlValues {
  readonly streams: {
    readonly initialTimeout: string;
    readonly idleTimeout: string;
    readonly lifetime: string;
  };
}

export interface ProxyTracingValues {
  readonly enabled: boolean;
  readonly traceServiceName: string;
  readonly labels: StringMap;
  readonly collector: {
    readonly endpoint: string;
    readonly meshIdentity: MeshIdentityValues;
  };
  /** Go-only. @default '' */
  readonly protocol?: string;
}

export interface Http2KeepAliveValues {
  readonly keepAliveInterval: string;
  readonly keepAliveTimeout: string;
}

export interface ProxyServerValues {
  readonly server: { readonly http2: Http2KeepAliveValues };
}

/** A volume mount path descriptor (`xtMountPath`, `saMountPath`). */
export interface MountPathValues {
  readonly mountPath: string;
  readonly name: string;
  /** @default false */
  readonly readOnly?: boolean;
}

/** Linux capabilities to add/drop on a container. */
export interface CapabilitiesValues {
  readonly add?: readonly string[];
  readonly drop?: readonly string[];
}

/** `proxy`: the sidecar's configuration, also the injection defaults for the data plane. */
export interface ProxyValues {
  readonly enableExternalProfiles: boolean;
  readonly outboundConnectTimeout: string;
  readonly inboundConnectTimeout: string;
  readonly outboundDiscoveryCacheUnusedTimeout: string;
  readonly inboundDiscoveryCacheUnusedTimeout: string;
  readonly disableOutboundProtocolDetectTimeout: boolean;
  readonly disableInboundProtocolDetectTimeout: boolean;
  readonly image: ImageValues;
  readonly enableShutdownEndpoint: boolean;
  /** Filter directives, e.g. `warn,linkerd=info`. */
  readonly logLevel: string;
  readonly logFormat: string;
  /** `off` or `insecure`. */
  readonly logHTTPHeaders: string;
  readonly ports: ProxyPortsValues;
  /** Deprecated: use `runtime.workers.minimum`. @default - unset */
  readonly cores?: number | null;
  readonly runtime: ProxyRuntimeValues;
  readonly resources: ResourceRequirementsValues;
  readonly uid: number;
  /** Omitted from the pod when < 0. */
  readonly gid: number;
  readonly securityContext: JsonObject;
  readonly waitBeforeExitSeconds: number;
  readonly await: boolean;
  /** Comma-separated ports. */
  readonly requireIdentityOnInboundPorts: string | number;
  /** Comma-separated ports/ranges. */
  readonly opaquePorts: string | number;
  /** Go duration or `''`. */
  readonly shutdownGracePeriod: string;
  readonly defaultInboundPolicy: string;
  /** `transport-header` or `transparent`. */
  readonly outboundTransportMode: string;
  readonly nativeSidecar: boolean;
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
  readonly startupProbe: ProbeValues;
  readonly control: ProxyControlValues;
  readonly metrics: { readonly hostnameLabels: boolean };
  readonly tracing: ProxyTracingValues;
  readonly inbound: ProxyServerValues;
  readonly outbound: ProxyServerValues;
  /** Go-only: extra env vars on the proxy container. @default - none */
  readonly additionalEnv?: readonly JsonObject[] | null;
  /** Go-only: experimental env vars on the proxy container. @default - none */
  readonly experimentalEnv?: readonly JsonObject[] | null;
  /** Go-only: access log format (`apache` or `json`); `''` disables it. @default '' */
  readonly accessLog?: string;
  /** Go-only: ingress mode (`linkerd.io/inject: ingress`). @default false */
  readonly isIngress?: boolean;
  /** Go-only: gateway mode. @default false */
  readonly isGateway?: boolean;
  /** Go-only: the pod's container ports, computed during injection. @default '' */
  readonly podInboundPorts?: string;
  /** Go-only: capabilities for the proxy container. @default - none */
  readonly capabilities?: CapabilitiesValues | null;
  /** Go-only: service-account token mount. @default - none */
  readonly saMountPath?: MountPathValues | null;
}

/** `proxyInit`: the iptables init container (also used for skip-port annotations). */
export interface ProxyInitValues {
  /** `nft` or `legacy`. */
  readonly iptablesMode: string;
  readonly ignoreInboundPorts: string | number;
  readonly ignoreOutboundPorts: string | number;
  readonly kubeAPIServerPorts: string | number;
  /** Comma-separated CIDRs. */
  readonly skipSubnets: string;
  /** `''` means info. */
  readonly logLevel: string;
  /** `''` means plain. */
  readonly logFormat: string;
  readonly closeWaitTimeoutSecs: number;
  readonly privileged: boolean;
  readonly runAsRoot: boolean;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly xtMountPath: MountPathValues;
  /** Go-only: resources of the init container. @default - none */
  readonly resources?: ResourceRequirementsValues | null;
  /** Go-only: capabilities of the init container. @default - NET_ADMIN, NET_RAW */
  readonly capabilities?: CapabilitiesValues | null;
  /** Go-only. @default - none */
  readonly saMountPath?: MountPathValues | null;
}

/** `networkValidator`: replaces proxy-init when CNI is enabled. */
export interface NetworkValidatorValues {
  readonly logLevel: string;
  readonly logFormat: string;
  readonly connectAddr: string;
  readonly listenAddr: string;
  readonly timeout: string;
  readonly securityContext: JsonObject;
}

/** `destinationController.meshedHttp2ClientProtobuf`: protobuf-JSON of the HTTP/2 client settings. */
export interface MeshedHttp2ClientValues {
  readonly keep_alive: {
    readonly interval: { readonly seconds: number };
    readonly timeout: { readonly seconds: number };
    readonly while_idle: boolean;
  };
}

export interface DestinationControllerValues {
  readonly meshedHttp2ClientProtobuf: MeshedHttp2ClientValues;
  readonly podAnnotations: StringMap;
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
}

export interface DebugContainerValues {
  readonly image: ImageValues;
}

export interface IdentityIssuerValues {
  /** `linkerd.io/tls` (issuer given as PEM) or `kubernetes.io/tls` (cert-manager Secret). */
  readonly scheme: string;
  readonly clockSkewAllowance: string;
  readonly issuanceLifetime: string;
  readonly tls: {
    /** Issuer certificate, PEM (ECDSA P-256). */
    readonly crtPEM: string;
    /** Issuer private key, PEM (ECDSA P-256). */
    readonly keyPEM: string;
  };
}

export interface IdentityValues {
  /** The trust-roots ConfigMap exists already; do not render it. */
  readonly externalCA: boolean;
  readonly serviceAccountTokenProjection: boolean;
  readonly issuer: IdentityIssuerValues;
  readonly kubeAPI: KubeApiValues;
  readonly podAnnotations: StringMap;
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
  /** Go-only. @default - none */
  readonly additionalEnv?: readonly JsonObject[] | null;
  /** Go-only. @default - none */
  readonly experimentalEnv?: readonly JsonObject[] | null;
}

export interface SpValidatorValues {
  readonly livenessProbe: ProbeValues;
  readonly readinessProbe: ProbeValues;
}

export interface PodMonitorComponentValues {
  readonly enabled: boolean;
  readonly honorTimestamps: boolean;
}

export interface PodMonitorValues {
  readonly enabled: boolean;
  readonly scrapeInterval: string;
  readonly scrapeTimeout: string;
  readonly labels: StringMap;
  readonly controller: PodMonitorComponentValues & {
    /** A Helm template string (`{{ .Release.Namespace }}` is expanded at render time). */
    readonly namespaceSelector: string;
  };
  readonly serviceMirror: PodMonitorComponentValues;
  readonly proxy: PodMonitorComponentValues;
}

export interface EgressValues {
  readonly globalEgressNetworkNamespace: string;
}

/** An extra ServiceAccount allowed to read `linkerd-config`. */
export interface ConfigReaderValues {
  readonly name: string;
  readonly namespace: string;
}

/** Go-only `configs`: legacy JSON config blobs. */
export interface ConfigJsonsValues {
  readonly global?: string;
  readonly proxy?: string;
  readonly install?: string;
}

export interface DeploymentStrategyValues {
  readonly rollingUpdate: {
    readonly maxUnavailable: number | string;
    readonly maxSurge: number | string;
  };
}

/** The CRD chart's values (merged into the same tree by the CLI). */
export interface CrdValues {
  /** Install the Gateway API route CRDs. */
  readonly installGatewayAPI: boolean;
  /** HTTPRoute + GRPCRoute CRDs. @default - installGatewayAPI */
  readonly enableHttpRoutes?: boolean;
  /** TLSRoute CRD. @default - installGatewayAPI */
  readonly enableTlsRoutes?: boolean;
  /** TCPRoute CRD. @default - installGatewayAPI */
  readonly enableTcpRoutes?: boolean;
}

/** The whole control-plane value tree. */
export interface MeshValues extends CrdValues {
  readonly clusterDomain: string;
  /** Comma-separated CIDRs. */
  readonly clusterNetworks: string;
  readonly imagePullPolicy: string;
  readonly revisionHistoryLimit: number;
  readonly controllerLogLevel: string;
  readonly controllerLogFormat: string;
  /** Control-plane image tag; resolved from the `linkerdVersionValue` placeholder. */
  readonly linkerdVersion: string;
  readonly deploymentStrategy: DeploymentStrategyValues;
  readonly enableEndpointSlices: boolean;
  readonly enablePodAntiAffinity: boolean;
  readonly enablePprof: boolean;
  readonly enablePodDisruptionBudget: boolean;
  readonly disableIPv6: boolean;
  readonly controller: ControllerValues;
  readonly cniEnabled: boolean;
  /** Trust root bundle (PEM). Required unless `identity.externalCA`. */
  readonly identityTrustAnchorsPEM: string;
  /** `''` means `clusterDomain`. */
  readonly identityTrustDomain: string;
  readonly kubeAPI: KubeApiValues;
  readonly podAnnotations: StringMap;
  readonly podLabels: StringMap;
  readonly commonLabels: StringMap;
  readonly priorityClassName: string;
  readonly runtimeClassName: string;
  readonly policyController: PolicyControllerValues;
  readonly proxy: ProxyValues;
  readonly proxyInit: ProxyInitValues;
  readonly networkValidator: NetworkValidatorValues;
  readonly imagePullSecrets: readonly JsonObject[];
  readonly enableH2Upgrade: boolean;
  readonly enablePSP: boolean;
  /** `Ignore` or `Fail`. */
  readonly webhookFailurePolicy: string;
  readonly controllerImage: string;
  /** `''` falls back to `linkerdVersion`. */
  readonly controllerImageVersion: string;
  readonly controllerReplicas: number;
  readonly controllerUID: number;
  readonly controllerGID: number;
  readonly destinationController: DestinationControllerValues;
  readonly debugContainer: DebugContainerValues;
  readonly identity: IdentityValues;
  readonly disableHeartBeat: boolean;
  /** Cron schedule of the heartbeat job. @default - derived deterministically by `resolveMeshValues` */
  readonly heartbeatSchedule?: string;
  readonly proxyInjector: ProxyInjectorValues;
  readonly profileValidator: ProfileValidatorValues;
  readonly policyValidator: PolicyValidatorValues;
  readonly nodeSelector: StringMap;
  readonly spValidator: SpValidatorValues;
  readonly prometheusUrl: string;
  readonly podMonitor: PodMonitorValues;
  readonly egress: EgressValues;
  /** @default - none */
  readonly configReaders?: readonly ConfigReaderValues[] | null;

  // Commented-out documented keys: unset unless the user (or the HA overlay) sets them.
  /** @default - none */
  readonly destinationResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly destinationProxyResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly identityResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly identityProxyResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly heartbeatResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly proxyInjectorResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly proxyInjectorProxyResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly spValidatorResources?: ResourceRequirementsValues | null;
  /** Only an anchor in values-ha.yaml; nothing reads it. @default - none */
  readonly controllerResources?: ResourceRequirementsValues | null;
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | null;
  /** A Kubernetes `NodeAffinity`, passed through. @default - none */
  readonly nodeAffinity?: JsonObject | null;

  // Go-only keys of the CLI's Values struct.
  /** `linkerd check` HA checks. @default false */
  readonly highAvailability?: boolean;
  /** `linkerd/cli <version>` for CLI renders; `''` marks a Helm-style render. @default 'linkerd/cli edge-26.8.3' */
  readonly cliVersion?: string;
  /** @default 'linkerd-proxy' */
  readonly proxyContainerName?: string;
  /** Heartbeat job settings (Go-only, unused by templates). @default - none */
  readonly heartbeat?: JsonObject | null;
  /** @default - none */
  readonly configs?: ConfigJsonsValues | null;
}
