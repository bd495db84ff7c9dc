/**
 * The control-plane phase's objects as plain JSON, in apply order, without cdk8s: ControlPlaneChart
 * adds them as ApiObjects; the CLI prints them directly (constructs/kube-json.ts gives the JSON cdk8s
 * would), so a cold `meshform install` does not load cdk8s.
 */
import { controlPlaneRenderIssues } from '../../lib/assembly/render-checks.js';
import { IssueCollector } from '../../lib/errors.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import type { KubeObject } from '../../lib/manifest.js';
import { namespacedCertificates } from '../identity/cert-manager-objects.js';
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

/** The objects of the control-plane chart for `ctx`: cert-manager's namespaced Certificates (if any) right after the Namespace. */
export function controlPlaneChartObjects(ctx: ControlPlaneContext & { readonly certManager?: ResolvedCertManagerIdentity }): KubeObject[] {
  const [ns, ...rest] = controlPlaneObjects({ values: ctx.values, namespace: ctx.namespace });
  return [ns, ...namespacedCertificates(ctx.certManager, 'controlPlaneNamespace', ctx.namespace), ...rest];
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
