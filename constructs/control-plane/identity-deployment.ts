/**
 * The identity controller (upstream's `templates/identity.yaml`): the mesh's certificate authority,
 * signing proxies' certificates with the issuer in Secret `linkerd-identity-issuer`.
 *
 * Its own proxy cannot be a native sidecar, nor hold the controller back with linkerd-await: a proxy
 * becomes ready only after obtaining a certificate from this very controller, so the controller must
 * start regardless. The proxy therefore runs as a regular container after the controller and dials
 * identity on localhost.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { KubeObject } from '../../lib/manifest.js';
import {
  buildNetworkInitContainer,
  buildProxyContainer,
  buildProxyVolumes,
  pullPolicy,
} from '../../lib/proxy/index.js';
import { buildResources } from '../../lib/pod/resources.js';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL } from './labels.js';
import { controllerImage, controllerProbe, controllerSecurityContext, controllerTracingArgs, extraEnv, renderedProbeTunables } from './controller-container.js';
import { controlPlaneDeployment, controlPlanePodSpec, meshedPodLabels } from './workload-frame.js';
import { controlPlanePodAnnotations, controlPlaneProxyContext, controlPlaneProxyValues } from './control-plane-sidecar.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { PROXY_DEPLOYMENT_LABEL } from '../../lib/k8s/labels.js';

const COMPONENT = 'identity';
const NAME = 'linkerd-identity';
const GRPC_PORT = 8080;
const ADMIN_PORT = 9990;
export const IDENTITY_ISSUER_SECRET = 'linkerd-identity-issuer';

function identityContainer(ctx: ControlPlaneContext): IContainer {
  const v = ctx.values;
  const id = v.identity;
  const resources = buildResources(v.identityResources);
  return {
    args: [
      'identity',
      `-log-level=${v.controllerLogLevel}`,
      `-log-format=${v.controllerLogFormat}`,
      `-controller-namespace=${ctx.namespace}`,
      `-identity-trust-domain=${v.identityTrustDomain || v.clusterDomain}`,
      `-identity-issuance-lifetime=${id.issuer.issuanceLifetime}`,
      `-identity-clock-skew-allowance=${id.issuer.clockSkewAllowance}`,
      `-identity-scheme=${id.issuer.scheme}`,
      `-enable-pprof=${v.enablePprof ?? false}`,
      `-kube-apiclient-qps=${id.kubeAPI.clientQPS}`,
      `-kube-apiclient-burst=${id.kubeAPI.clientBurst}`,
      ...controllerTracingArgs(v),
    ],
    env: [
      { name: 'LINKERD_DISABLED', value: 'linkerd-await cannot block the identity controller' },
      ...extraEnv(id.additionalEnv, id.experimentalEnv),
    ],
    image: controllerImage(v),
    imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
    livenessProbe: controllerProbe('/ping', ADMIN_PORT, renderedProbeTunables(id.livenessProbe, false), { initialDelaySeconds: 10 }),
    name: COMPONENT,
    ports: [
      { containerPort: GRPC_PORT, name: 'ident-grpc' },
      { containerPort: ADMIN_PORT, name: 'ident-admin' },
    ],
    readinessProbe: controllerProbe('/ready', ADMIN_PORT, renderedProbeTunables(id.readinessProbe, false), { failureThreshold: 7 }),
    ...(resources ? { resources } : {}),
    securityContext: controllerSecurityContext(v),
    volumeMounts: [
      { mountPath: '/var/run/linkerd/identity/issuer', name: 'identity-issuer' },
      { mountPath: '/var/run/linkerd/identity/trust-roots/', name: 'trust-roots' },
      kubeApiAccessMount(),
    ],
  };
}

export function identityDeployment(ctx: ControlPlaneContext): KubeObject[] {
  const v = ctx.values;
  const proxyValues = controlPlaneProxyValues(v, {
    proxy: { await: false, nativeSidecar: false, podInboundPorts: `${GRPC_PORT},${ADMIN_PORT}` },
    proxyResources: v.identityProxyResources,
  });
  const proxyCtx = controlPlaneProxyContext(ctx, NAME, { requireTLSOnInboundPorts: String(GRPC_PORT) });
  const podSpec = controlPlanePodSpec(ctx, COMPONENT, {
    serviceAccountName: NAME,
    containers: [identityContainer(ctx), buildProxyContainer(proxyValues, proxyCtx)],
    initContainers: [buildNetworkInitContainer(proxyValues)],
    volumes: [
      { name: 'identity-issuer', secret: { secretName: IDENTITY_ISSUER_SECRET } },
      { configMap: { name: 'linkerd-identity-trust-roots' }, name: 'trust-roots' },
      kubeApiAccessVolume(),
      ...buildProxyVolumes(proxyValues),
    ],
  });
  const deployment = controlPlaneDeployment(
    ctx,
    {
      component: COMPONENT,
      name: NAME,
      selector: { [CONTROL_PLANE_COMPONENT_LABEL]: COMPONENT, [CONTROL_PLANE_NS_LABEL]: ctx.namespace, [PROXY_DEPLOYMENT_LABEL]: NAME },
      podAnnotations: controlPlanePodAnnotations(ctx, proxyValues, { component: v.identity.podAnnotations }),
      podSpec,
    },
    meshedPodLabels(ctx, COMPONENT, NAME),
  );
  return [deployment as unknown as KubeObject];
}
