/**
 * Pieces every control-plane workload template repeats: the controller image and hardened security
 * context, the manually mounted service-account token, scheduling (node selector, tolerations,
 * affinity, priority and runtime classes), the proxy values a control-plane pod's sidecar is
 * rendered with, and the Deployment skeleton around a pod spec.
 */
import { createHash } from 'node:crypto';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IDeploymentStrategy } from 'kubernetes-models/apps/v1/DeploymentStrategy';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { podAffinity } from '../../lib/pod/affinity.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { hasResources } from '../../lib/pod/resources.js';
import {
  PROXY_VERSION_ANNOTATION,
  proxyPodAnnotations,
  TRUST_ROOT_SHA256_ANNOTATION,
  type ProxyContext,
} from '../../lib/proxy/index.js';
import type {
  JsonObject,
  MeshValues,
  ProbeValues,
  ProxyValues,
  ResourceRequirementsValues,
} from '../../lib/values/mesh/types.js';
import type { ControlPlaneContext } from './context.js';
import { COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL, PART_OF_LABEL, createdBy, CREATED_BY_ANNOTATION } from './labels.js';

export const WORKLOAD_NS_LABEL = 'linkerd.io/workload-ns';
/** The policy controller reads its own pod's default policy from this annotation. */
export const DEFAULT_INBOUND_POLICY_ANNOTATION = 'config.linkerd.io/default-inbound-policy';
export const OPAQUE_PORTS_ANNOTATION = 'config.linkerd.io/opaque-ports';

/** `controllerImage:(controllerImageVersion | default linkerdVersion)`. */
export function controllerImage(values: MeshValues): string {
  return `${values.controllerImage}:${values.controllerImageVersion || values.linkerdVersion}`;
}

/** The hardened security context of every controller container. */
export function controllerSecurityContext(values: MeshValues): ISecurityContext {
  return restrictedSecurityContext(values.controllerUID, values.controllerGID);
}

export { KUBE_API_ACCESS_VOLUME, kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';

export interface ControllerProbeOptions {
  /** @default - unset */
  readonly initialDelaySeconds?: number;
  /** @default - unset */
  readonly failureThreshold?: number;
}

/**
 * Probe tunables as upstream's CLI renders them. The templates read `<component>.livenessProbe` and
 * `.readinessProbe`, but the CLI's Go `Values` struct only has those fields for `spValidator`: for
 * identity, destination, the policy controller and the proxy injector they are dropped before
 * rendering (the `linkerd-config` values dump shows it), so they never reach the pod. We mirror the
 * rendered result: only the sp-validator honours its probe values.
 */
export function renderedProbeTunables(tunables: ProbeValues | undefined, honoured: boolean): ProbeValues | undefined {
  return honoured ? tunables : undefined;
}

/** An HTTP probe of a controller's admin server, with the optional `timeoutSeconds` value. */
export function controllerProbe(path: string, port: number | string, tunables: ProbeValues | undefined, options: ControllerProbeOptions = {}): IProbe {
  return {
    ...(options.failureThreshold !== undefined ? { failureThreshold: options.failureThreshold } : {}),
    httpGet: { path, port },
    ...(options.initialDelaySeconds !== undefined ? { initialDelaySeconds: options.initialDelaySeconds } : {}),
    ...(typeof tunables?.timeoutSeconds === 'number' ? { timeoutSeconds: tunables.timeoutSeconds } : {}),
  };
}

/** `-trace-collector=...` when controller tracing is on (the proxy's collector is the fallback). */
export function controllerTracingArgs(values: MeshValues): string[] {
  const tracing = values.controller?.tracing;
  if (!tracing?.enabled) return [];
  const endpoint = tracing.collector?.endpoint || values.proxy.tracing?.collector?.endpoint || '';
  return [`-trace-collector=${endpoint}`];
}

/** Free-form env entries (`additionalEnv`, `experimentalEnv`) copied verbatim. */
export function extraEnv(...lists: (readonly JsonObject[] | null | undefined)[]): IEnvVar[] {
  return lists.flatMap((l) => (l ?? []).map((e) => structuredClone(e) as unknown as IEnvVar));
}

export interface SidecarOverrides {
  /** `proxy.*` keys the component's template sets. @default {} */
  readonly proxy?: Partial<ProxyValues>;
  /** `<component>ProxyResources`: replaces `proxy.resources` when it sets anything. @default - keep */
  readonly proxyResources?: ResourceRequirementsValues | null;
}

/**
 * The value tree a control-plane pod's sidecar is rendered from: the user's values with the
 * component's overrides, the kube API ports skipped outbound (controllers must reach the API server
 * before their proxy is ready), and every capability dropped from the proxy container.
 */
export function controlPlaneProxyValues(values: MeshValues, overrides: SidecarOverrides = {}): MeshValues {
  const resources = hasResources(overrides.proxyResources) ? overrides.proxyResources! : values.proxy.resources;
  return {
    ...values,
    proxy: {
      ...values.proxy,
      capabilities: values.proxy.capabilities ?? { drop: ['ALL'] },
      ...overrides.proxy,
      resources,
    },
    proxyInit: { ...values.proxyInit, ignoreOutboundPorts: values.proxyInit.kubeAPIServerPorts },
  };
}

/** The proxy context of a control-plane component. */
export function controlPlaneProxyContext(ctx: ControlPlaneContext, component: string, extra: Partial<ProxyContext> = {}): ProxyContext {
  return { controlPlaneNamespace: ctx.namespace, component, loadTrustBundleFromConfigMap: true, ...extra };
}

/** Pod-template annotations: created-by, the proxy's, then the user's and the component's own. */
export function controlPlanePodAnnotations(
  ctx: ControlPlaneContext,
  proxyValues: MeshValues,
  options: { readonly checksum?: string; readonly component?: Readonly<Record<string, string>>; readonly extra?: Readonly<Record<string, string>> } = {},
): Record<string, string> {
  const proxy = proxyPodAnnotations(proxyValues);
  return {
    ...(options.checksum ? { 'checksum/config': options.checksum } : {}),
    [CREATED_BY_ANNOTATION]: createdBy(ctx),
    [PROXY_VERSION_ANNOTATION]: proxy[PROXY_VERSION_ANNOTATION],
    // The control plane must survive node scale-downs by being rescheduled, never blocked.
    'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true',
    [TRUST_ROOT_SHA256_ANNOTATION]: proxy[TRUST_ROOT_SHA256_ANNOTATION],
    ...ctx.values.podAnnotations,
    ...options.component,
    ...options.extra,
    // Identity bootstrap needs unauthenticated access to the control plane whatever the mesh default.
    [DEFAULT_INBOUND_POLICY_ANNOTATION]: 'all-unauthenticated',
  };
}

/** JSON with map keys sorted at every level, as Helm's `toJson` (Go maps) writes it. */
export function goJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sort(o[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** A stable digest standing in for upstream's `checksum/config` (it only needs to change with its input). */
export function checksum(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input ?? null)).digest('hex');
}

export interface DeploymentSpecInput {
  /** Short component name (`identity`, `destination`, `proxy-injector`). */
  readonly component: string;
  /** Object and service-account name (`linkerd-identity`). */
  readonly name: string;
  /** Labels of `spec.selector.matchLabels`. */
  readonly selector: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  readonly podSpec: IPodSpec;
}

/** Object labels of a control-plane workload, `commonLabels` last. */
export function workloadLabels(ctx: ControlPlaneContext, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': component,
    [PART_OF_LABEL]: 'Linkerd',
    'app.kubernetes.io/version': ctx.values.linkerdVersion,
    [COMPONENT_LABEL]: component,
    [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
    ...ctx.values.commonLabels,
  };
}

/** Pod-template labels of a meshed control-plane Deployment, `podLabels` last. */
export function meshedPodLabels(ctx: ControlPlaneContext, component: string, name: string): Record<string, string> {
  return {
    [COMPONENT_LABEL]: component,
    [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
    [WORKLOAD_NS_LABEL]: ctx.namespace,
    'linkerd.io/proxy-deployment': name,
    ...ctx.values.podLabels,
  };
}

/** The common pod-spec frame; containers, init containers and volumes come from the component. */
export function controlPlanePodSpec(
  ctx: ControlPlaneContext,
  component: string,
  parts: { readonly serviceAccountName: string; readonly containers: IContainer[]; readonly initContainers: IContainer[]; readonly volumes: IVolume[] },
): IPodSpec {
  const v = ctx.values;
  const affinity = podAffinity({ antiAffinity: v.enablePodAntiAffinity, labelKey: COMPONENT_LABEL, labelValue: component, nodeAffinity: v.nodeAffinity });
  const { tolerations, nodeSelector, priorityClassName, runtimeClassName } = podScheduling(v);
  return {
    ...(tolerations ? { tolerations } : {}),
    ...(nodeSelector ? { nodeSelector } : {}),
    ...(affinity ? { affinity } : {}),
    automountServiceAccountToken: false,
    containers: parts.containers,
    ...(parts.initContainers.length ? { initContainers: parts.initContainers } : {}),
    ...(priorityClassName ? { priorityClassName } : {}),
    ...(runtimeClassName ? { runtimeClassName } : {}),
    securityContext: restrictedPodSecurityContext(),
    serviceAccountName: parts.serviceAccountName,
    volumes: parts.volumes,
  };
}

/** A control-plane Deployment around a pod spec. */
export function controlPlaneDeployment(ctx: ControlPlaneContext, input: DeploymentSpecInput, podLabels: Record<string, string>): IDeployment {
  const v = ctx.values;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { [CREATED_BY_ANNOTATION]: createdBy(ctx) },
      labels: workloadLabels(ctx, input.component),
      name: input.name,
      namespace: ctx.namespace,
    },
    spec: {
      replicas: v.controllerReplicas,
      revisionHistoryLimit: v.revisionHistoryLimit,
      selector: { matchLabels: { ...input.selector } },
      strategy: structuredClone(v.deploymentStrategy) as IDeploymentStrategy,
      template: {
        metadata: { annotations: { ...input.podAnnotations }, labels: podLabels },
        spec: input.podSpec,
      },
    },
  };
}
