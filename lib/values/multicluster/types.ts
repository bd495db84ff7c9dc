/**
 * The linkerd-multicluster chart's value tree (upstream `multicluster/charts/linkerd-multicluster/
 * values.yaml`), keys spelled as upstream. Everything in upstream's values.yaml is required here
 * because `multiclusterDefaults()` supplies it; commented-out keys are optional.
 */
import type { JsonObject, ResourceRequirementsValues, StringMap } from '../mesh/types.js';

export type { JsonObject, ResourceRequirementsValues, StringMap };

export interface GatewayProbeValues {
  /** Path remote clusters probe to decide whether the gateway is alive. @default '/ready' */
  readonly path: string;
  /** @default 4191 */
  readonly port: number;
  /** Fixed nodePort for the probe port (LoadBalancer/NodePort services). @default - allocated */
  readonly nodePort?: number;
  /** Seconds between probes. @default 3 */
  readonly seconds: number;
}

export interface GatewayValues {
  /** @default true */
  readonly enabled: boolean;
  /** @default 1 (3 with --ha) */
  readonly replicas: number;
  /** Name of the gateway Deployment, Service, ServiceAccount and policy objects. @default 'linkerd-gateway' */
  readonly name: string;
  /** @default 4143 */
  readonly port: number;
  /** @default 'LoadBalancer' */
  readonly serviceType: string;
  /** @default - allocated */
  readonly nodePort?: number;
  /** Only with externalTrafficPolicy Local. @default - allocated */
  readonly healthCheckNodePort?: number;
  readonly probe: GatewayProbeValues;
  /** @default {} */
  readonly serviceAnnotations: StringMap;
  /** `Cluster` or `Local`; '' leaves Kubernetes' default. @default '' */
  readonly serviceExternalTrafficPolicy: string;
  /** @default {} */
  readonly deploymentAnnotations: StringMap;
  /** @default '' */
  readonly loadBalancerClass: string;
  /** @default '' */
  readonly loadBalancerIP: string;
  /** @default [] */
  readonly loadBalancerSourceRanges: readonly string[];
  /** '' leaves Kubernetes' default. @default '' */
  readonly terminationGracePeriodSeconds: number | string;
  /** @default {} */
  readonly nodeSelector: StringMap;
  /** @default [] */
  readonly tolerations: readonly JsonObject[];
  /** @default 'registry.k8s.io/pause:3.2' */
  readonly pauseImage: string;
  /** @default 2103 */
  readonly UID: number;
  /** @default 2103 */
  readonly GID: number;
}

export interface MulticlusterImageValues {
  /** @default 'cr.l5d.io/linkerd/controller' */
  readonly name: string;
  /** '' falls back to the global `imagePullPolicy`. @default '' */
  readonly pullPolicy: string;
  /** Falls back to `linkerdVersion`. @default - linkerdVersion */
  readonly version: string;
}

export interface NamespaceMetadataValues {
  readonly image: {
    /** @default 'cr.l5d.io/linkerd' */
    readonly registry: string;
    /** @default 'extension-init' */
    readonly name: string;
    /** @default 'v0.1.12' */
    readonly tag: string;
    /** @default '' (imagePullPolicy) */
    readonly pullPolicy: string;
  };
  /** @default {} */
  readonly nodeSelector: StringMap;
  /** @default [] */
  readonly tolerations: readonly JsonObject[];
}

export interface LocalServiceMirrorValues {
  /** @default 3 */
  readonly serviceMirrorRetryLimit: number;
  /** @default 'mirror.linkerd.io/federated=member' */
  readonly federatedServiceSelector: string;
  /** @default '' */
  readonly excludedLabels: string;
  /** @default '' */
  readonly excludedAnnotations: string;
  /** @default 1 */
  readonly replicas: number;
  readonly image: MulticlusterImageValues;
  /** @default 'info' */
  readonly logLevel: string;
  /** @default 'plain' */
  readonly logFormat: string;
  /** @default false */
  readonly enablePprof: boolean;
  /** @default 2103 */
  readonly UID: number;
  /** @default 2103 */
  readonly GID: number;
  /** `{cpu, memory, ephemeral-storage} × {limit, request}`. @default {} */
  readonly resources: ResourceRequirementsValues;
}

/** Settings of one Link's service-mirror controller; `controllers[]` entries override `controllerDefaults`. */
export interface ControllerSettingsValues {
  /** @default 1 */
  readonly replicas: number;
  readonly image: MulticlusterImageValues;
  readonly gateway: {
    /** Renders the `probe-gateway-<link>` Service the controller probes the remote gateway through. @default true */
    readonly enabled: boolean;
    readonly probe: { /** @default 4191 */ readonly port: number };
  };
  /** @default 'info' */
  readonly logLevel: string;
  /** @default 'plain' */
  readonly logFormat: string;
  /** @default false */
  readonly enableHeadlessServices: boolean;
  /** @default false */
  readonly enablePprof: boolean;
  /** @default 2103 */
  readonly UID: number;
  /** @default 2103 */
  readonly GID: number;
  /** @default 3 */
  readonly retryLimit: number;
  /** @default {} */
  readonly resources: ResourceRequirementsValues;
  /** @default {} */
  readonly nodeSelector: StringMap;
  /** A list of tolerations (upstream's default is an empty map, which renders nothing). @default {} */
  readonly tolerations: readonly JsonObject[] | JsonObject;
  /** @default false */
  readonly enablePodAntiAffinity: boolean;
  /** @default {} */
  readonly nodeAffinity: JsonObject;
}

/** One `controllers[]` entry: `link.ref.name` is required, the rest defaults to `controllerDefaults`. */
export interface ControllerValues extends Partial<ControllerSettingsValues> {
  readonly link: { readonly ref: { readonly name: string } };
}

/** A `controllers[]` entry merged over `controllerDefaults`: what one service mirror renders from. */
export interface ResolvedControllerValues extends ControllerSettingsValues {
  readonly link: { readonly ref: { readonly name: string } };
}

export interface MulticlusterValues {
  readonly gateway: GatewayValues;
  /** The CLI substitutes the release for the placeholder `linkerdVersionValue`. @default - the release */
  readonly linkerdVersion: string;
  /** @default {} */
  readonly podAnnotations: StringMap;
  /** @default {} */
  readonly podLabels: StringMap;
  /** @default {} */
  readonly commonLabels: StringMap;
  /** @default 'IfNotPresent' */
  readonly imagePullPolicy: string;
  /** Applied to the ServiceAccounts. @default [] */
  readonly imagePullSecrets: readonly { readonly name: string }[];
  /** @default 4140 */
  readonly proxyOutboundPort: number;
  /** Renders the ServiceAccount (plus token Secret and RBAC) remote clusters mirror through. @default true */
  readonly remoteMirrorServiceAccount: boolean;
  /** @default 'linkerd-service-mirror-remote-access-default' */
  readonly remoteMirrorServiceAccountName: string;
  /** @default 'linkerd' */
  readonly linkerdNamespace: string;
  /** @default 'cluster.local' */
  readonly identityTrustDomain: string;
  readonly namespaceMetadata: NamespaceMetadataValues;
  /** @default false */
  readonly enablePSP: boolean;
  /** Lets service mirrors create the namespaces of mirrored services. @default false */
  readonly enableNamespaceCreation: boolean;
  /** @default false (true with --ha) */
  readonly enablePodAntiAffinity: boolean;
  /** @default - none */
  readonly nodeAffinity?: JsonObject;
  /** Helm-only post-install Job labelling the namespace (the CLI labels it directly). @default true */
  readonly createNamespaceMetadataJob: boolean;
  /** @default 10 */
  readonly revisionHistoryLimit: number;
  readonly localServiceMirror: LocalServiceMirrorValues;
  /** Service-mirror controllers, one per Link. @default [] */
  readonly controllers: readonly ResolvedControllerValues[];
  readonly controllerDefaults: ControllerSettingsValues;
}
