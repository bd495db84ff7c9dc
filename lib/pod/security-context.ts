/**
 * The hardened security contexts upstream's charts give Linkerd's own containers and pods: a
 * restricted container (non-root, read-only root filesystem, no capabilities, no privilege
 * escalation, the runtime's default seccomp profile) in a pod with that seccomp profile.
 */
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import { runAsIds } from './run-as.js';

/** A restricted container security context; a negative UID/GID (upstream's `-1`) leaves the image's own. */
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

/** The pod security context of every Linkerd pod, with extra fields (Prometheus's `fsGroup`). */
export function restrictedPodSecurityContext(extra: Readonly<Omit<IPodSecurityContext, 'seccompProfile'>> = {}): IPodSecurityContext {
  return { ...extra, seccompProfile: { type: 'RuntimeDefault' } };
}
