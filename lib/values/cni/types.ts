/**
 * The linkerd2-cni chart's value tree (upstream `charts/linkerd2-cni/values.yaml`), keys spelled as
 * upstream so an existing Helm values file maps onto it unchanged. Everything present in upstream's
 * values.yaml is required here because `cniDefaults()` always supplies it; keys upstream leaves
 * commented out are optional.
 */
import type { JsonObject, ResourceRequirementsValues, StringMap } from '../mesh/types.js';

export type { JsonObject, ResourceRequirementsValues, StringMap };

/** The iptables flavours the plugin can drive (`iptables-nft`, `iptables-legacy`, `iptables`). */
export type IptablesMode = 'nft' | 'legacy' | 'plain';

export interface CniImageValues {
  /** @default 'cr.l5d.io/linkerd/cni-plugin' */
  readonly name: string;
  /** @default 'v1.7.0-alpha.1' */
  readonly version: string;
  /** `''` renders an empty `imagePullPolicy` (Kubernetes then applies its own default). @default 'IfNotPresent' */
  readonly pullPolicy: string;
}

/** The DaemonSet's `updateStrategy`, passed through as given. */
export interface CniUpdateStrategyValues {
  /** @default 'RollingUpdate' */
  readonly type?: string;
  /** @default { maxUnavailable: 1 } */
  readonly rollingUpdate?: { readonly maxUnavailable?: number | string; readonly maxSurge?: number | string };
}

/** The optional cni-repair-controller sidecar that deletes pods whose network validation failed. */
export interface CniRepairControllerValues {
  /** @default false */
  readonly enabled: boolean;
  /** @default 'info' */
  readonly logLevel: string;
  /** @default 'plain' */
  readonly logFormat: string;
  /** @default true */
  readonly enableSecurityContext: boolean;
  /** @default - no limits or requests */
  readonly resources: ResourceRequirementsValues;
}

export interface CniValues {
  /** @default 4143 */
  readonly inboundProxyPort: number;
  /** @default 4140 */
  readonly outboundProxyPort: number;
  /** Extra inbound ports iptables skips, comma-separated (ports or ranges). @default '' */
  readonly ignoreInboundPorts: string;
  /** Outbound ports iptables skips, comma-separated (ports or ranges). @default '' */
  readonly ignoreOutboundPorts: string;
  /** @default 4191 */
  readonly proxyAdminPort: number;
  /** @default 4190 */
  readonly proxyControlPort: number;
  /** @default {} */
  readonly podLabels: StringMap;
  /** @default {} */
  readonly commonLabels: StringMap;
  /** @default 'info' */
  readonly logLevel: string;
  /** Only these ports are redirected to the proxy when set, comma-separated. @default '' (all) */
  readonly portsToRedirect: string;
  /** @default 2102 */
  readonly proxyUID: number;
  /** Omitted from the plugin config when negative. @default -1 */
  readonly proxyGID: number;
  /** @default '/etc/cni/net.d' */
  readonly destCNINetDir: string;
  /** @default '/opt/cni/bin' */
  readonly destCNIBinDir: string;
  /** @default false */
  readonly useWaitFlag: boolean;
  /** @default 'nft' */
  readonly iptablesMode: IptablesMode;
  /** @default true */
  readonly disableIPv6: boolean;
  /** @default '' */
  readonly priorityClassName: string;
  /** @default 10 */
  readonly revisionHistoryLimit: number;
  /** @default { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } */
  readonly updateStrategy: CniUpdateStrategyValues;
  /** Renders a PodSecurityPolicy and the Role/RoleBinding that lets the plugin use it. @default false */
  readonly enablePSP: boolean;
  /** @default false */
  readonly privileged: boolean;
  /** @default [{ operator: 'Exists' }] */
  readonly tolerations: readonly JsonObject[];
  /** @default - none */
  readonly nodeAffinity?: JsonObject;
  readonly image: CniImageValues;
  /** Applied to the ServiceAccount. @default [] */
  readonly imagePullSecrets: readonly { readonly name: string }[];
  /** Containers run before install-cni, passed through verbatim. @default [] */
  readonly extraInitContainers: readonly JsonObject[];
  readonly repairController: CniRepairControllerValues;
  /** @default - no limits or requests */
  readonly resources: ResourceRequirementsValues;
}
