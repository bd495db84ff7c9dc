/**
 * The multicluster gateway: a meshed pause pod whose proxy, in gateway mode, accepts mTLS traffic from
 * linked clusters and forwards it to local services; its Service is what remote clusters target, with
 * the gateway identity and probe settings as annotations for `link-gen`.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from '../../lib/manifest.js';
import { createdBy, EXTENSION, EXTENSION_LABEL, kube, mcLabels, pullSecrets, type MulticlusterContext } from './context.js';
import { disruptionBudget } from './disruption-budget.js';
import { podAffinity } from '../../lib/pod/affinity.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../../lib/pod/security-context.js';
import { ANNOTATIONS, GATEWAY_ANNOTATIONS, GATEWAY_PORT_NAME, GATEWAY_PROBE_PORT_NAME, INJECT_ANNOTATION, INJECT_ENABLED } from '../../lib/k8s/labels.js';

function gatewayDeployment(ctx: MulticlusterContext): IDeployment {
  const { values } = ctx;
  const gw = values.gateway;
  const grace = gw.terminationGracePeriodSeconds;
  const affinity = podAffinity({ antiAffinity: values.enablePodAntiAffinity, labelKey: 'app', labelValue: gw.name, nodeAffinity: values.nodeAffinity });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { ...createdBy(ctx), ...gw.deploymentAnnotations },
      labels: mcLabels(ctx, {
        'app.kubernetes.io/name': 'gateway',
        'app.kubernetes.io/part-of': 'Linkerd',
        'app.kubernetes.io/version': values.linkerdVersion,
        component: 'gateway',
        app: gw.name,
      }),
      name: gw.name,
      namespace: ctx.namespace,
    },
    spec: {
      replicas: gw.replicas,
      revisionHistoryLimit: values.revisionHistoryLimit,
      selector: { matchLabels: { app: gw.name } },
      ...(values.enablePodAntiAffinity && { strategy: { rollingUpdate: { maxUnavailable: 1 } } }),
      template: {
        metadata: {
          annotations: {
            ...createdBy(ctx),
            [INJECT_ANNOTATION]: INJECT_ENABLED,
            // Traffic from other clusters must present a mesh identity; probes stay plain HTTP.
            [ANNOTATIONS.requireIdentityOnInboundPorts]: String(gw.port),
            [ANNOTATIONS.enableGateway]: 'true',
            [ANNOTATIONS.defaultInboundPolicy]: 'all-authenticated',
            'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true',
            ...values.podAnnotations,
          },
          labels: { app: gw.name, [EXTENSION_LABEL]: EXTENSION, ...values.podLabels },
        },
        spec: {
          ...(affinity && { affinity }),
          automountServiceAccountToken: false,
          containers: [{ name: 'pause', image: gw.pauseImage, securityContext: restrictedSecurityContext(gw.UID, gw.GID) }],
          ...(grace !== '' && grace !== undefined && grace !== null && { terminationGracePeriodSeconds: Number(grace) }),
          securityContext: restrictedPodSecurityContext(),
          serviceAccountName: gw.name,
          ...podScheduling({ nodeSelector: gw.nodeSelector, tolerations: gw.tolerations }),
        },
      },
    },
  };
}

function gatewayService(ctx: MulticlusterContext): IService {
  const { values } = ctx;
  const gw = values.gateway;
  const identity = `${gw.name}.${ctx.namespace}.serviceaccount.identity.${values.linkerdNamespace}.${values.identityTrustDomain}`;
  const set = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && v !== 0;
  const localPolicy = gw.serviceExternalTrafficPolicy !== '';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: gw.name,
      namespace: ctx.namespace,
      labels: mcLabels(ctx),
      annotations: {
        [GATEWAY_ANNOTATIONS.identity]: identity,
        [GATEWAY_ANNOTATIONS.probePeriod]: String(gw.probe.seconds),
        [GATEWAY_ANNOTATIONS.probePath]: gw.probe.path,
        [GATEWAY_ANNOTATIONS.multiclusterGateway]: 'true',
        component: 'gateway',
        ...createdBy(ctx),
        ...gw.serviceAnnotations,
      },
    },
    spec: {
      ports: [
        { name: GATEWAY_PORT_NAME, port: gw.port, protocol: 'TCP', ...(set(gw.nodePort) && { nodePort: gw.nodePort }) },
        { name: GATEWAY_PROBE_PORT_NAME, port: gw.probe.port, protocol: 'TCP', ...(set(gw.probe.nodePort) && { nodePort: gw.probe.nodePort }) },
      ],
      selector: { app: gw.name },
      type: (gw.serviceType || 'LoadBalancer') as NonNullable<IService['spec']>['type'],
      ...(gw.loadBalancerClass && { loadBalancerClass: gw.loadBalancerClass }),
      ...(gw.loadBalancerIP && { loadBalancerIP: gw.loadBalancerIP }),
      ...(gw.loadBalancerSourceRanges.length > 0 && { loadBalancerSourceRanges: [...gw.loadBalancerSourceRanges] }),
      ...(localPolicy && { externalTrafficPolicy: gw.serviceExternalTrafficPolicy as 'Cluster' | 'Local' }),
      ...(localPolicy && set(gw.healthCheckNodePort) && { healthCheckNodePort: gw.healthCheckNodePort }),
    },
  };
}

function gatewayServiceAccount(ctx: MulticlusterContext): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: ctx.values.gateway.name, namespace: ctx.namespace, labels: mcLabels(ctx) },
    ...pullSecrets(ctx),
  };
}

/** Gateway objects, or none when `gateway.enabled` is false. */
export function gatewayObjects(ctx: MulticlusterContext): KubeObject[] {
  if (!ctx.values.gateway.enabled) return [];
  const objects: KubeObject[] = [kube(gatewayDeployment(ctx))];
  if (ctx.values.enablePodAntiAffinity) {
    const name = ctx.values.gateway.name;
    objects.push(kube(disruptionBudget(ctx, name, mcLabels(ctx, { app: name }), { app: name })));
  }
  objects.push(kube(gatewayService(ctx)), kube(gatewayServiceAccount(ctx)));
  return objects;
}
