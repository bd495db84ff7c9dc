/**
 * The viz extension's complete value tree (upstream `viz/charts/linkerd-viz/values.yaml`, plus the keys
 * documented there only as comments and the Go-only keys the CLI sets). Keys are spelled exactly as
 * upstream so a user's Helm values file maps onto this type unchanged.
 *
 * Members upstream leaves unset (`UID:`, `proxy:`, commented-out keys) are optional; everything with a
 * value in upstream's values.yaml is required, because `vizDefaults()` always supplies it.
 */
import type { JsonObject, JsonValue, LabelSelectorValues, ResourceRequirementsValues, StringMap } from '../mesh/types.js';

export type { JsonObject, JsonValue, LabelSelectorValues, ResourceRequirementsValues, StringMap };

/** A container image split as viz does: every empty field falls back to a global default. */
export interface VizImageValues {
  /** `''` falls back to `defaultRegistry`. */
  readonly registry: string;
  readonly name: string;
  /** `''` falls back to `linkerdVersion`. */
  readonly tag: string;
  /** `''` falls back to `defaultImagePullPolicy`. */
  readonly pullPolicy: string;
}

/** `<component>.proxy`: overrides for the proxy injected into that component's pods. */
export interface VizProxyValues {
  /** Rendered as `config.linkerd.io/proxy-*` resource annotations on the pod template. @default - mesh defaults */
  readonly resources?: ResourceRequirementsValues | null;
}

/** Keys shared by metrics-api, tap, tap-injector and the dashboard. */
export interface VizComponentValues {
  readonly replicas: number;
  /** `''` falls back to `defaultLogLevel`. */
  readonly logLevel: string;
  /** `''` falls back to `defaultLogFormat`. */
  readonly logFormat: string;
  readonly image: VizImageValues;
  readonly resources: ResourceRequirementsValues;
  /** @default - no proxy overrides */
  readonly proxy?: VizProxyValues | null;
  /** @default - `defaultUID` */
  readonly UID?: number | null;
  /** @default - `defaultGID` */
  readonly GID?: number | null;
  readonly service: { readonly annotations: StringMap };
}

/** Serving certificate of the tap API server / tap-injector webhook, and how the caller learns its CA. */
export interface VizWebhookTlsValues {
  /** Do not render the `*-k8s-tls` Secret: it is provided by the user or cert-manager. */
  readonly externalSecret: boolean;
  /** PEM certificate for the rendered Secret (`''` = none). */
  readonly crtPEM: string;
  /** PEM key for the rendered Secret (`''` = none). */
  readonly keyPEM: string;
  /** PEM CA bundle written (base64) into the APIService / webhook (`''` = none). */
  readonly caBundle: string;
  /** `namespace/certificate` for cert-manager's `inject-ca-from` annotation (`''` = none). */
  readonly injectCaFrom: string;
  /** `namespace/secret` for cert-manager's `inject-ca-from-secret` annotation (`''` = none). */
  readonly injectCaFromSecret: string;
}

export interface VizMetricsApiValues extends VizComponentValues {
  readonly nodeSelector: StringMap;
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | null;
}

export interface VizTapValues extends VizComponentValues, VizWebhookTlsValues {
  /** Headers the tap server leaves out of tap events. */
  readonly ignoreHeaders: readonly string[];
}

export interface VizTapInjectorValues extends VizComponentValues, VizWebhookTlsValues {
  readonly namespaceSelector: LabelSelectorValues;
  /** @default - every pod */
  readonly objectSelector?: LabelSelectorValues | null;
  /** `Ignore` or `Fail`. */
  readonly failurePolicy: string;
}

export interface VizDashboardValues extends VizComponentValues {
  /** Drop the web ServiceAccount's tap and check privileges. */
  readonly restrictPrivileges: boolean;
  /** Host header regexp the dashboard enforces; `''` = the dashboard's own service names. */
  readonly enforcedHostRegexp: string;
  readonly service: { readonly annotations: StringMap; readonly labels: StringMap };
}

export interface VizNamespaceMetadataValues {
  readonly image: VizImageValues;
  readonly nodeSelector: StringMap;
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | null;
}

/** Where the dashboard links Grafana dashboards; `url` and `externalUrl` exclude each other. */
export interface VizGrafanaValues {
  /** In-cluster Grafana behind the dashboard's reverse proxy. @default - no Grafana links */
  readonly url?: string | null;
  /** Off-cluster Grafana, linked directly. @default - none */
  readonly externalUrl?: string | null;
  /** Prefix of the dashboard UIDs when `externalUrl` is used. @default - none */
  readonly uidPrefix?: string | null;
}

/** Experimental persistent storage for Prometheus data. */
export interface VizPrometheusPersistenceValues {
  /** @default - the cluster's default storage class */
  readonly storageClass?: string;
  readonly accessMode: string;
  readonly size: string;
}

/** A ConfigMap of alerting/recording rules mounted beside prometheus.yml. */
export interface VizRuleConfigMapMount {
  readonly name: string;
  /** Must end in `_rules.yml` or `_rules.yaml` to match the config's `rule_files`. */
  readonly subPath: string;
  readonly configMap: string;
}

export interface VizPrometheusValues {
  readonly enabled: boolean;
  /** Used verbatim: no fallback to `defaultRegistry` (only `pullPolicy` falls back). */
  readonly image: VizImageValues;
  /** `''` falls back to `defaultLogLevel`. */
  readonly logLevel: string;
  /** `''` falls back to `defaultLogFormat`; `json` or anything else (`logfmt`). */
  readonly logFormat: string;
  /** Command-line flags, rendered sorted as `--key=value` (`--key` alone when the value is empty). */
  readonly args: { readonly [flag: string]: string | number | boolean | null };
  /** The config's `global` section. */
  readonly globalConfig: JsonObject;
  readonly podAnnotations: StringMap;
  /** @default - none */
  readonly alertRelabelConfigs?: readonly JsonValue[] | null;
  /** @default - none */
  readonly alertmanagers?: readonly JsonValue[] | null;
  /** @default - none */
  readonly remoteWrite?: readonly JsonValue[] | null;
  /** @default - none */
  readonly ruleConfigMapMounts?: readonly VizRuleConfigMapMount[] | null;
  /** Extra scrape jobs appended to Linkerd's. @default - none */
  readonly scrapeConfigs?: readonly JsonValue[] | null;
  /** Applied to the Linkerd scrape jobs. @default - none */
  readonly metricRelabelConfigs?: readonly JsonValue[] | null;
  /** Extra containers in the Prometheus pod. @default - none */
  readonly sidecarContainers?: readonly JsonObject[] | null;
  /** @default - an emptyDir */
  readonly persistence?: VizPrometheusPersistenceValues | null;
  readonly resources: ResourceRequirementsValues;
  /** @default - no proxy overrides */
  readonly proxy?: VizProxyValues | null;
  readonly nodeSelector: StringMap;
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | null;
}

export interface VizValues {
  readonly linkerdVersion: string;
  readonly clusterDomain: string;
  readonly podLabels: StringMap;
  readonly commonLabels: StringMap;
  /** `''` falls back to `clusterDomain`. */
  readonly identityTrustDomain: string;
  readonly revisionHistoryLimit: number;
  readonly defaultRegistry: string;
  readonly defaultImagePullPolicy: string;
  readonly defaultLogLevel: string;
  readonly defaultLogFormat: string;
  readonly defaultUID: number;
  readonly defaultGID: number;
  readonly linkerdNamespace: string;
  readonly nodeSelector: StringMap;
  readonly imagePullSecrets: readonly JsonObject[];
  /** @default - none */
  readonly tolerations?: readonly JsonObject[] | null;
  readonly enablePodAntiAffinity: boolean;
  readonly enablePodDisruptionBudget: boolean;
  /** A Kubernetes NodeAffinity for the viz deployments. @default - none */
  readonly nodeAffinity?: JsonObject | null;
  /** Helm-only post-install Job; CLI renders never include it. */
  readonly createNamespaceMetadataJob: boolean;
  /** Bind the viz ServiceAccounts to the control plane's PodSecurityPolicy. */
  readonly enablePSP: boolean;
  /** External Prometheus (`''` = viz's own). */
  readonly prometheusUrl: string;
  /** Secret with `user` / `password` for basic auth to Prometheus (`''` = none). */
  readonly prometheusCredsSecret: string;
  /** Jaeger address the dashboard links to (`''` = none). */
  readonly jaegerUrl: string;
  /** Go-only (set by the CLI when the core runs with CNI): restricted pod security. @default false */
  readonly cniEnabled?: boolean;
  /** Go-only: profiling endpoints on the viz controllers. @default false */
  readonly enablePprof?: boolean;
  readonly metricsAPI: VizMetricsApiValues;
  readonly tap: VizTapValues;
  readonly tapInjector: VizTapInjectorValues;
  readonly dashboard: VizDashboardValues;
  readonly namespaceMetadata: VizNamespaceMetadataValues;
  readonly grafana: VizGrafanaValues;
  readonly prometheus: VizPrometheusValues;
}
