/**
 * The Service, ServiceAccount and container shape shared by the Linkerd-built viz components
 * (metrics-api, tap, tap-injector, web): one Go binary with an admin port serving `/ping` and `/ready`.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IServicePort } from 'kubernetes-models/v1/ServicePort';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { KubeObject } from '../../lib/manifest.js';
import type { StringMap, VizComponentValues } from '../../lib/values/viz/types.js';
import { createdBy, imageRef, kube, objectLabels, pullPolicy, type VizContext } from './context.js';
import { buildResources } from '../../lib/pod/resources.js';
import { kubeApiAccessMount } from '../../lib/pod/kube-api-access.js';
import { imagePullSecrets } from '../../lib/pod/scheduling.js';
import { restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { INJECT_ANNOTATION, INJECT_ENABLED } from '../../lib/k8s/labels.js';

export interface ComponentContainerSpec {
  readonly name: string;
  readonly values: VizComponentValues;
  readonly args: readonly string[];
  readonly ports: readonly IContainerPort[];
  /** Port serving `/ping` (liveness) and `/ready` (readiness). */
  readonly adminPort: number;
  /** Mounts before the service-account token. @default [] */
  readonly mounts?: readonly IVolumeMount[];
  /** @default - none */
  readonly env?: readonly IEnvVar[];
}

export function componentContainer(ctx: VizContext, spec: ComponentContainerSpec): IContainer {
  const v = spec.values;
  const resources = buildResources(v.resources);
  return {
    args: [...spec.args],
    ...(spec.env?.length ? { env: [...spec.env] } : {}),
    image: imageRef(ctx, v.image),
    imagePullPolicy: pullPolicy(ctx, v.image),
    livenessProbe: { httpGet: { path: '/ping', port: spec.adminPort }, initialDelaySeconds: 10 },
    name: spec.name,
    ports: [...spec.ports],
    readinessProbe: { failureThreshold: 7, httpGet: { path: '/ready', port: spec.adminPort } },
    ...(resources ? { resources } : {}),
    securityContext: restrictedSecurityContext(v.UID ?? ctx.values.defaultUID, v.GID ?? ctx.values.defaultGID),
    volumeMounts: [...(spec.mounts ?? []), kubeApiAccessMount()],
  };
}

export interface VizServiceSpec {
  readonly name: string;
  readonly labels: StringMap;
  /** User annotations (`<component>.service.annotations`). */
  readonly annotations: StringMap;
  readonly selector: StringMap;
  readonly ports: readonly IServicePort[];
}

export function vizService(ctx: VizContext, spec: VizServiceSpec): KubeObject {
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: spec.name,
      namespace: ctx.namespace,
      labels: objectLabels(ctx, spec.labels),
      annotations: { ...createdBy(ctx), [INJECT_ANNOTATION]: INJECT_ENABLED, ...spec.annotations },
    },
    spec: { type: 'ClusterIP', selector: { ...spec.selector }, ports: [...spec.ports] },
  };
  return kube(service);
}

/** A ServiceAccount carrying the viz-wide `imagePullSecrets`. */
export function vizServiceAccount(ctx: VizContext, name: string, labels: StringMap): KubeObject {
  const account: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: ctx.namespace, labels: objectLabels(ctx, labels) },
    ...imagePullSecrets(ctx.values.imagePullSecrets),
  };
  return kube(account);
}

/** Labels `{component, namespace}` many viz objects carry. */
export function componentLabels(ctx: VizContext, component: string, withNamespace: boolean): StringMap {
  return withNamespace ? { component, namespace: ctx.namespace } : { component };
}
