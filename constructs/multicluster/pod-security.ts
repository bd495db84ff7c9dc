/**
 * `enablePSP`: lets the extension's ServiceAccounts use the control plane's PodSecurityPolicy
 * (`linkerd-<linkerdNamespace>-control-plane`), for clusters that still enforce PSPs. As upstream's
 * `psp.yaml`: a Role `psp` bound, through `linkerd-multicluster-psp`, to the gateway (when enabled)
 * and the namespace-metadata hook's ServiceAccount.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { mcLabels, type MulticlusterContext } from './context.js';

const ROLE = 'psp';
const BINDING = 'linkerd-multicluster-psp';
const NAMESPACE_METADATA_ACCOUNT = 'namespace-metadata';

export function podSecurityObjects(ctx: MulticlusterContext): KubeObject[] {
  const { values, namespace } = ctx;
  if (!values.enablePSP) return [];
  const accounts = [...(values.gateway.enabled ? [values.gateway.name] : []), NAMESPACE_METADATA_ACCOUNT];
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: ROLE, namespace, labels: mcLabels(ctx) },
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
      metadata: { name: BINDING, namespace, labels: mcLabels(ctx, { namespace }) },
      roleRef: { kind: 'Role', name: ROLE, apiGroup: 'rbac.authorization.k8s.io' },
      subjects: accounts.map((name) => ({ kind: 'ServiceAccount', name, namespace })),
    },
  ];
}
