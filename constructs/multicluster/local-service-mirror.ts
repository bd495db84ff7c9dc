/**
 * The local service mirror: federates this cluster's own services (those matching
 * `federatedServiceSelector`) into the federated services that Links from other clusters contribute to.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { KubeObject } from '../../lib/manifest.js';
import { buildResources } from '../../lib/pod/resources.js';
import { EXTENSION, EXTENSION_LABEL, kube, mcLabels, pullSecrets, type MulticlusterContext } from './context.js';
import { disruptionBudget } from './disruption-budget.js';
import { podAffinity } from '../../lib/pod/affinity.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { ANNOTATIONS, INJECT_ANNOTATION, INJECT_ENABLED } from '../../lib/k8s/labels.js';

const NAME = 'linkerd-local-service-mirror';
const ROLE = 'linkerd-local-service-mirror-access-local-resources';
const COMPONENT = { component: 'local-service-mirror' };

/** Pod annotations every service mirror carries: meshed, evictable, and no proxy drain delay on exit. */
export function mirrorPodAnnotations(ctx: MulticlusterContext): Record<string, string> {
  return {
    [INJECT_ANNOTATION]: INJECT_ENABLED,
    'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true',
    [ANNOTATIONS.waitBeforeExitSeconds]: '0',
    ...ctx.values.podAnnotations,
  };
}

/** `name:tag`, the tag falling back to `linkerdVersion`; the pull policy only when one is set. */
export function mirrorImage(ctx: MulticlusterContext, image: { name: string; version: string; pullPolicy: string }): Pick<IContainer, 'image' | 'imagePullPolicy'> {
  return {
    image: `${image.name}:${image.version || ctx.values.linkerdVersion}`,
    ...(image.pullPolicy && { imagePullPolicy: image.pullPolicy as IContainer['imagePullPolicy'] }),
  };
}

function deployment(ctx: MulticlusterContext): IDeployment {
  const { values } = ctx;
  const lsm = values.localServiceMirror;
  const affinity = podAffinity({ antiAffinity: values.enablePodAntiAffinity, labelKey: 'component', labelValue: COMPONENT.component, nodeAffinity: values.nodeAffinity });
  const resources = buildResources(lsm.resources);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: mcLabels(ctx, COMPONENT), name: NAME, namespace: ctx.namespace },
    spec: {
      replicas: lsm.replicas,
      revisionHistoryLimit: values.revisionHistoryLimit,
      selector: { matchLabels: { ...COMPONENT } },
      ...(values.enablePodAntiAffinity && { strategy: { rollingUpdate: { maxUnavailable: 1 } } }),
      template: {
        metadata: {
          annotations: mirrorPodAnnotations(ctx),
          labels: { [EXTENSION_LABEL]: EXTENSION, ...COMPONENT, ...values.podLabels },
        },
        spec: {
          ...(affinity && { affinity }),
          automountServiceAccountToken: false,
          containers: [
            {
              args: [
                'service-mirror',
                `-log-level=${lsm.logLevel}`,
                `-log-format=${lsm.logFormat}`,
                `-event-requeue-limit=${lsm.serviceMirrorRetryLimit}`,
                `-namespace=${ctx.namespace}`,
                `-enable-pprof=${lsm.enablePprof}`,
                '-local-mirror',
                `-federated-service-selector=${lsm.federatedServiceSelector}`,
                `-excluded-labels=${lsm.excludedLabels}`,
                `-excluded-annotations=${lsm.excludedAnnotations}`,
              ],
              ...mirrorImage(ctx, lsm.image),
              name: 'service-mirror',
              securityContext: restrictedSecurityContext(lsm.UID, lsm.GID),
              volumeMounts: [kubeApiAccessMount()],
              ports: [{ containerPort: 9999, name: 'locsm-admin' }],
              ...(resources && { resources }),
            },
          ],
          securityContext: restrictedPodSecurityContext(),
          serviceAccountName: NAME,
          volumes: [kubeApiAccessVolume()],
        },
      },
    },
  };
}

export function localServiceMirrorObjects(ctx: MulticlusterContext): KubeObject[] {
  const labels = mcLabels(ctx, COMPONENT);
  return [
    {
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: ROLE, labels },
      rules: [
        { apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['list', 'get', 'watch', 'create', 'delete', 'update'] },
        { apiGroups: [''], resources: ['namespaces'], verbs: ['list', 'get', 'watch'] },
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update', 'patch'] },
        { apiGroups: ['multicluster.linkerd.io'], resources: ['links'], verbs: ['list', 'get', 'watch'] },
        { apiGroups: ['multicluster.linkerd.io'], resources: ['links/status'], verbs: ['update'] },
      ],
    },
    {
      kind: 'ClusterRoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: ROLE, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ROLE },
      subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ctx.namespace }],
    },
    { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: NAME, namespace: ctx.namespace, labels }, ...pullSecrets(ctx) },
    kube(deployment(ctx)),
    // Upstream labels this budget with the component only.
    ...(ctx.values.enablePodAntiAffinity ? [kube(disruptionBudget(ctx, NAME, { ...COMPONENT }, { ...COMPONENT }))] : []),
  ];
}
