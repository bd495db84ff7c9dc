/**
 * Friendly, typed props for a mesh, in the domain's own terms. They resolve into upstream's value
 * tree (`MeshValues`); nothing downstream reads props.
 */
import type { DefaultInboundPolicy, LOG_FORMATS, LOG_LEVELS } from '../values/checks.js';
import type { ValueTree } from '../values/tree.js';
import { mergeUserValues } from '../values/tree.js';
import { resolveMeshValues } from '../values/mesh/resolve.js';
import type { UnknownValuesOptions } from '../values/unknown-keys.js';
import type { MeshValues } from '../values/mesh/types.js';

export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];
export type { DefaultInboundPolicy };

export interface IssuerProps {
  /** Issuer certificate, PEM (ECDSA P-256, signed by a trust anchor). */
  readonly certificatePem: string;
  /** Issuer private key, PEM. */
  readonly keyPem: string;
}

export interface IdentityProps {
  /** Trust-anchor certificate bundle, PEM. Required unless `externalCA`. */
  readonly trustAnchorsPem: string;
  /** Issuer credentials (`identity.issuer.tls`). @default - none (required unless externalCA) */
  readonly issuer?: IssuerProps;
  /** @default - the cluster domain */
  readonly trustDomain?: string;
  /** How long issued certificates are valid. @default '24h0m0s' */
  readonly issuanceLifetime?: string;
  /** @default '20s' */
  readonly clockSkewAllowance?: string;
  /** The `linkerd-identity-trust-roots` ConfigMap already exists. @default false */
  readonly externalCA?: boolean;
}

export interface RequestLimitProps {
  /** @default - none */
  readonly request?: string;
  /** @default - none */
  readonly limit?: string;
}

export interface ResourceProps {
  /** @default - none */
  readonly cpu?: RequestLimitProps;
  /** @default - none */
  readonly memory?: RequestLimitProps;
  /** @default - none */
  readonly ephemeralStorage?: RequestLimitProps;
}

export interface ProxyPortProps {
  /** @default 4191 */
  readonly admin?: number;
  /** @default 4190 */
  readonly control?: number;
  /** @default 4143 */
  readonly inbound?: number;
  /** @default 4140 */
  readonly outbound?: number;
}

export interface ProxyImageProps {
  /** @default 'cr.l5d.io/linkerd/proxy' */
  readonly name?: string;
  /** @default - the Linkerd version */
  readonly version?: string;
  /** @default - the global image pull policy (IfNotPresent) */
  readonly pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

export interface ProxyProps {
  /** Proxy log filter, e.g. `warn,linkerd=info`. @default 'warn,linkerd=info,hickory=error' */
  readonly logLevel?: string;
  /** @default 'plain' */
  readonly logFormat?: LogFormat;
  /** @default - none (HA: cpu request 100m, memory 20Mi/250Mi) */
  readonly resources?: ResourceProps;
  /** @default - upstream's ports */
  readonly ports?: ProxyPortProps;
  /** @default 'all-unauthenticated' */
  readonly defaultInboundPolicy?: DefaultInboundPolicy;
  /** Ports (or ranges like `5000-6000`, or port names) treated as opaque TCP. @default SMTP, MySQL, Galera, PostgreSQL, Redis, ElasticSearch, Memcached */
  readonly opaquePorts?: readonly (number | string)[];
  /** Run the proxy as a Kubernetes native sidecar. @default true */
  readonly nativeSidecar?: boolean;
  /** @default - upstream's proxy image at the Linkerd version */
  readonly image?: ProxyImageProps;
}

export interface ControlPlaneTracingProps {
  /** Export control-plane traces. */
  readonly enabled: boolean;
  /** OpenTelemetry collector `host:port`. @default - none */
  readonly collectorEndpoint?: string;
}

/** The control plane's typed props (resolved into `MeshValues`); `Mesh`'s own props are `MeshProps` in lib/assembly. */
export interface ControlPlaneProps {
  /** Linkerd version (control-plane image tag). @default LINKERD_VERSION */
  readonly version?: string;
  /** High availability (upstream's `--ha`). @default false */
  readonly ha?: boolean;
  /** Identity trust anchors and issuer. @default - none (values must then supply them) */
  readonly identity?: IdentityProps;
  /** @default 'cluster.local' */
  readonly clusterDomain?: string;
  /** CIDRs of the pod and service networks. @default all private IPv4 ranges and fd00::/8 */
  readonly clusterNetworks?: readonly string[];
  /** @default - upstream's proxy defaults */
  readonly proxy?: ProxyProps;
  /** @default 1 (3 with ha) */
  readonly controllerReplicas?: number;
  /** @default 'info' */
  readonly controllerLogLevel?: LogLevel;
  /** The linkerd-cni plugin is installed (no proxy-init container). @default false */
  readonly cniEnabled?: boolean;
  /** @default 'Ignore' ('Fail' with ha) */
  readonly webhookFailurePolicy?: 'Ignore' | 'Fail';
  /** Labels added to every control-plane pod. @default {} */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Annotations added to every control-plane pod. @default {} */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /** Control-plane tracing. @default - disabled */
  readonly tracing?: ControlPlaneTracingProps;
  /** Install the Gateway API route CRDs. @default false */
  readonly installGatewayAPI?: boolean;
  /** Escape hatch: raw upstream values, applied after everything above. @default {} */
  readonly values?: ValueTree;
}

/** Builds a tree holding only the entries that were given. */
function compact(entries: Record<string, ValueTree[string] | undefined>): ValueTree {
  const out: ValueTree = {};
  for (const [k, v] of Object.entries(entries)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

function requestLimit(p: RequestLimitProps | undefined): ValueTree | undefined {
  return p ? compact({ request: p.request, limit: p.limit }) : undefined;
}

function proxyToValues(p: ProxyProps): ValueTree {
  const r = p.resources;
  return compact({
    logLevel: p.logLevel,
    logFormat: p.logFormat,
    resources: r
      ? compact({ cpu: requestLimit(r.cpu), memory: requestLimit(r.memory), 'ephemeral-storage': requestLimit(r.ephemeralStorage) })
      : undefined,
    ports: p.ports ? compact({ ...p.ports }) : undefined,
    defaultInboundPolicy: p.defaultInboundPolicy,
    opaquePorts: p.opaquePorts?.join(','),
    nativeSidecar: p.nativeSidecar,
    image: p.image ? compact({ name: p.image.name, version: p.image.version, pullPolicy: p.image.pullPolicy }) : undefined,
  });
}

/** Converts props to an upstream-shaped user value tree (`props.values` merged last). */
export function meshPropsToValues(props: ControlPlaneProps): ValueTree {
  const id = props.identity;
  const identity = id
    ? compact({
        externalCA: id.externalCA,
        issuer: compact({
          issuanceLifetime: id.issuanceLifetime,
          clockSkewAllowance: id.clockSkewAllowance,
          tls: id.issuer ? { crtPEM: id.issuer.certificatePem, keyPEM: id.issuer.keyPem } : undefined,
        }),
      })
    : undefined;
  const typed = compact({
    linkerdVersion: props.version,
    identityTrustAnchorsPEM: id?.trustAnchorsPem,
    identityTrustDomain: id?.trustDomain,
    identity,
    clusterDomain: props.clusterDomain,
    clusterNetworks: props.clusterNetworks?.join(','),
    proxy: props.proxy ? proxyToValues(props.proxy) : undefined,
    controllerReplicas: props.controllerReplicas,
    controllerLogLevel: props.controllerLogLevel,
    cniEnabled: props.cniEnabled,
    webhookFailurePolicy: props.webhookFailurePolicy,
    podLabels: props.podLabels ? { ...props.podLabels } : undefined,
    podAnnotations: props.podAnnotations ? { ...props.podAnnotations } : undefined,
    controller: props.tracing
      ? { tracing: compact({ enabled: props.tracing.enabled, collector: compact({ endpoint: props.tracing.collectorEndpoint }) }) }
      : undefined,
    installGatewayAPI: props.installGatewayAPI,
  });
  // Merged as a user file would be, so a `null` in `values` still removes a default downstream.
  return mergeUserValues([typed, props.values ?? {}]);
}

/** Resolves props into the complete, validated value tree. */
export function resolveMeshProps(props: ControlPlaneProps, options: UnknownValuesOptions = {}): MeshValues {
  return resolveMeshValues({ user: meshPropsToValues(props), ha: props.ha, ...options });
}

/** Alias of `resolveMeshProps`, for callers that think in values rather than props. */
export const meshValuesFromProps = resolveMeshProps;
