/**
 * `ProxyConfig`: the per-workload `config.linkerd.io/*` annotations of the proxy injector (REFERENCE
 * §4.1) as one typed object, so app code writes `{ adminPort: 4191 }` instead of stringly-typed keys.
 * Every field is optional: an absent field writes no annotation and the workload inherits the
 * namespace's (or the installed mesh's) value, exactly as the webhook does.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { DefaultInboundPolicy, LOG_FORMATS } from '../values/checks.js';

export type ProxyLogFormat = (typeof LOG_FORMATS)[number];
export type ProxyLogHttpHeaders = 'off' | 'insecure';
export type ProxyAccessLog = 'apache' | 'json';
export type ProxyPullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export type ProxyDefaultInboundPolicy = DefaultInboundPolicy;

/**
 * A set of ports: numbers, `low-high` ranges, or (only where upstream accepts them, as in
 * `opaquePorts`) container port names. A string is taken as an already comma-joined list.
 */
export type PortSet = string | readonly (number | string)[];

export interface ProxyConfig {
  // --- images -----------------------------------------------------------------------------------
  /** `proxy-image`: proxy image name. @default - the mesh's `proxy.image.name` */
  readonly proxyImage?: string;
  /** `proxy-version`: proxy image tag. @default - the mesh's proxy version */
  readonly proxyVersion?: string;
  /** `image-pull-policy`. @default - the mesh's */
  readonly imagePullPolicy?: ProxyPullPolicy;
  /** `debug-image`. @default - the mesh's */
  readonly debugImage?: string;
  /** `debug-image-version`. @default - the mesh's */
  readonly debugImageVersion?: string;
  /** `debug-image-pull-policy`. @default - the mesh's */
  readonly debugImagePullPolicy?: ProxyPullPolicy;
  /** `enable-debug-sidecar`: add the `linkerd-debug` container. @default false */
  readonly enableDebugSidecar?: boolean;

  // --- ports --------------------------------------------------------------------------------------
  /** `admin-port`. @default 4191 */
  readonly adminPort?: number;
  /** `control-port`. @default 4190 */
  readonly controlPort?: number;
  /** `inbound-port`. @default 4143 */
  readonly inboundPort?: number;
  /** `outbound-port`. @default 4140 */
  readonly outboundPort?: number;
  /** `skip-inbound-ports`: inbound ports that bypass the proxy (ports or ranges). @default - the mesh's */
  readonly skipInboundPorts?: PortSet;
  /** `skip-outbound-ports`: outbound ports that bypass the proxy (ports or ranges). @default - the mesh's */
  readonly skipOutboundPorts?: PortSet;
  /** `skip-subnets`: CIDRs that bypass the proxy. @default - none */
  readonly skipSubnets?: readonly string[];
  /** `opaque-ports`: ports (or ranges, or container port names) without protocol detection. @default - the mesh's */
  readonly opaquePorts?: PortSet;
  /** `pod-inbound-ports`: the app's ports, for sidecars injected after Linkerd. @default - computed by the injector */
  readonly podInboundPorts?: PortSet;
  /** `proxy-require-identity-inbound-ports`: ports on which mTLS is required. @default - none */
  readonly requireIdentityOnInboundPorts?: PortSet;

  // --- resources and identity of the proxy process ------------------------------------------------
  /** `proxy-cpu-request` (a quantity such as `100m`). @default - the mesh's */
  readonly cpuRequest?: string;
  /** `proxy-cpu-limit`. @default - the mesh's */
  readonly cpuLimit?: string;
  /** `proxy-cpu-ratio-limit`: worker threads as a fraction (0, 1] of the node's CPUs. @default - the mesh's */
  readonly cpuRatioLimit?: number;
  /** `proxy-memory-request`. @default - the mesh's */
  readonly memoryRequest?: string;
  /** `proxy-memory-limit`. @default - the mesh's */
  readonly memoryLimit?: string;
  /** `proxy-ephemeral-storage-request`. @default - the mesh's */
  readonly ephemeralStorageRequest?: string;
  /** `proxy-ephemeral-storage-limit`. @default - the mesh's */
  readonly ephemeralStorageLimit?: string;
  /** `proxy-uid`. @default 2102 */
  readonly uid?: number;
  /** `proxy-gid`. @default 2102 */
  readonly gid?: number;

  // --- logging ------------------------------------------------------------------------------------
  /** `proxy-log-level`: a level or directives such as `warn,linkerd=info`. @default - the mesh's */
  readonly logLevel?: string;
  /** `proxy-log-format`. @default 'plain' */
  readonly logFormat?: ProxyLogFormat;
  /** `proxy-log-http-headers`. @default 'off' */
  readonly logHttpHeaders?: ProxyLogHttpHeaders;
  /** `access-log`. @default - no access log */
  readonly accessLog?: ProxyAccessLog;

  // --- behaviour ----------------------------------------------------------------------------------
  /** `default-inbound-policy`. @default 'all-unauthenticated' */
  readonly defaultInboundPolicy?: ProxyDefaultInboundPolicy;
  /** `enable-external-profiles`. @default false */
  readonly enableExternalProfiles?: boolean;
  /** `proxy-outbound-connect-timeout` (Go duration). @default '1000ms' */
  readonly outboundConnectTimeout?: string;
  /** `proxy-inbound-connect-timeout`. @default '100ms' */
  readonly inboundConnectTimeout?: string;
  /** `proxy-outbound-discovery-cache-unused-timeout`. @default '5s' */
  readonly outboundDiscoveryCacheUnusedTimeout?: string;
  /** `proxy-inbound-discovery-cache-unused-timeout`. @default '90s' */
  readonly inboundDiscoveryCacheUnusedTimeout?: string;
  /** `proxy-disable-outbound-protocol-detect-timeout`. @default false */
  readonly disableOutboundProtocolDetectTimeout?: boolean;
  /** `proxy-disable-inbound-protocol-detect-timeout`. @default false */
  readonly disableInboundProtocolDetectTimeout?: boolean;
  /** `proxy-metrics-hostname-labels`. @default false */
  readonly metricsHostnameLabels?: boolean;
  /** `proxy-admin-shutdown`: expose `/shutdown` on the admin port. @default false */
  readonly adminShutdown?: boolean;
  /** `close-wait-timeout` (Go duration): conntrack close_wait timeout; makes `linkerd-init` privileged. @default - unset */
  readonly closeWaitTimeout?: string;
  /** `shutdown-grace-period` (Go duration). @default - the mesh's */
  readonly shutdownGracePeriod?: string;

  // --- lifecycle ----------------------------------------------------------------------------------
  /** `proxy-enable-native-sidecar`: run the proxy as a native sidecar (KEP-753). @default false */
  readonly nativeSidecar?: boolean;
  /** `proxy-await`: hold the app until the proxy is ready. @default true */
  readonly await?: boolean;
  /** `config.alpha.linkerd.io/proxy-wait-before-exit-seconds`: preStop delay. @default 0 */
  readonly waitBeforeExitSeconds?: number;
  /** `enable-gateway`: multicluster gateway mode. @default false */
  readonly enableGateway?: boolean;

  // --- extras -------------------------------------------------------------------------------------
  /** `proxy-additional-env`: extra env vars, merged by name over namespace and mesh values. @default - none */
  readonly additionalEnv?: readonly IEnvVar[];
  /** `resource.opentelemetry.io/<label>`: extra trace resource attributes. @default - none */
  readonly traceAttributes?: Readonly<Record<string, string>>;
}
