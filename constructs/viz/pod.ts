/**
 * The Deployment and PodDisruptionBudget wrappers the viz workloads share; upstream's partials
 * (resources, proxy resource annotations, affinity, scheduling, security contexts) come from lib/pod.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { podAffinity } from '../../lib/pod/affinity.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { KubeObject } from '../../lib/manifest.js';
import type { JsonObject, StringMap } from '../../lib/values/viz/types.js';
import { createdBy, kube, objectLabels, type VizContext } from './context.js';
import { ANNOTATIONS, INJECT_ANNOTATION, INJECT_ENABLED } from '../../lib/k8s/labels.js';

/** A viz Deployment's inputs; everything else is common to all of them. */
export interface VizWorkloadSpec {
  readonly name: string;
  /** The `component` label value (also the anti-affinity key). */
  readonly component: string;
  readonly replicas: number;
  /** Deployment labels besides the extension label and `commonLabels`. */
  readonly labels: StringMap;
  readonly selector: StringMap;
  /** Pod template labels before `podLabels`. */
  readonly podLabels: StringMap;
  /** Template annotations placed before the injection annotations (proxy resources, podAnnotations). */
  readonly podAnnotations: StringMap;
  readonly safeToEvict: boolean;
  readonly nodeSelector: StringMap | undefined | null;
  readonly tolerations: readonly JsonObject[] | undefined | null;
  /**
   * Whether the template includes `linkerd.affinity` (anti-affinity with `enablePodAntiAffinity`, and
   * `nodeAffinity`); single-replica Prometheus does not.
   */
  readonly affinity: boolean;
  readonly containers: readonly IContainer[];
  readonly podSecurityContext: IPodSecurityContext;
  readonly serviceAccountName: string;
  readonly volumes: readonly IVolume[];
}

export function vizDeployment(ctx: VizContext, spec: VizWorkloadSpec): KubeObject {
  const v = ctx.values;
  const affinity = spec.affinity
    ? podAffinity({ antiAffinity: v.enablePodAntiAffinity, labelKey: 'component', labelValue: spec.component, nodeAffinity: v.nodeAffinity })
    : undefined;
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.name,
      namespace: ctx.namespace,
      annotations: { ...createdBy(ctx), [INJECT_ANNOTATION]: INJECT_ENABLED, [ANNOTATIONS.await]: 'enabled' },
      labels: objectLabels(ctx, spec.labels),
    },
    spec: {
      replicas: spec.replicas,
      revisionHistoryLimit: v.revisionHistoryLimit,
      selector: { matchLabels: { ...spec.selector } },
      ...(spec.affinity && v.enablePodAntiAffinity ? { strategy: { rollingUpdate: { maxUnavailable: 1 } } } : {}),
      template: {
        metadata: {
          annotations: {
            ...createdBy(ctx),
            ...spec.podAnnotations,
            [INJECT_ANNOTATION]: INJECT_ENABLED,
            [ANNOTATIONS.waitBeforeExitSeconds]: '0',
            ...(spec.safeToEvict ? { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' } : {}),
          },
          labels: { ...spec.podLabels, ...v.podLabels },
        },
        spec: {
          ...podScheduling({ tolerations: spec.tolerations, nodeSelector: spec.nodeSelector }),
          ...(affinity ? { affinity } : {}),
          automountServiceAccountToken: false,
          containers: [...spec.containers],
          securityContext: spec.podSecurityContext,
          serviceAccountName: spec.serviceAccountName,
          volumes: [...spec.volumes],
        },
      },
    },
  };
  return kube(deployment);
}

/** With `enablePodDisruptionBudget`: at most one replica down during voluntary disruptions. */
export function vizPodDisruptionBudget(ctx: VizContext, name: string, labels: StringMap, selector: StringMap): KubeObject[] {
  if (!ctx.values.enablePodDisruptionBudget) return [];
  const pdb: IPodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: ctx.namespace, labels: objectLabels(ctx, labels), annotations: createdBy(ctx) },
    spec: { maxUnavailable: 1, selector: { matchLabels: { ...selector } } },
  };
  return [kube(pdb)];
}
