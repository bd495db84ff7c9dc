/**
 * `enablePSP`: lets the extension's ServiceAccounts use the control plane's PodSecurityPolicy
 * (`linkerd-<linkerdNamespace>-control-plane`), for clusters that still enforce PSPs.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { mcLabels, type MulticlusterContext } from './context.js';
import { controllerNames } from './controller.js';

export function podSecurityObjects(ctx: MulticlusterContext): KubeObject[] {
  const { values, namespace } = ctx;
  if (!values.enablePSP) return [];
  const accounts = [
    ...(values.gateway.enabled ? [values.gateway.name] : []),
    'linkerd-local-service-mirror',
    ...values.controllers.map((c) => controllerNames(c.link.ref.name).serviceAccount),
  ];
  const metadata = { name: 'linkerd-multicluster-psp', namespace, labels: mcLabels(ctx) };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata,
      rules: [
        {
          apiGroups: ['policy', 'extensions'],
          resources: ['podsecuritypolicies'],
          verbs: ['use'],
          resourceNames: [`linkerd-${values.linkerdNamespace}-control-plane`],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: structuredClone(metadata),
      roleRef: { kind: 'Role', name: metadata.name, apiGroup: 'rbac.authorization.k8s.io' },
      subjects: accounts.map((name) => ({ kind: 'ServiceAccount', name, namespace })),
    },
  ];
}
