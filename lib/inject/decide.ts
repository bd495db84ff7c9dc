/**
 * Whether a pod can be meshed (upstream `Report.update` / `Injectable`): every reason it cannot, and
 * the warnings that do not stop it. Pure: reads the pod, never edits it.
 */
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { INJECT_ANNOTATION, INJECT_DISABLED, SERVICE_ACCOUNT_MOUNT_PATH } from './keys.js';
import { INJECT_REASONS, type InjectReason, type InjectWarningCode } from './reasons.js';
import { allContainers, type MutableMeta } from './workload.js';

export interface InjectDecision {
  /** Empty when the pod can be meshed. */
  readonly reasons: readonly InjectReason[];
  readonly warnings: readonly InjectWarningCode[];
}

export interface DecideOptions {
  /** `identity.serviceAccountTokenProjection` of the effective values. */
  readonly serviceAccountTokenProjection: boolean;
}

/** Images and container names of other meshes' sidecars (upstream `HasExistingSidecars`). */
const FOREIGN_SIDECAR_IMAGE_PREFIXES = ['cr.l5d.io/linkerd/proxy:', 'gcr.io/istio-release/proxyv2:'];
const FOREIGN_SIDECAR_NAMES = ['linkerd-proxy', 'linkerd-init', 'istio-proxy', 'istio-init'];

/** True when a proxy of Linkerd or another mesh is already in the pod. */
export function hasExistingSidecar(spec: IPodSpec): boolean {
  return allContainers(spec).some(
    (c) => FOREIGN_SIDECAR_NAMES.includes(c.name) || FOREIGN_SIDECAR_IMAGE_PREFIXES.some((p) => (c.image ?? '').startsWith(p)),
  );
}

/** True when an app container declares a UDP port (the proxy only handles TCP). */
export function usesUdp(spec: IPodSpec): boolean {
  return (spec.containers ?? []).some((c) => (c.ports ?? []).some((p) => p.protocol === 'UDP'));
}

/**
 * Without token projection the proxy reads the default service-account token, which is missing when
 * automounting is off, unless the first container mounts it explicitly.
 */
function tokenUnavailable(spec: IPodSpec, projection: boolean): boolean {
  if (projection || spec.automountServiceAccountToken !== false) return false;
  const first = spec.containers?.[0];
  return !(first?.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
}

export function decideInjection(meta: MutableMeta, spec: IPodSpec, options: DecideOptions): InjectDecision {
  const reasons: InjectReason[] = [];
  if (spec.hostNetwork === true) reasons.push(INJECT_REASONS.host_network_enabled);
  if (hasExistingSidecar(spec)) reasons.push(INJECT_REASONS.sidecar_already_exists);
  if (meta.annotations?.[INJECT_ANNOTATION] === INJECT_DISABLED) reasons.push(INJECT_REASONS.injection_disable_annotation_present);
  if (tokenUnavailable(spec, options.serviceAccountTokenProjection)) {
    reasons.push(INJECT_REASONS.disabled_automount_service_account_token_account);
  }
  return { reasons, warnings: usesUdp(spec) ? ['udp_ports_enabled'] : [] };
}
