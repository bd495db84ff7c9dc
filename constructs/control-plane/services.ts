/**
 * The control plane's Services. Headless twins (`*-headless`, and `linkerd-policy` itself) let
 * clients resolve every replica, which the proxies' control-plane clients need for balancing.
 */
import type { IService } from 'kubernetes-models/v1/Service';
import type { ControlPlaneContext } from './context.js';
import { CONTROL_PLANE_COMPONENT_LABEL, controlPlaneLabels, createdByAnnotations } from './labels.js';
import { ANNOTATIONS } from '../../lib/k8s/labels.js';

interface ServiceSpec {
  readonly name: string;
  readonly component: string;
  readonly portName: string;
  readonly port: number;
  readonly targetPort: number | string;
  /** A headless Service (`clusterIP: None`) instead of a ClusterIP one. @default false */
  readonly headless?: boolean;
  /** @default {} */
  readonly annotations?: Readonly<Record<string, string>>;
}

function service(ctx: ControlPlaneContext, spec: ServiceSpec): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: spec.name,
      namespace: ctx.namespace,
      labels: controlPlaneLabels(ctx, { component: spec.component }),
      annotations: createdByAnnotations(ctx, spec.annotations),
    },
    spec: {
      ...(spec.headless ? { clusterIP: 'None' } : { type: 'ClusterIP' }),
      selector: { [CONTROL_PLANE_COMPONENT_LABEL]: spec.component },
      ports: [{ name: spec.portName, port: spec.port, targetPort: spec.targetPort }],
    },
  };
}

export function identityServices(ctx: ControlPlaneContext): IService[] {
  const base = { component: 'identity', portName: 'grpc', port: 8080, targetPort: 8080 };
  return [
    service(ctx, { ...base, name: 'linkerd-identity' }),
    service(ctx, { ...base, name: 'linkerd-identity-headless', headless: true }),
  ];
}

export function destinationServices(ctx: ControlPlaneContext): IService[] {
  const component = 'destination';
  const grpc = { component, portName: 'grpc', port: 8086, targetPort: 8086 };
  return [
    service(ctx, { ...grpc, name: 'linkerd-dst' }),
    service(ctx, { ...grpc, name: 'linkerd-dst-headless', headless: true }),
    service(ctx, { name: 'linkerd-sp-validator', component, portName: 'sp-validator', port: 443, targetPort: 'sp-validator' }),
    service(ctx, { name: 'linkerd-policy', component, portName: 'grpc', port: 8090, targetPort: 8090, headless: true }),
    service(ctx, {
      name: 'linkerd-policy-validator',
      component,
      portName: 'policy-https',
      port: 443,
      targetPort: 'policy-https',
    }),
  ];
}

export function proxyInjectorService(ctx: ControlPlaneContext): IService {
  return service(ctx, {
    name: 'linkerd-proxy-injector',
    component: 'proxy-injector',
    portName: 'proxy-injector',
    port: 443,
    targetPort: 'proxy-injector',
    // The API server speaks TLS to the injector: no HTTP detection is needed on the meshed side.
    annotations: { [ANNOTATIONS.opaquePorts]: '443' },
  });
}
