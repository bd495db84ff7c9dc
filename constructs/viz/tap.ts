/**
 * tap: the aggregated API (`tap.linkerd.io`) that streams live requests from proxies. Its RBAC lets it
 * resolve workloads and delegate authn/authz to the API server; only the API server may reach it.
 */
import type { IAPIService } from 'kubernetes-models/apiregistration.k8s.io/v1/APIService';
import type { KubeObject } from '../../lib/manifest.js';
import { componentContainer, componentLabels, vizService, vizServiceAccount } from './component.js';
import { enablePprof, EXTENSION_LABELS, kube, logFlags, objectLabels, trustDomain, type VizContext } from './context.js';
import { kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { proxyResourceAnnotations } from '../../lib/pod/resources.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { vizDeployment, vizPodDisruptionBudget } from './pod.js';
import { authorizationPolicy, POLICY_GROUP, server } from './policy.js';
import { clusterName, clusterRole, clusterRoleBinding, roleBinding, rule } from './rbac.js';
import { caBundleField, caInjectionAnnotations, tlsSecret } from './tls.js';

const NAME = 'tap';
const LIST_GET_WATCH = ['list', 'get', 'watch'];

export function tapRbac(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const labels = componentLabels(ctx, NAME, false);
  const withNs = componentLabels(ctx, NAME, true);
  const annotations = caInjectionAnnotations(v.tap);
  const apiService: IAPIService = {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: 'v1alpha1.tap.linkerd.io', labels: objectLabels(ctx, labels), ...(annotations ? { annotations } : {}) },
    spec: {
      group: 'tap.linkerd.io',
      version: 'v1alpha1',
      groupPriorityMinimum: 1000,
      versionPriority: 100,
      service: { name: NAME, namespace: ctx.namespace },
      ...caBundleField(v.tap),
    },
  };
  return [
    clusterRole(ctx, clusterName(ctx, NAME), labels, [
      rule([''], ['pods', 'services', 'replicationcontrollers', 'namespaces', 'nodes'], LIST_GET_WATCH),
      rule(['extensions', 'apps'], ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], LIST_GET_WATCH),
      rule(['extensions', 'batch'], ['cronjobs', 'jobs'], LIST_GET_WATCH),
    ]),
    // Who may tap: bound to the dashboard, and to users by their cluster admins.
    clusterRole(ctx, clusterName(ctx, 'tap-admin'), labels, [
      rule([''], ['namespaces'], ['list']),
      rule(['tap.linkerd.io'], ['*'], ['watch']),
    ]),
    clusterRoleBinding(ctx, clusterName(ctx, NAME), labels, clusterName(ctx, NAME), [NAME]),
    clusterRoleBinding(ctx, clusterName(ctx, 'tap-auth-delegator'), labels, 'system:auth-delegator', [NAME]),
    vizServiceAccount(ctx, NAME, withNs),
    roleBinding(ctx, clusterName(ctx, 'tap-auth-reader'), 'kube-system', withNs, { kind: 'Role', name: 'extension-apiserver-authentication-reader' }, [NAME]),
    ...tlsSecret(ctx, 'tap-k8s-tls', withNs, v.tap),
    kube(apiService),
  ];
}

export function tap(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const t = v.tap;
  const labels = componentLabels(ctx, NAME, true);
  const selector = { ...EXTENSION_LABELS, ...labels };
  const ignoreHeaders = (t.ignoreHeaders ?? []).length ? [`-ignore-headers=${t.ignoreHeaders.join(',')}`] : [];
  const container = componentContainer(ctx, {
    name: NAME,
    values: t,
    args: [
      'api',
      `-api-namespace=${v.linkerdNamespace}`,
      ...logFlags(ctx, t),
      `-identity-trust-domain=${trustDomain(ctx)}`,
      ...ignoreHeaders,
      enablePprof(ctx),
    ],
    ports: [
      { containerPort: 8088, name: 'grpc' },
      { containerPort: 8089, name: 'apiserver' },
      { containerPort: 9998, name: 'admin' },
    ],
    adminPort: 9998,
    mounts: [{ mountPath: '/var/run/linkerd/tls', name: 'tls', readOnly: true }],
  });
  return [
    vizService(ctx, {
      name: NAME,
      labels,
      annotations: t.service.annotations,
      selector: { ...EXTENSION_LABELS, component: NAME },
      ports: [
        { name: 'grpc', port: 8088, targetPort: 8088 },
        { name: 'apiserver', port: 443, targetPort: 'apiserver' },
      ],
    }),
    vizDeployment(ctx, {
      name: NAME,
      component: NAME,
      replicas: t.replicas,
      labels: {
        'app.kubernetes.io/name': NAME,
        'app.kubernetes.io/part-of': 'Linkerd',
        'app.kubernetes.io/version': v.linkerdVersion,
        ...labels,
      },
      selector,
      podLabels: selector,
      podAnnotations: proxyResourceAnnotations(t.proxy),
      safeToEvict: true,
      nodeSelector: v.nodeSelector,
      tolerations: v.tolerations,
      affinity: true,
      containers: [container],
      podSecurityContext: restrictedPodSecurityContext(),
      serviceAccountName: NAME,
      volumes: [{ name: 'tls', secret: { secretName: 'tap-k8s-tls' } }, kubeApiAccessVolume()],
    }),
    ...vizPodDisruptionBudget(ctx, NAME, labels, { ...EXTENSION_LABELS, component: NAME }),
  ];
}

/** The tap API is only for the API server's aggregation layer (any network: its address is unknowable). */
export function tapPolicy(ctx: VizContext): KubeObject[] {
  const labels = componentLabels(ctx, NAME, false);
  return [
    server(ctx, 'tap-api', labels, { ...EXTENSION_LABELS, component: NAME }, 'apiserver', 'TLS'),
    authorizationPolicy(ctx, NAME, labels, 'tap-api', [{ group: POLICY_GROUP, kind: 'NetworkAuthentication', name: 'kube-api-server' }]),
  ];
}
