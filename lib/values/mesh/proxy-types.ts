/** The `proxy`, `proxyInit` and `networkValidator` subtrees of the control-plane values. */
import type {
  CapabilitiesValues,
  ImageValues,
  JsonObject,
  MeshIdentityValues,
  MountPathValues,
  ProbeValues,
  ResourceRequirementsValues,
  StringMap,
} from './common-types.js';

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

/**
 * `proxy.inbound` / `proxy.outbound`: scope → protocol → parameter, free-form (upstream renders every
 * leaf as a `LINKERD2_PROXY_<DIRECTION>_<SCOPE>_<PROTOCOL>_<PARAM>` env var). The chart's defaults
 * are `server.http2.keepAliveInterval: 10s` and `server.http2.keepAliveTimeout: 3s`.
 */
export interface ProxyParamTree {
  readonly [key: string]: string | number | boolean | null | ProxyParamTree;
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
  readonly inbound: ProxyParamTree;
  readonly outbound: ProxyParamTree;
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
