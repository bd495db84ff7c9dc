/**
 * Pod fragments the multicluster workloads share: the hardened container security context, the
 * manually mounted service-account token (pods set `automountServiceAccountToken: false` so the proxy
 * does not receive it), and upstream's `linkerd.affinity` partial.
 */
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import { kubeApiAccessMount } from '../../lib/pod/kube-api-access.js';
import { runAsIds } from '../../lib/pod/run-as.js';
import type { INodeAffinity } from 'kubernetes-models/v1/NodeAffinity';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { JsonObject } from '../../lib/values/mesh/types.js';

/** Non-root, read-only, no capabilities; a negative UID/GID leaves the image's own. */
export function restrictedSecurityContext(uid: number, gid: number): ISecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    ...runAsIds(uid, gid),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

export const POD_SECURITY_CONTEXT = { seccompProfile: { type: 'RuntimeDefault' } } as const;

export { kubeApiAccessVolume } from '../../lib/pod/kube-api-access.js';
export const KUBE_API_ACCESS_MOUNT = kubeApiAccessMount();

/**
 * Upstream's `linkerd.affinity`: with anti-affinity, replicas must land on distinct hosts and prefer
 * distinct zones; a non-empty `nodeAffinity` is passed through.
 */
export function affinity(antiAffinity: boolean, label: string, value: string, nodeAffinity: JsonObject | undefined): IAffinity | undefined {
  const hasNode = nodeAffinity !== undefined && nodeAffinity !== null && Object.keys(nodeAffinity).length > 0;
  if (!antiAffinity && !hasNode) return undefined;
  const selector = { matchExpressions: [{ key: label, operator: 'In', values: [value] }] };
  return {
    ...(antiAffinity && {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { podAffinityTerm: { labelSelector: selector, topologyKey: 'topology.kubernetes.io/zone' }, weight: 100 },
        ],
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: structuredClone(selector), topologyKey: 'kubernetes.io/hostname' }],
      },
    }),
    ...(hasNode && { nodeAffinity: structuredClone(nodeAffinity) as INodeAffinity }),
  };
}

/** A toleration list; upstream's `{}` default (and any empty value) renders nothing. */
export function tolerations(value: readonly JsonObject[] | JsonObject | undefined): IToleration[] | undefined {
  return Array.isArray(value) && value.length ? (structuredClone(value) as unknown as IToleration[]) : undefined;
}

/** A non-empty map, copied; empty renders nothing (Helm's `with`). */
export function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length ? structuredClone(value) : undefined;
}
