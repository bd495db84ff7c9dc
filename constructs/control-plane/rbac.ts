/**
 * The control plane's RBAC and ServiceAccounts, one function per upstream template
 * (identity-rbac, destination-rbac, heartbeat-rbac, proxy-injector-rbac, config-rbac). Cluster-scoped
 * names embed the namespace where upstream does, so two control planes can coexist.
 */
import type { KubeObject } from '../../lib/manifest.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  rule,
  serviceAccount,
  serviceAccountSubject,
} from './rbac-builders.js';

const LWG = ['list', 'get', 'watch'];
const GLW = ['get', 'list', 'watch'];

/** Identity: token reviews (to validate CSRs' service-account tokens) and events. */
export function identityRbac(ctx: ControlPlaneContext): KubeObject[] {
  const ns = ctx.namespace;
  const labels = controlPlaneLabels(ctx, { component: 'identity' });
  const name = `linkerd-${ns}-identity`;
  return [
    clusterRole({ name, labels }, [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule([''], ['events'], ['create', 'patch']),
    ]),
    clusterRoleBinding({ name, labels }, name, [serviceAccountSubject('linkerd-identity', ns)]),
    serviceAccount(ctx, 'linkerd-identity', labels),
  ];
}

/** Destination controller, including the policy controller that runs in the same pod. */
export function destinationRbac(ctx: ControlPlaneContext): KubeObject[] {
  const ns = ctx.namespace;
  const labels = controlPlaneLabels(ctx, { component: 'destination' });
  const name = `linkerd-${ns}-destination`;
  const subject = [serviceAccountSubject('linkerd-destination', ns)];
  return [
    clusterRole({ name, labels }, [
      rule(['apps'], ['replicasets'], LWG),
      rule(['batch'], ['jobs'], LWG),
      rule([''], ['pods', 'endpoints', 'services', 'nodes'], LWG),
      rule(['linkerd.io'], ['serviceprofiles'], LWG),
      rule(['workload.linkerd.io'], ['externalworkloads'], LWG),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update', 'patch']),
      rule(['discovery.k8s.io'], ['endpointslices'], [...LWG, 'create', 'update', 'patch', 'delete']),
    ]),
    clusterRoleBinding({ name, labels }, name, subject),
    serviceAccount(ctx, 'linkerd-destination', labels),
  ];
}

/** The policy controller's cluster role and the remote-discovery Role (reads Link credentials). */
export function policyRbac(ctx: ControlPlaneContext): KubeObject[] {
  const ns = ctx.namespace;
  const labels = controlPlaneLabels(ctx, { component: 'destination', partOf: true });
  const subject = [serviceAccountSubject('linkerd-destination', ns)];
  const gatewayRoutes = ['httproutes', 'grpcroutes', 'tlsroutes', 'tcproutes'];
  return [
    clusterRole({ name: 'linkerd-policy', labels }, [
      rule([''], ['pods'], GLW),
      rule(['apps'], ['deployments'], ['get']),
      rule(
        ['policy.linkerd.io'],
        [
          'authorizationpolicies',
          'httplocalratelimitpolicies',
          'httproutes',
          'meshtlsauthentications',
          'networkauthentications',
          'servers',
          'serverauthorizations',
          'egressnetworks',
        ],
        GLW,
      ),
      rule(['gateway.networking.k8s.io'], gatewayRoutes, GLW),
      rule(['policy.linkerd.io'], ['httproutes/status', 'httplocalratelimitpolicies/status', 'egressnetworks/status'], ['patch']),
      rule(['gateway.networking.k8s.io'], gatewayRoutes.map((r) => `${r}/status`), ['patch']),
      rule(['workload.linkerd.io'], ['externalworkloads'], GLW),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'patch']),
    ]),
    clusterRoleBinding({ name: 'linkerd-destination-policy', labels }, 'linkerd-policy', subject),
    role({ name: 'remote-discovery', namespace: ns, labels }, [rule([''], ['secrets'], GLW)]),
    roleBinding({ name: 'linkerd-destination-remote-discovery', namespace: ns, labels }, 'remote-discovery', subject),
  ];
}

/** Heartbeat: reads linkerd-config and counts namespaces/profiles. Absent with `disableHeartBeat`. */
export function heartbeatRbac(ctx: ControlPlaneContext): KubeObject[] {
  if (ctx.values.disableHeartBeat) return [];
  const ns = ctx.namespace;
  const labels = controlPlaneLabels(ctx);
  const subject = [serviceAccountSubject('linkerd-heartbeat', ns)];
  return [
    role({ name: 'linkerd-heartbeat', namespace: ns, labels }, [
      rule([''], ['configmaps'], ['get'], ['linkerd-config']),
    ]),
    roleBinding({ name: 'linkerd-heartbeat', namespace: ns, labels }, 'linkerd-heartbeat', subject),
    clusterRole({ name: 'linkerd-heartbeat', labels }, [
      rule([''], ['namespaces'], ['list']),
      rule(['linkerd.io'], ['serviceprofiles'], ['list']),
    ]),
    clusterRoleBinding({ name: 'linkerd-heartbeat', labels }, 'linkerd-heartbeat', subject),
    serviceAccount(ctx, 'linkerd-heartbeat', controlPlaneLabels(ctx, { component: 'heartbeat' })),
  ];
}

/** Proxy injector: reads workloads' owners to name the `linkerd.io/proxy-<kind>` labels. */
export function proxyInjectorRbac(ctx: ControlPlaneContext): KubeObject[] {
  const ns = ctx.namespace;
  const labels = controlPlaneLabels(ctx, { component: 'proxy-injector' });
  const name = `linkerd-${ns}-proxy-injector`;
  return [
    clusterRole({ name, labels }, [
      rule([''], ['events'], ['create', 'patch']),
      rule([''], ['namespaces', 'replicationcontrollers'], LWG),
      rule([''], ['pods'], ['list', 'watch']),
      rule(['extensions', 'apps'], ['deployments', 'replicasets', 'daemonsets', 'statefulsets'], LWG),
      rule(['extensions', 'batch'], ['cronjobs', 'jobs'], LWG),
    ]),
    clusterRoleBinding({ name, labels }, name, [
      { ...serviceAccountSubject('linkerd-proxy-injector', ns), apiGroup: '' },
    ]),
    serviceAccount(ctx, 'linkerd-proxy-injector', labels),
  ];
}

/**
 * Who may read `linkerd-config`: the Role extensions' namespace-metadata jobs bind to, and a
 * RoleBinding for the extra ServiceAccounts listed in `configReaders`.
 */
export function configRbac(ctx: ControlPlaneContext): KubeObject[] {
  const ns = ctx.namespace;
  const meta = {
    name: 'ext-namespace-metadata-linkerd-config',
    namespace: ns,
    labels: controlPlaneLabels(ctx),
    annotations: createdByAnnotations(ctx),
  };
  const out: KubeObject[] = [role(meta, [rule([''], ['configmaps'], ['get'], ['linkerd-config'])])];
  const readers = ctx.values.configReaders ?? [];
  if (readers.length) {
    out.push(
      roleBinding(
        { ...meta, name: 'linkerd-config-readers' },
        meta.name,
        readers.map((r) => serviceAccountSubject(r.name, r.namespace)),
      ),
    );
  }
  return out;
}
