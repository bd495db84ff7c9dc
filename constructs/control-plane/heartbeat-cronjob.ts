/**
 * The heartbeat CronJob (upstream's `templates/heartbeat.yaml`): reports anonymous usage once a day
 * on `heartbeatSchedule`, reading metrics from viz's Prometheus (or `prometheusUrl`). Unmeshed: a
 * short-lived job would keep a sidecar running forever. Absent when `disableHeartBeat`.
 */
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { KubeObject } from '../../lib/manifest.js';
import { buildResources } from '../../lib/pod/resources.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { pullPolicy } from '../../lib/proxy/index.js';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CREATED_BY_ANNOTATION, createdBy } from './labels.js';
import { controllerImage, controllerSecurityContext } from './controller-container.js';
import { WORKLOAD_NS_LABEL, workloadLabels } from './workload-frame.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';

const COMPONENT = 'heartbeat';
const NAME = 'linkerd-heartbeat';

/** `prometheusUrl`, else viz's in-cluster Prometheus. */
export function heartbeatPrometheusUrl(ctx: ControlPlaneContext): string {
  const v = ctx.values;
  return v.prometheusUrl || `http://prometheus.linkerd-viz.svc.${v.clusterDomain}:9090`;
}

export function heartbeatCronJob(ctx: ControlPlaneContext): KubeObject[] {
  const v = ctx.values;
  if (v.disableHeartBeat) return [];
  const resources = buildResources(v.heartbeatResources);
  const { tolerations, nodeSelector, priorityClassName, runtimeClassName } = podScheduling(v);
  const nodeAffinity = v.nodeAffinity && Object.keys(v.nodeAffinity).length ? structuredClone(v.nodeAffinity) : undefined;
  const cronJob: ICronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: NAME,
      namespace: ctx.namespace,
      labels: workloadLabels(ctx, COMPONENT),
      annotations: { [CREATED_BY_ANNOTATION]: createdBy(ctx) },
    },
    spec: {
      concurrencyPolicy: 'Replace',
      schedule: v.heartbeatSchedule ?? '',
      successfulJobsHistoryLimit: 0,
      jobTemplate: {
        spec: {
          template: {
            metadata: {
              labels: { [CONTROL_PLANE_COMPONENT_LABEL]: COMPONENT, [WORKLOAD_NS_LABEL]: ctx.namespace, ...v.podLabels },
              annotations: { [CREATED_BY_ANNOTATION]: createdBy(ctx), ...v.podAnnotations },
            },
            spec: {
              ...(tolerations ? { tolerations } : {}),
              ...(nodeSelector ? { nodeSelector } : {}),
              ...(nodeAffinity ? { affinity: { nodeAffinity } } : {}),
              ...(priorityClassName ? { priorityClassName } : {}),
              ...(runtimeClassName ? { runtimeClassName } : {}),
              securityContext: restrictedPodSecurityContext(),
              serviceAccountName: NAME,
              restartPolicy: 'Never',
              automountServiceAccountToken: false,
              containers: [
                {
                  name: COMPONENT,
                  image: controllerImage(v),
                  imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
                  env: [{ name: 'LINKERD_DISABLED', value: 'the heartbeat controller does not use the proxy' }],
                  args: [
                    'heartbeat',
                    `-controller-namespace=${ctx.namespace}`,
                    `-log-level=${v.controllerLogLevel}`,
                    `-log-format=${v.controllerLogFormat}`,
                    `-prometheus-url=${heartbeatPrometheusUrl(ctx)}`,
                  ],
                  ...(resources ? { resources } : {}),
                  securityContext: controllerSecurityContext(v),
                  volumeMounts: [kubeApiAccessMount()],
                },
              ],
              volumes: [kubeApiAccessVolume()],
            },
          },
        },
      },
    },
  };
  return [cronJob as unknown as KubeObject];
}
