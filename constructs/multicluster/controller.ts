/**
 * Service-mirror controllers, one per `controllers[]` entry (2.18+: they replace the per-link
 * `linkerd-multicluster-link` chart). Each watches its `Link`, reads the target cluster's credentials
 * Secret, mirrors the target's exported services here and probes the target's gateway through a
 * `probe-gateway-<link>` Service.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { KubeObject } from '../../lib/manifest.js';
import type { ResolvedControllerValues } from '../../lib/values/multicluster/types.js';
import { buildResources } from '../../lib/pod/resources.js';
import { GATEWAY_PROBE_PORT_NAME, MIRRORED_GATEWAY_LABEL } from '../../lib/k8s/labels.js';
import { CLUSTER_NAME_LABEL, EXTENSION, EXTENSION_LABEL, kube, mcLabels, pullSecrets, type MulticlusterContext } from './context.js';
import { mirrorImage, mirrorPodAnnotations } from './local-service-mirror.js';
import { podAffinity } from '../../lib/pod/affinity.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';

/** Shared by every controller; each binds it to its own ServiceAccount. */
export const CONTROLLER_CLUSTER_ROLE = 'linkerd-multicluster-controller-access-local-resources';
const COMPONENT = { component: 'controller' };

export function controllerClusterRole(ctx: MulticlusterContext): KubeObject {
  const namespaceVerbs = ['list', 'get', 'watch', ...(ctx.values.enableNamespaceCreation ? ['create'] : [])];
  return {
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: CONTROLLER_CLUSTER_ROLE, labels: mcLabels(ctx, COMPONENT) },
    rules: [
      { apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['list', 'get', 'watch', 'create', 'delete', 'update'] },
      { apiGroups: [''], resources: ['namespaces'], verbs: namespaceVerbs },
    ],
  };
}

/** Object names for the controller of Link `link`. */
export function controllerNames(link: string) {
  return {
    deployment: `controller-${link}`,
    serviceAccount: `controller-${link}`,
    clusterRoleBinding: `${CONTROLLER_CLUSTER_ROLE}-${link}`,
    role: `linkerd-service-mirror-read-remote-creds-${link}`,
    probeService: `probe-gateway-${link}`,
    credentialsSecret: `cluster-credentials-${link}`,
  };
}

function controllerDeployment(ctx: MulticlusterContext, c: ResolvedControllerValues): IDeployment {
  const link = c.link.ref.name;
  const names = controllerNames(link);
  const selector = { ...COMPONENT, [CLUSTER_NAME_LABEL]: link };
  const affinity = podAffinity({ antiAffinity: c.enablePodAntiAffinity, labelKey: CLUSTER_NAME_LABEL, labelValue: link, nodeAffinity: c.nodeAffinity });
  const resources = buildResources(c.resources);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: mcLabels(ctx, selector), name: names.deployment, namespace: ctx.namespace },
    spec: {
      replicas: c.replicas,
      revisionHistoryLimit: ctx.values.revisionHistoryLimit,
      selector: { matchLabels: { ...selector } },
      ...(c.enablePodAntiAffinity && { strategy: { rollingUpdate: { maxUnavailable: 1 } } }),
      template: {
        metadata: {
          annotations: mirrorPodAnnotations(ctx),
          labels: { [EXTENSION_LABEL]: EXTENSION, ...selector, ...ctx.values.podLabels },
        },
        spec: {
          ...(affinity && { affinity }),
          automountServiceAccountToken: false,
          containers: [
            {
              args: [
                'service-mirror',
                `-log-level=${c.logLevel}`,
                `-log-format=${c.logFormat}`,
                `-event-requeue-limit=${c.retryLimit}`,
                `-namespace=${ctx.namespace}`,
                ...(c.enableHeadlessServices ? ['-enable-headless-services'] : []),
                ...(ctx.values.enableNamespaceCreation ? ['-enable-namespace-creation'] : []),
                `-enable-pprof=${c.enablePprof}`,
                // The controller probes the target's gateway through this Service (rendered below).
                ...(c.gateway.enabled ? [`-probe-service=${names.probeService}`] : []),
                link,
              ],
              ...mirrorImage(ctx, c.image),
              name: 'service-mirror',
              securityContext: restrictedSecurityContext(c.UID, c.GID),
              volumeMounts: [kubeApiAccessMount()],
              ports: [{ containerPort: 9999, name: 'ctrl-admin' }],
              ...(resources && { resources }),
            },
          ],
          securityContext: restrictedPodSecurityContext(),
          serviceAccountName: names.serviceAccount,
          volumes: [kubeApiAccessVolume()],
          ...podScheduling({ nodeSelector: c.nodeSelector, tolerations: c.tolerations }),
        },
      },
    },
  };
}

/** RBAC, ServiceAccount, Deployment and (with `gateway.enabled`) the probe Service of one controller. */
export function controllerObjects(ctx: MulticlusterContext, c: ResolvedControllerValues): KubeObject[] {
  const link = c.link.ref.name;
  const names = controllerNames(link);
  const labels = mcLabels(ctx, { ...COMPONENT, [CLUSTER_NAME_LABEL]: link });
  const subject = { kind: 'ServiceAccount', name: names.serviceAccount, namespace: ctx.namespace };
  const objects: KubeObject[] = [
    {
      kind: 'ClusterRoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: names.clusterRoleBinding, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CONTROLLER_CLUSTER_ROLE },
      subjects: [{ ...subject }],
    },
    {
      kind: 'Role',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: names.role, namespace: ctx.namespace, labels },
      rules: [
        { apiGroups: [''], resources: ['secrets'], resourceNames: [names.credentialsSecret], verbs: ['list', 'get', 'watch'] },
        { apiGroups: ['multicluster.linkerd.io'], resources: ['links'], verbs: ['list', 'get', 'watch'] },
        { apiGroups: ['multicluster.linkerd.io'], resources: ['links/status'], verbs: ['update', 'patch'] },
        // Leader election between replicas.
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update', 'patch'] },
      ],
    },
    {
      kind: 'RoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: names.role, namespace: ctx.namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: names.role },
      subjects: [{ ...subject }],
    },
    { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: names.serviceAccount, namespace: ctx.namespace, labels }, ...pullSecrets(ctx) },
    kube(controllerDeployment(ctx, c)),
  ];
  if (c.gateway.enabled) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: names.probeService,
        namespace: ctx.namespace,
        labels: mcLabels(ctx, { [MIRRORED_GATEWAY_LABEL]: 'true', [CLUSTER_NAME_LABEL]: link }),
      },
      spec: { ports: [{ name: GATEWAY_PROBE_PORT_NAME, port: c.gateway.probe.port, protocol: 'TCP' }] },
    });
  }
  return objects;
}
