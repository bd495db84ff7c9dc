/**
 * The control-plane install phase (upstream's `linkerd install` without `--crds`): every object of
 * the linkerd-control-plane chart, in upstream's template order so the Namespace, RBAC and config
 * are applied before the workloads that need them.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { DEFAULT_NAMESPACES } from '../../lib/assembly/namespaces.js';
import { controlPlaneRenderIssues } from '../../lib/assembly/render-checks.js';
import { IssueCollector } from '../../lib/errors.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import type { KubeObject } from '../../lib/manifest.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { namespacedCertificates } from '../identity/cert-manager-chart.js';
import { addObjects } from '../kube-object.js';
import { asKubeObject } from './as-kube-object.js';
import { linkerdConfig } from './config.js';
import type { ControlPlaneContext } from './context.js';
import { destinationDeployment } from './destination-deployment.js';
import { heartbeatCronJob } from './heartbeat-cronjob.js';
import { identityDeployment } from './identity-deployment.js';
import { identityIssuerSecret, identityTrustRoots } from './identity-objects.js';
import { controlPlaneNamespace } from './namespace.js';
import { podDisruptionBudget } from './pod-disruption-budgets.js';
import { podMonitors } from './pod-monitors.js';
import { proxyInjectorDeployment } from './proxy-injector-deployment.js';
import { configRbac, destinationRbac, heartbeatRbac, identityRbac, policyRbac, proxyInjectorRbac } from './rbac.js';
import { destinationServices, identityServices, proxyInjectorService } from './services.js';
import { policyValidatorWebhook, proxyInjectorWebhook, spValidatorWebhook } from './webhooks.js';

export interface ControlPlaneChartProps extends ChartProps {
  /** Resolved control-plane values (`resolveMeshValues`). */
  readonly values: MeshValues;
  /**
   * Namespace the control plane is installed into (upstream's release namespace).
   * @default 'linkerd'
   */
  readonly namespace?: string;
  /**
   * cert-manager identity mode: the identity issuer and webhook `Certificate`s are added right after
   * the Namespace. The values should carry `certManagerControlPlaneValues` (`Mesh` does this).
   * @default - none (certificates come from the values)
   */
  readonly certManager?: ResolvedCertManagerIdentity;
}

/** Every control-plane object for `ctx`, in apply order (also usable without cdk8s). */
export function controlPlaneObjects(ctx: ControlPlaneContext): KubeObject[] {
  // Prepared values (lib/assembly) pass; values given directly are refused here, never rendered broken.
  const issues = new IssueCollector();
  issues.addAll(controlPlaneRenderIssues(ctx.values, ctx.namespace));
  issues.throwIfAny('invalid control-plane values');
  return [
    asKubeObject(controlPlaneNamespace(ctx)),
    ...identityRbac(ctx),
    ...destinationRbac(ctx),
    ...spValidatorWebhook(ctx),
    ...policyValidatorWebhook(ctx),
    ...policyRbac(ctx),
    ...heartbeatRbac(ctx),
    ...proxyInjectorRbac(ctx),
    ...proxyInjectorWebhook(ctx),
    asKubeObject(linkerdConfig(ctx)),
    ...configRbac(ctx),
    ...identityIssuerSecret(ctx).map(asKubeObject),
    ...identityTrustRoots(ctx).map(asKubeObject),
    ...identityServices(ctx).map(asKubeObject),
    ...podDisruptionBudget(ctx, 'identity').map(asKubeObject),
    ...identityDeployment(ctx),
    ...destinationServices(ctx).map(asKubeObject),
    ...podDisruptionBudget(ctx, 'destination').map(asKubeObject),
    ...destinationDeployment(ctx),
    ...heartbeatCronJob(ctx),
    ...podMonitors(ctx),
    ...proxyInjectorDeployment(ctx),
    asKubeObject(proxyInjectorService(ctx)),
    ...podDisruptionBudget(ctx, 'proxy-injector').map(asKubeObject),
  ];
}

export class ControlPlaneChart extends Chart {
  /** The values this chart was rendered from. */
  readonly values: MeshValues;
  /** The release namespace (not cdk8s' `namespace`, which would stamp cluster-scoped objects too). */
  readonly releaseNamespace: string;

  constructor(scope: Construct, id: string, props: ControlPlaneChartProps) {
    // The objects carry their own namespaces (some are cluster-scoped): the chart must not add one.
    const { values, namespace = DEFAULT_NAMESPACES.controlPlane, certManager, ...chartProps } = props;
    super(scope, id, { ...chartProps, namespace: undefined });
    this.values = values;
    this.releaseNamespace = namespace;
    const [ns, ...rest] = controlPlaneObjects({ values, namespace });
    addObjects(this, [ns, ...namespacedCertificates(certManager, 'controlPlaneNamespace', namespace), ...rest]);
  }
}
