/**
 * The frame around a control-plane workload's containers: object and pod-template labels, the pod
 * spec (scheduling, affinity and security context from lib/pod's partials) and the Deployment.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IDeploymentStrategy } from 'kubernetes-models/apps/v1/DeploymentStrategy';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { podAffinity } from '../../lib/pod/affinity.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { PROXY_DEPLOYMENT_LABEL, WORKLOAD_NS_LABEL } from '../../lib/k8s/labels.js';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL, PART_OF_LABEL, createdBy, CREATED_BY_ANNOTATION } from './labels.js';

export { WORKLOAD_NS_LABEL } from '../../lib/k8s/labels.js';

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
    [CONTROL_PLANE_COMPONENT_LABEL]: component,
    [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
    ...ctx.values.commonLabels,
  };
}

/** Pod-template labels of a meshed control-plane Deployment, `podLabels` last. */
export function meshedPodLabels(ctx: ControlPlaneContext, component: string, name: string): Record<string, string> {
  return {
    [CONTROL_PLANE_COMPONENT_LABEL]: component,
    [CONTROL_PLANE_NS_LABEL]: ctx.namespace,
    [WORKLOAD_NS_LABEL]: ctx.namespace,
    [PROXY_DEPLOYMENT_LABEL]: name,
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
  const affinity = podAffinity({ antiAffinity: v.enablePodAntiAffinity, labelKey: CONTROL_PLANE_COMPONENT_LABEL, labelValue: component, nodeAffinity: v.nodeAffinity });
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
