/**
 * What a linked (source) cluster's service mirror uses to read this cluster: a ServiceAccount with a
 * long-lived token Secret (embedded in the kubeconfig `link-gen` prints) and read-only RBAC over the
 * objects mirroring needs.
 */
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { KubeObject } from '../../lib/manifest.js';
import { createdBy, mcLabels, pullSecrets, type MulticlusterContext } from './context.js';

const READ = ['list', 'get', 'watch'];

export function remoteAccessObjects(ctx: MulticlusterContext): KubeObject[] {
  if (!ctx.values.remoteMirrorServiceAccount) return [];
  const name = ctx.values.remoteMirrorServiceAccountName;
  const namespace = ctx.namespace;
  const meta = { labels: mcLabels(ctx), annotations: createdBy(ctx) };
  const role: IClusterRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, ...meta },
    rules: [
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: READ },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: READ },
      { apiGroups: [''], resources: ['pods', 'endpoints', 'services'], verbs: READ },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
      { apiGroups: ['policy.linkerd.io'], resources: ['servers'], verbs: READ },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['linkerd-config'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ],
  };
  return [
    role as KubeObject,
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, ...meta }, ...pullSecrets(ctx) },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `${name}-token`,
        namespace,
        labels: meta.labels,
        annotations: { 'kubernetes.io/service-account.name': name, ...meta.annotations },
      },
      type: 'kubernetes.io/service-account-token',
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, ...meta },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    },
  ];
}
