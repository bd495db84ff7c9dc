/**
 * The plugin's identity: a ServiceAccount that may read pods, nodes, namespaces and services (and, with
 * the repair controller, delete pods and record events), plus the legacy PodSecurityPolicy binding.
 */
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from '../../lib/manifest.js';
import { imagePullSecrets } from '../../lib/pod/scheduling.js';
import type { CniValues } from '../../lib/values/cni/types.js';
import { CNI_NAME, cniLabels, kube } from './labels.js';

export function cniServiceAccount(values: CniValues, namespace: string): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: CNI_NAME, namespace, labels: cniLabels(values) },
    ...imagePullSecrets(values.imagePullSecrets),
  };
}

export function cniClusterRole(values: CniValues): IClusterRole {
  const rules: NonNullable<IClusterRole['rules']> = [
    { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces', 'services'], verbs: ['list', 'get', 'watch'] },
  ];
  if (values.repairController.enabled) {
    rules.push({ apiGroups: [''], resources: ['pods'], verbs: ['delete'] });
    rules.push({ apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['create'] });
  }
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: CNI_NAME, labels: cniLabels(values) }, rules };
}

export function cniClusterRoleBinding(values: CniValues, namespace: string): IClusterRoleBinding {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: CNI_NAME, labels: cniLabels(values) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CNI_NAME },
    subjects: [{ kind: 'ServiceAccount', name: CNI_NAME, namespace }],
  };
}

/** `enablePSP`: a PodSecurityPolicy for the plugin's host-path pods and the Role/RoleBinding to use it. */
export function cniPodSecurityObjects(values: CniValues, namespace: string): KubeObject[] {
  const pspName = `linkerd-${namespace}-cni`;
  const psp: KubeObject = {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    metadata: { name: pspName, labels: cniLabels(values) },
    spec: {
      allowPrivilegeEscalation: false,
      fsGroup: { rule: 'RunAsAny' },
      hostNetwork: true,
      runAsUser: { rule: 'RunAsAny' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      volumes: ['hostPath', 'secret', 'configMap', 'emptyDir', 'projected'],
    },
  };
  const role: IRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: CNI_NAME, namespace, labels: cniLabels(values) },
    rules: [{ apiGroups: ['policy', 'extensions'], resources: ['podsecuritypolicies'], verbs: ['use'], resourceNames: [pspName] }],
  };
  const binding: IRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: CNI_NAME, namespace, labels: cniLabels(values) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: CNI_NAME },
    subjects: [{ kind: 'ServiceAccount', name: CNI_NAME, namespace }],
  };
  return [psp, kube(role), kube(binding)];
}
