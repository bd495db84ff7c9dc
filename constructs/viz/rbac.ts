/** RBAC object builders for the viz templates (cluster-scoped names embed the viz namespace). */
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { KubeObject } from '../../lib/manifest.js';
import type { StringMap } from '../../lib/values/viz/types.js';
import { kube, objectLabels, type VizContext } from './context.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function rule(apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): IPolicyRule {
  return { apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) };
}

/** `linkerd-<vizNamespace>-<suffix>`: cluster-scoped names stay unique per viz install. */
export function clusterName(ctx: VizContext, suffix: string): string {
  return `linkerd-${ctx.namespace}-${suffix}`;
}

export function clusterRole(ctx: VizContext, name: string, labels: StringMap, rules: IPolicyRule[]): KubeObject {
  const role: IClusterRole = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRole',
    metadata: { name, labels: objectLabels(ctx, labels) },
    rules,
  };
  return kube(role);
}

/** Binds `roleName` to ServiceAccounts of the viz namespace. */
export function clusterRoleBinding(ctx: VizContext, name: string, labels: StringMap, roleName: string, accounts: string[]): KubeObject {
  const binding: IClusterRoleBinding = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: objectLabels(ctx, labels) },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
    subjects: accounts.map((sa) => ({ kind: 'ServiceAccount', name: sa, namespace: ctx.namespace })),
  };
  return kube(binding);
}

export function role(ctx: VizContext, name: string, namespace: string, labels: StringMap, rules: IPolicyRule[]): KubeObject {
  const r: IRole = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'Role',
    metadata: { name, namespace, labels: objectLabels(ctx, labels) },
    rules,
  };
  return kube(r);
}

export function roleBinding(
  ctx: VizContext,
  name: string,
  namespace: string,
  labels: StringMap,
  roleRef: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string },
  accounts: string[],
): KubeObject {
  const binding: IRoleBinding = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace, labels: objectLabels(ctx, labels) },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    subjects: accounts.map((sa) => ({ kind: 'ServiceAccount', name: sa, namespace: ctx.namespace })),
  };
  return kube(binding);
}
