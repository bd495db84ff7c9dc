/**
 * Small builders for RBAC objects, so each component's RBAC file reads as its rules only. Each is
 * type-checked against its kubernetes-models interface, then returned as a plain `KubeObject` (those
 * interfaces lack its index signature).
 */
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from '../../lib/manifest.js';
import { asKubeObject } from './as-kube-object.js';
import type { ControlPlaneContext } from './context.js';
import { imagePullSecrets } from './labels.js';

const RBAC = 'rbac.authorization.k8s.io';

/** Metadata of a cluster-scoped or namespaced object. */
export interface Meta {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** @default - none */
  readonly annotations?: Record<string, string>;
  /** @default - cluster-scoped */
  readonly namespace?: string;
}

function metadata(meta: Meta) {
  return {
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    labels: meta.labels,
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
}

/** `rule(['apps'], ['replicasets'], ['list'])`; `resourceNames` only when given. */
export function rule(
  apiGroups: string[],
  resources: string[],
  verbs: string[],
  resourceNames?: string[],
): IPolicyRule {
  return { apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) };
}

export function clusterRole(meta: Meta, rules: IPolicyRule[]): KubeObject {
  const o: IClusterRole = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: metadata(meta), rules };
  return asKubeObject(o);
}

export function role(meta: Meta, rules: IPolicyRule[]): KubeObject {
  const o: IRole = { apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: metadata(meta), rules };
  return asKubeObject(o);
}

/** A subject list of ServiceAccounts. */
export function serviceAccountSubject(name: string, namespace: string) {
  return { kind: 'ServiceAccount', name, namespace };
}

export function clusterRoleBinding(
  meta: Meta,
  clusterRoleName: string,
  subjects: { kind: string; name: string; namespace?: string; apiGroup?: string }[],
): KubeObject {
  const o: IClusterRoleBinding = {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: metadata(meta),
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: clusterRoleName },
    subjects,
  };
  return asKubeObject(o);
}

export function roleBinding(
  meta: Meta,
  roleName: string,
  subjects: { kind: string; name: string; namespace?: string }[],
): KubeObject {
  const o: IRoleBinding = {
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: metadata(meta),
    roleRef: { apiGroup: RBAC, kind: 'Role', name: roleName },
    subjects,
  };
  return asKubeObject(o);
}

/** A control-plane ServiceAccount, carrying the global `imagePullSecrets`. */
export function serviceAccount(ctx: ControlPlaneContext, name: string, labels: Record<string, string>): KubeObject {
  const o: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: ctx.namespace, labels },
    ...imagePullSecrets(ctx),
  };
  return asKubeObject(o);
}
