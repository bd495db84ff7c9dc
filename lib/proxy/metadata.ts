/**
 * Pod metadata that marks a meshed pod: the proxy-version and trust-root annotations, and the labels
 * naming the control plane, the workload's namespace and its owner (`linkerd.io/proxy-<kind>`).
 */
import { createHash } from 'node:crypto';
import type { MeshValues } from '../values/mesh/types.js';
import { proxyVersion } from './images.js';

import {
  CONTROL_PLANE_NS_LABEL,
  PROXY_VERSION_ANNOTATION,
  proxyOwnerLabel,
  TRUST_ROOT_SHA256_ANNOTATION,
  WORKLOAD_NS_LABEL,
} from '../k8s/labels.js';

export { CONTROL_PLANE_NS_LABEL, PROXY_VERSION_ANNOTATION, TRUST_ROOT_SHA256_ANNOTATION, WORKLOAD_NS_LABEL };

/** Owner kinds that get a `linkerd.io/proxy-<kind>` label. */
export const PROXY_OWNER_KINDS = [
  'deployment', 'replicaset', 'replicationcontroller', 'statefulset', 'daemonset', 'job', 'cronjob',
] as const;
export type ProxyOwnerKind = (typeof PROXY_OWNER_KINDS)[number];

/** sha256 (hex) of the trust anchors exactly as given, so pods restart when the roots change. */
export function trustRootSha256(values: MeshValues): string {
  return createHash('sha256').update(values.identityTrustAnchorsPEM ?? '').digest('hex');
}

/** `linkerd.io/proxy-version` and `linkerd.io/trust-root-sha256`. */
export function proxyPodAnnotations(values: MeshValues): Record<string, string> {
  return { [PROXY_VERSION_ANNOTATION]: proxyVersion(values), [TRUST_ROOT_SHA256_ANNOTATION]: trustRootSha256(values) };
}

export interface ProxyLabelOptions {
  /** Namespace of the control plane. */
  readonly controlPlaneNamespace: string;
  /** Namespace of the meshed workload. */
  readonly workloadNamespace: string;
  /** Kind of the pod's owner, lower-case. @default - no owner label (a bare pod) */
  readonly ownerKind?: ProxyOwnerKind;
  /** Name of the pod's owner. @default - no owner label */
  readonly ownerName?: string;
}

/** `linkerd.io/control-plane-ns`, `linkerd.io/proxy-<kind>` and `linkerd.io/workload-ns`. */
export function proxyPodLabels(options: ProxyLabelOptions): Record<string, string> {
  return {
    [CONTROL_PLANE_NS_LABEL]: options.controlPlaneNamespace,
    ...(options.ownerKind && options.ownerName ? { [proxyOwnerLabel(options.ownerKind)]: options.ownerName } : {}),
    [WORKLOAD_NS_LABEL]: options.workloadNamespace,
  };
}
