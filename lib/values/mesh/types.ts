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
import type {
  JsonObject,
  MeshIdentityValues,
  ProbeValues,
  ResourceRequirementsValues,
  StringMap,
  ImageValues,
} from './common-types.js';
import type { NetworkValidatorValues, ProxyInitValues, ProxyValues } from './proxy-types.js';

export type * from './common-types.js';
export type * from './proxy-types.js';

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
  readonly webhookFailurePolicy: 'Ignore' | 'Fail';
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
