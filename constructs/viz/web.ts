/**
 * web: the Linkerd dashboard. It talks to metrics-api and tap, links to Grafana and Jaeger, and (unless
 * `dashboard.restrictPrivileges`) may run `linkerd check` and tap on the user's behalf.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { componentContainer, componentLabels, vizService, vizServiceAccount } from './component.js';
import { enablePprof, EXTENSION_LABELS, logFlags, serviceFqdn, type VizContext } from './context.js';
import { kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { proxyResourceAnnotations } from '../../lib/pod/resources.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { vizDeployment, vizPodDisruptionBudget } from './pod.js';
import { clusterName, clusterRole, clusterRoleBinding, role, roleBinding, rule } from './rbac.js';

const NAME = 'web';

export function webRbac(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const labels = componentLabels(ctx, NAME, false);
  const restricted = v.dashboard.restrictPrivileges;
  const roleLabels = { component: NAME, namespace: v.linkerdNamespace };
  return [
    role(ctx, NAME, v.linkerdNamespace, roleLabels, [
      rule([''], ['configmaps'], ['get'], ['linkerd-config']),
      // What the dashboard's `linkerd check` page reads in the control-plane namespace.
      ...(restricted
        ? []
        : [rule([''], ['namespaces', 'configmaps'], ['get']), rule([''], ['serviceaccounts', 'pods'], ['list']), rule(['apps'], ['replicasets'], ['list'])]),
    ]),
    roleBinding(ctx, NAME, v.linkerdNamespace, roleLabels, { kind: 'Role', name: NAME }, [NAME]),
    ...(restricted
      ? []
      : [
          clusterRole(ctx, clusterName(ctx, 'web-check'), labels, [
            rule(['rbac.authorization.k8s.io'], ['clusterroles', 'clusterrolebindings'], ['list']),
            rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['list']),
            rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], ['list']),
            rule(['linkerd.io'], ['serviceprofiles'], ['list']),
            rule([''], ['nodes', 'pods', 'services'], ['list']),
            rule(['apiregistration.k8s.io'], ['apiservices'], ['get']),
          ]),
          clusterRoleBinding(ctx, clusterName(ctx, 'web-check'), labels, clusterName(ctx, 'web-check'), [NAME]),
          clusterRoleBinding(ctx, clusterName(ctx, 'web-admin'), labels, clusterName(ctx, 'tap-admin'), [NAME]),
        ]),
    clusterRole(ctx, clusterName(ctx, 'web-api'), labels, [rule([''], ['namespaces'], ['list'])]),
    clusterRoleBinding(ctx, clusterName(ctx, 'web-api'), labels, clusterName(ctx, 'web-api'), [NAME]),
    vizServiceAccount(ctx, NAME, componentLabels(ctx, NAME, true)),
  ];
}

/** Hosts the dashboard answers to by default: loopback and its own service names (DNS rebinding guard). */
function enforcedHost(ctx: VizContext): string {
  const custom = ctx.values.dashboard.enforcedHostRegexp;
  if (custom) return custom;
  const escape = (host: string) => host.replace(/\./g, '\\.');
  const full = escape(serviceFqdn(ctx, NAME));
  const short = escape(`${NAME}.${ctx.namespace}.svc`);
  return `^(localhost|127\\.0\\.0\\.1|${full}|${short}|\\[::1\\])(:\\d+)?$`;
}

function webArgs(ctx: VizContext): string[] {
  const v = ctx.values;
  const g = v.grafana ?? {};
  return [
    `-linkerd-metrics-api-addr=${serviceFqdn(ctx, 'metrics-api')}:8085`,
    `-cluster-domain=${v.clusterDomain}`,
    ...(g.url ? [`-grafana-addr=${g.url}`] : []),
    ...(g.externalUrl ? [`-grafana-external-addr=${g.externalUrl}`] : []),
    ...(g.uidPrefix ? [`-grafana-prefix=${g.uidPrefix}`] : []),
    ...(v.jaegerUrl ? [`-jaeger-addr=${v.jaegerUrl}`] : []),
    `-controller-namespace=${v.linkerdNamespace}`,
    ...logFlags(ctx, v.dashboard),
    `-enforced-host=${enforcedHost(ctx)}`,
    enablePprof(ctx),
  ];
}

export function web(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const d = v.dashboard;
  const labels = componentLabels(ctx, NAME, true);
  const selector = { ...EXTENSION_LABELS, ...labels };
  return [
    vizService(ctx, {
      name: NAME,
      labels: { ...labels, ...d.service.labels },
      annotations: d.service.annotations,
      selector: { ...EXTENSION_LABELS, component: NAME },
      ports: [
        { name: 'http', port: 8084, targetPort: 8084 },
        { name: 'admin', port: 9994, targetPort: 9994 },
      ],
    }),
    vizDeployment(ctx, {
      name: NAME,
      component: NAME,
      replicas: d.replicas,
      labels: {
        'app.kubernetes.io/name': NAME,
        'app.kubernetes.io/part-of': 'Linkerd',
        'app.kubernetes.io/version': v.linkerdVersion,
        ...labels,
      },
      selector,
      podLabels: selector,
      podAnnotations: proxyResourceAnnotations(d.proxy),
      safeToEvict: true,
      nodeSelector: v.nodeSelector,
      tolerations: v.tolerations,
      affinity: true,
      containers: [
        componentContainer(ctx, {
          name: NAME,
          values: d,
          args: webArgs(ctx),
          ports: [
            { containerPort: 8084, name: 'http' },
            { containerPort: 9994, name: 'admin' },
          ],
          adminPort: 9994,
        }),
      ],
      podSecurityContext: restrictedPodSecurityContext(),
      serviceAccountName: NAME,
      volumes: [kubeApiAccessVolume()],
    }),
    ...vizPodDisruptionBudget(ctx, NAME, labels, { ...EXTENSION_LABELS, component: NAME }),
  ];
}
