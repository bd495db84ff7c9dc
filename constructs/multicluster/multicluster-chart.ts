/**
 * The linkerd-multicluster chart: the gateway linked clusters reach this one through, the access a
 * linked cluster's mirror uses, the `Link` CRD, the local service mirror and one service-mirror
 * controller per `controllers[]` entry, plus their policy objects.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { DEFAULT_NAMESPACES } from '../../lib/assembly/namespaces.js';
import type { KubeObject } from '../../lib/manifest.js';
import type { MulticlusterValues } from '../../lib/values/multicluster/types.js';
import { addObject } from '../kube-object.js';
import { adminPolicyObjects } from './admin-policy.js';
import { kube, type MulticlusterContext } from './context.js';
import { controllerClusterRole, controllerObjects } from './controller.js';
import { gatewayObjects } from './gateway.js';
import { gatewayPolicyObjects } from './gateway-policy.js';
import { linkCrd } from './link-crd.js';
import { localServiceMirrorObjects } from './local-service-mirror.js';
import { multiclusterNamespace } from './namespace.js';
import { podSecurityObjects } from './pod-security.js';
import { remoteAccessObjects } from './remote-access.js';

export interface MulticlusterChartProps extends ChartProps {
  /** Resolved, validated values (`resolveMulticlusterValues`). */
  readonly values: MulticlusterValues;
  /** Namespace the extension is installed into. @default 'linkerd-multicluster' */
  readonly namespace?: string;
}

/** Every object of the extension, in upstream's template order. */
export function multiclusterObjects(ctx: MulticlusterContext): KubeObject[] {
  return [
    kube(multiclusterNamespace(ctx)),
    ...gatewayObjects(ctx),
    ...gatewayPolicyObjects(ctx),
    ...podSecurityObjects(ctx),
    ...remoteAccessObjects(ctx),
    kube(linkCrd(ctx)),
    ...adminPolicyObjects(ctx),
    ...localServiceMirrorObjects(ctx),
    controllerClusterRole(ctx),
    ...ctx.values.controllers.flatMap((c) => controllerObjects(ctx, c)),
  ];
}

export class MulticlusterChart extends Chart {
  /** The namespace the extension was rendered into. */
  readonly multiclusterNamespace: string;

  constructor(scope: Construct, id: string, props: MulticlusterChartProps) {
    const namespace = props.namespace ?? DEFAULT_NAMESPACES.multicluster;
    super(scope, id, { ...props, namespace: undefined });
    this.multiclusterNamespace = namespace;
    for (const object of multiclusterObjects({ values: props.values, namespace })) addObject(this, object);
  }
}
