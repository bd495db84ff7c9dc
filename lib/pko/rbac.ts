/**
 * What the Pulumi program's ServiceAccount may do. Two bindings:
 *
 * - `system:auth-delegator`: the operator talks to the workspace pod's agent over gRPC and the agent
 *   checks the operator's token with a TokenReview (PKO v2's documented requirement for every
 *   workspace ServiceAccount);
 * - the program's own role. `mesh` (the default) grants the kinds the mesh's charts emit — CRDs,
 *   namespaces, workloads, RBAC, webhooks, APIServices, Linkerd's and cert-manager's custom resources —
 *   plus read access to what the Kubernetes provider watches while it awaits readiness (pods,
 *   ReplicaSets, endpoints, events). Creating the control plane's ClusterRoles needs either every
 *   permission they grant or `escalate`/`bind` on RBAC; the role takes `escalate`/`bind` rather than
 *   copying upstream's rules, so it stays correct across releases. That makes it a guard against
 *   mistakes (no access to other kinds: nodes, storage, other controllers' resources), not a security
 *   boundary: a principal that may escalate RBAC can grant itself more. `cluster-admin` binds that
 *   role instead.
 */
import type { KubeObject } from '../manifest.js';
import { pkoLabels } from './labels.js';
import type { ResolvedPulumiOperator } from './props.js';

/** One RBAC rule. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

const MANAGE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;
const READ = ['get', 'list', 'watch'] as const;

/** The program's permissions in `mesh` mode. */
export const MESH_PROGRAM_RULES: readonly PolicyRule[] = [
  { apiGroups: [''], resources: ['namespaces', 'configmaps', 'secrets', 'services', 'serviceaccounts', 'persistentvolumeclaims'], verbs: MANAGE },
  // What the provider watches while awaiting Deployments, Services and Jobs.
  { apiGroups: [''], resources: ['pods', 'endpoints', 'events'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'daemonsets', 'statefulsets'], verbs: MANAGE },
  { apiGroups: ['apps'], resources: ['replicasets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: MANAGE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'podsecuritypolicies'], verbs: MANAGE },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'], verbs: [...MANAGE, 'escalate', 'bind'] },
  { apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], verbs: MANAGE },
  { apiGroups: ['apiregistration.k8s.io'], resources: ['apiservices'], verbs: MANAGE },
  { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: MANAGE },
  // Linkerd's own kinds (policy, service profiles, multicluster links) and the Gateway API routes it installs.
  { apiGroups: ['linkerd.io', 'policy.linkerd.io', 'multicluster.linkerd.io', 'gateway.networking.k8s.io'], resources: ['*'], verbs: MANAGE },
  // Identity from cert-manager / trust-manager, the PodMonitors of an external Prometheus, Grafana dashboards.
  { apiGroups: ['cert-manager.io'], resources: ['certificates', 'issuers', 'clusterissuers'], verbs: MANAGE },
  { apiGroups: ['trust.cert-manager.io'], resources: ['bundles'], verbs: MANAGE },
  { apiGroups: ['monitoring.coreos.com'], resources: ['podmonitors'], verbs: MANAGE },
  { apiGroups: ['grafana.integreatly.org'], resources: ['grafanadashboards'], verbs: MANAGE },
];

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** `<namespace>:<name>:<what>`: cluster-scoped names unique per Stack. */
export const clusterName = (r: ResolvedPulumiOperator, what: string): string => `${r.namespace}:${r.name}:${what}`;

function binding(r: ResolvedPulumiOperator, name: string, role: string, serviceAccount: string): KubeObject {
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: pkoLabels(r) },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: r.namespace }],
  };
}

/** The ClusterRole (mesh mode) and the two ClusterRoleBindings of the workspace ServiceAccount. */
export function pkoRbacObjects(r: ResolvedPulumiOperator, serviceAccount: string): KubeObject[] {
  const programRole = r.rbac === 'cluster-admin' ? 'cluster-admin' : clusterName(r, 'program');
  const role: KubeObject[] =
    r.rbac === 'cluster-admin'
      ? []
      : [{ apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRole', metadata: { name: programRole, labels: pkoLabels(r) }, rules: MESH_PROGRAM_RULES.map((rule) => ({ ...rule, apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })) }];
  return [
    ...role,
    binding(r, clusterName(r, 'program'), programRole, serviceAccount),
    binding(r, clusterName(r, 'system:auth-delegator'), 'system:auth-delegator', serviceAccount),
  ];
}
