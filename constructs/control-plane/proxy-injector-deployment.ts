/**
 * The proxy injector (upstream's `templates/proxy-injector.yaml`): the mutating webhook that adds
 * the proxy to pods at admission. It reads the mesh's values from the `linkerd-config` ConfigMap and
 * the trust roots, and serves TLS from `linkerd-proxy-injector-k8s-tls`.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { KubeObject } from '../../lib/manifest.js';
import { buildNetworkInitContainer, buildProxyContainer, buildProxyVolumes, pullPolicy } from '../../lib/proxy/index.js';
import { buildResources } from '../../lib/pod/resources.js';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL } from './labels.js';
import { checksum } from './config-checksum.js';
import { controllerImage, controllerProbe, controllerSecurityContext, extraEnv, renderedProbeTunables } from './controller-container.js';
import { controlPlaneDeployment, controlPlanePodSpec, meshedPodLabels } from './workload-frame.js';
import { controlPlanePodAnnotations, controlPlaneProxyContext, controlPlaneProxyValues } from './control-plane-sidecar.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { ANNOTATIONS } from '../../lib/k8s/labels.js';

const COMPONENT = 'proxy-injector';
const NAME = 'linkerd-proxy-injector';
const WEBHOOK_PORT = 8443;
const ADMIN_PORT = 9995;
export const PROXY_INJECTOR_TLS_SECRET = 'linkerd-proxy-injector-k8s-tls';

function injectorContainer(ctx: ControlPlaneContext): IContainer {
  const v = ctx.values;
  const pi = v.proxyInjector;
  const resources = buildResources(v.proxyInjectorResources);
  const env = extraEnv(pi.additionalEnv, pi.experimentalEnv);
  return {
    args: [
      'proxy-injector',
      `-log-level=${v.controllerLogLevel}`,
      `-log-format=${v.controllerLogFormat}`,
      `-linkerd-namespace=${ctx.namespace}`,
      `-enable-pprof=${v.enablePprof ?? false}`,
    ],
    ...(env.length ? { env } : {}),
    image: controllerImage(v),
    imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
    livenessProbe: controllerProbe('/ping', ADMIN_PORT, renderedProbeTunables(pi.livenessProbe, false), { initialDelaySeconds: 10 }),
    name: COMPONENT,
    ports: [
      { containerPort: WEBHOOK_PORT, name: COMPONENT },
      { containerPort: ADMIN_PORT, name: 'injector-admin' },
    ],
    readinessProbe: controllerProbe('/ready', ADMIN_PORT, renderedProbeTunables(pi.readinessProbe, false), { failureThreshold: 7 }),
    ...(resources ? { resources } : {}),
    securityContext: controllerSecurityContext(v),
    volumeMounts: [
      { mountPath: '/var/run/linkerd/config', name: 'config' },
      { mountPath: '/var/run/linkerd/identity/trust-roots', name: 'trust-roots' },
      { mountPath: '/var/run/linkerd/tls', name: 'tls', readOnly: true },
      kubeApiAccessMount(),
    ],
  };
}

export function proxyInjectorDeployment(ctx: ControlPlaneContext): KubeObject[] {
  const v = ctx.values;
  const proxyValues = controlPlaneProxyValues(v, {
    proxy: { podInboundPorts: `${WEBHOOK_PORT},${ADMIN_PORT}` },
    proxyResources: v.proxyInjectorProxyResources,
  });
  const proxy = buildProxyContainer(proxyValues, controlPlaneProxyContext(ctx, NAME));
  const native = proxyValues.proxy.nativeSidecar;
  const podSpec = controlPlanePodSpec(ctx, COMPONENT, {
    serviceAccountName: NAME,
    // Without native sidecars the proxy goes first so linkerd-await can hold the injector back.
    containers: native ? [injectorContainer(ctx)] : [proxy, injectorContainer(ctx)],
    initContainers: [buildNetworkInitContainer(proxyValues), ...(native ? [proxy] : [])],
    volumes: [
      { configMap: { name: 'linkerd-config' }, name: 'config' },
      { configMap: { name: 'linkerd-identity-trust-roots' }, name: 'trust-roots' },
      { name: 'tls', secret: { secretName: PROXY_INJECTOR_TLS_SECRET } },
      kubeApiAccessVolume(),
      ...buildProxyVolumes(proxyValues),
    ],
  });
  const deployment = controlPlaneDeployment(
    ctx,
    {
      component: COMPONENT,
      name: NAME,
      selector: { [CONTROL_PLANE_COMPONENT_LABEL]: COMPONENT },
      podAnnotations: controlPlanePodAnnotations(ctx, proxyValues, {
        // Restart the injector when its webhook TLS material changes.
        checksum: checksum(v.proxyInjector),
        component: v.proxyInjector.podAnnotations,
        // The API server speaks TLS to the webhook: the proxy must not try to detect HTTP on it.
        extra: { [ANNOTATIONS.opaquePorts]: String(WEBHOOK_PORT) },
      }),
      podSpec,
    },
    meshedPodLabels(ctx, COMPONENT, NAME),
  );
  return [deployment as unknown as KubeObject];
}
