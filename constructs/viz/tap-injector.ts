/**
 * tap-injector: a mutating webhook that adds the tap identity annotation to new pods so their proxies
 * accept tap requests from the tap server. Only the API server calls it.
 */
import type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { KubeObject } from '../../lib/manifest.js';
import { componentContainer, vizService, vizServiceAccount } from './component.js';
import { enablePprof, EXTENSION_LABELS, kube, logFlags, objectLabels, trustDomain, type VizContext } from './context.js';
import { kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { proxyResourceAnnotations } from '../../lib/pod/resources.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { vizDeployment, vizPodDisruptionBudget } from './pod.js';
import { anyNetworkAuthentication, authorizationPolicy, POLICY_GROUP, server } from './policy.js';
import { clusterRole, rule } from './rbac.js';
import { caBundleField, caInjectionAnnotations, tlsSecret } from './tls.js';

const NAME = 'tap-injector';

export function tapInjectorRbac(ctx: VizContext): KubeObject[] {
  const ti = ctx.values.tapInjector;
  const annotations = caInjectionAnnotations(ti);
  const binding: IClusterRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'linkerd-tap-injector', labels: objectLabels(ctx) },
    subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ctx.namespace }],
    roleRef: { kind: 'ClusterRole', name: 'linkerd-tap-injector', apiGroup: 'rbac.authorization.k8s.io' },
  };
  const webhook: IMutatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: 'linkerd-tap-injector-webhook-config', labels: objectLabels(ctx), ...(annotations ? { annotations } : {}) },
    webhooks: [
      {
        name: 'tap-injector.linkerd.io',
        ...(ti.namespaceSelector && Object.keys(ti.namespaceSelector).length
          ? { namespaceSelector: structuredClone(ti.namespaceSelector) as object }
          : {}),
        ...(ti.objectSelector && Object.keys(ti.objectSelector).length ? { objectSelector: structuredClone(ti.objectSelector) as object } : {}),
        clientConfig: { service: { name: NAME, namespace: ctx.namespace, path: '/' }, ...caBundleField(ti) },
        failurePolicy: ti.failurePolicy as 'Ignore' | 'Fail',
        admissionReviewVersions: ['v1', 'v1beta1'],
        reinvocationPolicy: 'IfNeeded',
        rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: 'Namespaced' }],
        sideEffects: 'None',
      },
    ],
  };
  return [
    clusterRole(ctx, 'linkerd-tap-injector', {}, [rule([''], ['namespaces'], ['get', 'list', 'watch'])]),
    kube(binding),
    vizServiceAccount(ctx, NAME, {}),
    ...tlsSecret(ctx, 'tap-injector-k8s-tls', {}, ti),
    kube(webhook),
  ];
}

export function tapInjector(ctx: VizContext): KubeObject[] {
  const v = ctx.values;
  const ti = v.tapInjector;
  const labels = { component: NAME };
  const podLabels = { ...EXTENSION_LABELS, component: NAME };
  const container = componentContainer(ctx, {
    name: NAME,
    values: ti,
    args: [
      'injector',
      // The tap server's mesh identity, which injected pods will accept tap requests from.
      `-tap-service-name=tap.${ctx.namespace}.serviceaccount.identity.${v.linkerdNamespace}.${trustDomain(ctx)}`,
      ...logFlags(ctx, ti),
      enablePprof(ctx),
    ],
    ports: [
      { containerPort: 8443, name: NAME },
      { containerPort: 9995, name: 'admin' },
    ],
    adminPort: 9995,
    mounts: [{ mountPath: '/var/run/linkerd/tls', name: 'tls', readOnly: true }],
  });
  return [
    vizService(ctx, {
      name: NAME,
      labels,
      annotations: ti.service.annotations,
      selector: podLabels,
      ports: [{ name: NAME, port: 443, targetPort: NAME }],
    }),
    vizDeployment(ctx, {
      name: NAME,
      component: NAME,
      replicas: ti.replicas,
      labels: { 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/part-of': 'Linkerd', ...labels },
      selector: labels,
      podLabels,
      podAnnotations: proxyResourceAnnotations(ti.proxy),
      safeToEvict: true,
      nodeSelector: v.nodeSelector,
      tolerations: v.tolerations,
      affinity: true,
      containers: [container],
      podSecurityContext: restrictedPodSecurityContext(),
      serviceAccountName: NAME,
      volumes: [{ name: 'tls', secret: { secretName: 'tap-injector-k8s-tls' } }, kubeApiAccessVolume()],
    }),
    ...vizPodDisruptionBudget(ctx, NAME, labels, labels),
  ];
}

export function tapInjectorPolicy(ctx: VizContext): KubeObject[] {
  const labels = { component: NAME };
  return [
    server(ctx, 'tap-injector-webhook', labels, { ...EXTENSION_LABELS, component: NAME }, NAME, 'TLS'),
    authorizationPolicy(ctx, NAME, labels, 'tap-injector-webhook', [
      { group: POLICY_GROUP, kind: 'NetworkAuthentication', name: 'kube-api-server' },
    ]),
    anyNetworkAuthentication(ctx, 'kube-api-server'),
  ];
}
