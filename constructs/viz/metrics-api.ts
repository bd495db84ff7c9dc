/**
 * metrics-api: the API the CLI and dashboard query for stats. It reads Prometheus (viz's own unless
 * `prometheusUrl` points elsewhere) and the cluster's workloads; only the web ServiceAccount may call it.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { KubeObject } from '../../lib/manifest.js';
import { componentContainer, componentLabels, vizService, vizServiceAccount } from './component.js';
import { enablePprof, EXTENSION_LABELS, logFlags, serviceFqdn, type VizContext } from './context.js';
import { kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { proxyResourceAnnotations } from '../../lib/pod/resources.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { vizDeployment, vizPodDisruptionBudget } from './pod.js';
import { anyNetworkAuthentication, authorizationPolicy, meshTlsAuthentication, POLICY_GROUP, server } from './policy.js';
import { clusterName, clusterRole, clusterRoleBinding, rule } from './rbac.js';

const NAME = 'metrics-api';
const LIST_GET_WATCH = ['list', 'get', 'watch'];

export function metricsApiRbac(ctx: VizContext): KubeObject[] {
  const labels = componentLabels(ctx, NAME, false);
  return [
    clusterRole(ctx, clusterName(ctx, NAME), labels, [
      rule(['extensions', 'apps'], ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], LIST_GET_WATCH),
      rule(['extensions', 'batch'], ['cronjobs', 'jobs'], LIST_GET_WATCH),
      rule([''], ['pods', 'endpoints', 'services', 'replicationcontrollers', 'namespaces'], LIST_GET_WATCH),
      rule(['linkerd.io'], ['serviceprofiles'], LIST_GET_WATCH),
      rule(['policy.linkerd.io'], ['servers', 'serverauthorizations', 'authorizationpolicies', 'httproutes'], ['list', 'get']),
    ]),
    clusterRoleBinding(ctx, clusterName(ctx, NAME), labels, clusterName(ctx, NAME), [NAME]),
    vizServiceAccount(ctx, NAME, labels),
  ];
}

/** The Prometheus the metrics-api queries: an external URL wins over viz's own instance. */
export function prometheusUrl(ctx: VizContext): string {
  return ctx.values.prometheusUrl || `http://${serviceFqdn(ctx, 'prometheus')}:9090`;
}

/** Basic-auth credentials from the user's Secret (keys `user` and `password`). */
function credsEnv(secret: string): IEnvVar[] {
  if (!secret) return [];
  const fromSecret = (envName: string, key: string): IEnvVar => ({ name: envName, valueFrom: { secretKeyRef: { name: secret, key } } });
  return [fromSecret('PROMETHEUS_USER', 'user'), fromSecret('PROMETHEUS_PASSWORD', 'password')];
}

export function metricsApi(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const c = v.metricsAPI;
  const selector = { ...EXTENSION_LABELS, component: NAME };
  const container = componentContainer(ctx, {
    name: NAME,
    values: c,
    args: [
      `-controller-namespace=${v.linkerdNamespace}`,
      ...logFlags(ctx, c),
      `-cluster-domain=${v.clusterDomain}`,
      `-prometheus-url=${prometheusUrl(ctx)}`,
      enablePprof(ctx),
    ],
    env: credsEnv(v.prometheusCredsSecret),
    ports: [
      { containerPort: 8085, name: 'http' },
      { containerPort: 9995, name: 'admin' },
    ],
    adminPort: 9995,
  });
  return [
    vizService(ctx, {
      name: NAME,
      labels: componentLabels(ctx, NAME, false),
      annotations: c.service.annotations,
      selector,
      ports: [{ name: 'http', port: 8085, targetPort: 8085 }],
    }),
    vizDeployment(ctx, {
      name: NAME,
      component: NAME,
      replicas: c.replicas,
      labels: {
        'app.kubernetes.io/name': NAME,
        'app.kubernetes.io/part-of': 'Linkerd',
        'app.kubernetes.io/version': v.linkerdVersion,
        component: NAME,
      },
      selector,
      podLabels: selector,
      podAnnotations: proxyResourceAnnotations(c.proxy),
      safeToEvict: true,
      nodeSelector: c.nodeSelector,
      tolerations: c.tolerations,
      affinity: true,
      containers: [container],
      podSecurityContext: restrictedPodSecurityContext(),
      serviceAccountName: NAME,
      volumes: [kubeApiAccessVolume()],
    }),
    ...vizPodDisruptionBudget(ctx, NAME, componentLabels(ctx, NAME, true), selector),
  ];
}

/** Only the dashboard (web) may call the metrics API; kubelet probes hit the admin port. */
export function metricsApiPolicy(ctx: VizContext): KubeObject[] {
  const labels = componentLabels(ctx, NAME, false);
  return [
    server(ctx, NAME, labels, { ...EXTENSION_LABELS, component: NAME }, 'http', 'HTTP/1'),
    authorizationPolicy(ctx, NAME, labels, NAME, [{ group: POLICY_GROUP, kind: 'MeshTLSAuthentication', name: 'metrics-api-web' }]),
    meshTlsAuthentication(ctx, 'metrics-api-web', labels, [{ name: 'web' }]),
    anyNetworkAuthentication(ctx, 'kubelet'),
  ];
}
