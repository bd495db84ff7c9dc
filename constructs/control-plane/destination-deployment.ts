/**
 * The destination pod (upstream's `templates/destination.yaml`): the destination controller (service
 * discovery for proxies), the ServiceProfile validating webhook (`sp-validator`) and the policy
 * controller (policy API and the policy validating webhook), behind one meshed proxy that reaches
 * destination and policy on localhost.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { KubeObject } from '../../lib/manifest.js';
import {
  buildNetworkInitContainer,
  buildProxyContainer,
  buildProxyVolumes,
  pullPolicy,
  trustDomain,
} from '../../lib/proxy/index.js';
import { buildResources } from '../../lib/pod/resources.js';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL } from './labels.js';
import { checksum, goJson } from './config-checksum.js';
import { controllerImage, controllerProbe, controllerSecurityContext, controllerTracingArgs, renderedProbeTunables } from './controller-container.js';
import { controlPlaneDeployment, controlPlanePodSpec, meshedPodLabels } from './workload-frame.js';
import { controlPlanePodAnnotations, controlPlaneProxyContext, controlPlaneProxyValues } from './control-plane-sidecar.js';
import { kubeApiAccessMount, kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
import { PROXY_DEPLOYMENT_LABEL } from '../../lib/k8s/labels.js';

const COMPONENT = 'destination';
const NAME = 'linkerd-destination';
const TLS_DIR = '/var/run/linkerd/tls';
export const SP_VALIDATOR_TLS_SECRET = 'linkerd-sp-validator-k8s-tls';
export const POLICY_VALIDATOR_TLS_SECRET = 'linkerd-policy-validator-k8s-tls';

/** Every port a container of this pod listens on (the proxy's `podInboundPorts`). */
const POD_PORTS = [8086, 8090, 8443, 9443, 9990, 9996, 9997];

function destinationContainer(ctx: ControlPlaneContext): IContainer {
  const v = ctx.values;
  const resources = buildResources(v.destinationResources);
  return {
    args: [
      'destination',
      '-addr=:8086',
      `-controller-namespace=${ctx.namespace}`,
      `-outbound-transport-mode=${v.proxy.outboundTransportMode}`,
      `-enable-h2-upgrade=${v.enableH2Upgrade}`,
      `-log-level=${v.controllerLogLevel}`,
      `-log-format=${v.controllerLogFormat}`,
      `-enable-endpoint-slices=${v.enableEndpointSlices}`,
      `-cluster-domain=${v.clusterDomain}`,
      `-identity-trust-domain=${trustDomain(v)}`,
      `-default-opaque-ports=${v.proxy.opaquePorts}`,
      `-enable-ipv6=${!v.disableIPv6}`,
      `-enable-pprof=${v.enablePprof ?? false}`,
      ...(v.destinationController?.meshedHttp2ClientProtobuf
        ? [`--meshed-http2-client-params=${goJson(v.destinationController.meshedHttp2ClientProtobuf)}`]
        : []),
      ...controllerTracingArgs(v),
    ],
    image: controllerImage(v),
    imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
    livenessProbe: controllerProbe('/ping', 9996, renderedProbeTunables(v.destinationController?.livenessProbe, false), {
      initialDelaySeconds: 10,
    }),
    name: COMPONENT,
    ports: [
      { containerPort: 8086, name: 'dest-grpc' },
      { containerPort: 9996, name: 'dest-admin' },
    ],
    readinessProbe: controllerProbe('/ready', 9996, renderedProbeTunables(v.destinationController?.readinessProbe, false), {
      failureThreshold: 7,
    }),
    ...(resources ? { resources } : {}),
    securityContext: controllerSecurityContext(v),
    volumeMounts: [kubeApiAccessMount()],
  };
}

function spValidatorContainer(ctx: ControlPlaneContext): IContainer {
  const v = ctx.values;
  const resources = buildResources(v.spValidatorResources);
  return {
    args: ['sp-validator', `-log-level=${v.controllerLogLevel}`, `-log-format=${v.controllerLogFormat}`, `-enable-pprof=${v.enablePprof ?? false}`],
    image: controllerImage(v),
    imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
    livenessProbe: controllerProbe('/ping', 9997, renderedProbeTunables(v.spValidator?.livenessProbe, true), { initialDelaySeconds: 10 }),
    name: 'sp-validator',
    ports: [
      { containerPort: 8443, name: 'sp-validator' },
      { containerPort: 9997, name: 'spval-admin' },
    ],
    readinessProbe: controllerProbe('/ready', 9997, renderedProbeTunables(v.spValidator?.readinessProbe, true), { failureThreshold: 7 }),
    ...(resources ? { resources } : {}),
    securityContext: controllerSecurityContext(v),
    volumeMounts: [{ mountPath: TLS_DIR, name: 'sp-tls', readOnly: true }, kubeApiAccessMount()],
  };
}

function policyContainer(ctx: ControlPlaneContext): IContainer {
  const v = ctx.values;
  const host = v.disableIPv6 ? '0.0.0.0' : '[::]';
  const pc = v.policyController;
  const resources = buildResources(pc.resources);
  return {
    command: ['/linkerd-policy-controller'],
    args: [
      `--admin-addr=${host}:9990`,
      `--control-plane-namespace=${ctx.namespace}`,
      `--grpc-addr=${host}:8090`,
      `--server-addr=${host}:9443`,
      `--server-tls-key=${TLS_DIR}/tls.key`,
      `--server-tls-certs=${TLS_DIR}/tls.crt`,
      `--cluster-networks=${v.clusterNetworks}`,
      `--identity-domain=${trustDomain(v)}`,
      `--cluster-domain=${v.clusterDomain}`,
      `--default-policy=${v.proxy.defaultInboundPolicy}`,
      `--log-level=${pc.logLevel || 'linkerd=info,warn'}`,
      `--log-format=${v.controllerLogFormat}`,
      `--default-opaque-ports=${v.proxy.opaquePorts}`,
      `--global-egress-network-namespace=${v.egress.globalEgressNetworkNamespace}`,
      ...(pc.probeNetworks?.length ? [`--probe-networks=${pc.probeNetworks.join(',')}`] : []),
    ],
    image: controllerImage(v),
    imagePullPolicy: pullPolicy(v.imagePullPolicy, 'IfNotPresent'),
    livenessProbe: controllerProbe('/live', 'policy-admin', renderedProbeTunables(pc.livenessProbe, false), { initialDelaySeconds: 10 }),
    name: 'policy',
    ports: [
      { containerPort: 8090, name: 'policy-grpc' },
      { containerPort: 9990, name: 'policy-admin' },
      { containerPort: 9443, name: 'policy-https' },
    ],
    readinessProbe: controllerProbe('/ready', 'policy-admin', renderedProbeTunables(pc.readinessProbe, false), { failureThreshold: 7 }),
    ...(resources ? { resources } : {}),
    securityContext: controllerSecurityContext(v),
    volumeMounts: [{ mountPath: TLS_DIR, name: 'policy-tls', readOnly: true }, kubeApiAccessMount()],
  };
}

export function destinationDeployment(ctx: ControlPlaneContext): KubeObject[] {
  const v = ctx.values;
  const proxyValues = controlPlaneProxyValues(v, {
    proxy: { podInboundPorts: POD_PORTS.join(',') },
    proxyResources: v.destinationProxyResources,
  });
  const proxy = buildProxyContainer(proxyValues, controlPlaneProxyContext(ctx, NAME));
  const native = proxyValues.proxy.nativeSidecar;
  const controllers = [destinationContainer(ctx), spValidatorContainer(ctx), policyContainer(ctx)];
  const podSpec = controlPlanePodSpec(ctx, COMPONENT, {
    serviceAccountName: NAME,
    // Without native sidecars the proxy goes first so linkerd-await can hold the controllers back.
    containers: native ? controllers : [proxy, ...controllers],
    initContainers: [buildNetworkInitContainer(proxyValues), ...(native ? [proxy] : [])],
    volumes: [
      { name: 'sp-tls', secret: { secretName: SP_VALIDATOR_TLS_SECRET } },
      { name: 'policy-tls', secret: { secretName: POLICY_VALIDATOR_TLS_SECRET } },
      kubeApiAccessVolume(),
      ...buildProxyVolumes(proxyValues),
    ],
  });
  // Restart the pod when the validators' webhook TLS material changes.
  const config = checksum({ profileValidator: v.profileValidator, policyValidator: v.policyValidator });
  const deployment = controlPlaneDeployment(
    ctx,
    {
      component: COMPONENT,
      name: NAME,
      selector: { [CONTROL_PLANE_COMPONENT_LABEL]: COMPONENT, [CONTROL_PLANE_NS_LABEL]: ctx.namespace, [PROXY_DEPLOYMENT_LABEL]: NAME },
      podAnnotations: controlPlanePodAnnotations(ctx, proxyValues, { checksum: config, component: v.destinationController?.podAnnotations }),
      podSpec,
    },
    meshedPodLabels(ctx, COMPONENT, NAME),
  );
  return [deployment as unknown as KubeObject];
}
