/**
 * Full (`--manual`) injection of one pod template: the per-workload values (the CLI's values with the
 * pod's own override annotations applied, plus what upstream's `injectPodSpec` derives from the pod),
 * then lib/proxy's containers and volumes, the Linkerd labels and the proxy-version / trust-root
 * annotations. Edits the template in place (callers pass a copy).
 */
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { MeshformError } from '../errors.js';
import { injectPodSpec, proxyPodAnnotations, proxyPodLabels, type ProxyOwnerKind } from '../proxy/index.js';
import type { MeshValues } from '../values/mesh/types.js';
import { applyAnnotationOverrides, setIn } from './apply-annotations.js';
import { parseGoDuration } from '../values/go-duration.js';
import { ANNOTATIONS, SERVICE_ACCOUNT_MOUNT_PATH } from './keys.js';
import { podInboundPorts } from './ports.js';
import { namedPorts, podMetaOf, podSpecOf, type PodTemplateRef } from './workload.js';

export interface SidecarOptions {
  /** The CLI's per-workload values (mesh values with flags and `--set` applied). */
  readonly values: MeshValues;
  readonly controlPlaneNamespace: string;
  /** Annotations the CLI adds to the pod (created-by, overrides, debug, close-wait). */
  readonly addedAnnotations: Readonly<Record<string, string>>;
  /** Lower-case kind of the pod's owner. @default - a bare Pod: no owner label */
  readonly ownerKind?: ProxyOwnerKind;
  /** @default - none */
  readonly ownerName?: string;
  /** Namespace of the workload (the `linkerd.io/workload-ns` label). */
  readonly workloadNamespace: string;
}

type Tree = Record<string, unknown>;

/**
 * What upstream's `injectPodSpec` / `injectProxyInit` take from the pod itself: the first container's
 * capabilities (so the proxy passes the same admission policy), an explicit service-account token
 * mount, the app's inbound ports, and the close-wait timeout.
 */
function podDerivedValues(values: MeshValues, spec: IPodSpec, annotations: Readonly<Record<string, string>>): MeshValues {
  const tree = structuredClone(values) as unknown as Tree;
  const first = spec.containers?.[0];
  const caps = first?.securityContext?.capabilities;
  if (caps) {
    const add = [...(caps.add ?? [])];
    const drop = [...(caps.drop ?? [])];
    setIn(tree, 'proxy.capabilities', { add, drop });
    // proxy-init needs these two to write iptables rules, whatever the app drops.
    setIn(tree, 'proxyInit.capabilities', { add, drop: drop.filter((d) => d !== 'NET_RAW' && d !== 'NET_ADMIN') });
  }
  const sa = first?.volumeMounts?.find((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
  if (sa) {
    const mount = { mountPath: sa.mountPath, name: sa.name, readOnly: sa.readOnly ?? false };
    setIn(tree, 'proxy.saMountPath', mount);
    setIn(tree, 'proxyInit.saMountPath', mount);
  }
  if (annotations[ANNOTATIONS.podInboundPorts] === undefined) setIn(tree, 'proxy.podInboundPorts', podInboundPorts(spec));
  const closeWait = annotations[ANNOTATIONS.closeWaitTimeout];
  if (closeWait) {
    const ns = parseGoDuration(closeWait);
    if (ns !== undefined) setIn(tree, 'proxyInit.closeWaitTimeoutSecs', Math.trunc(ns / 1e9));
  }
  return tree as unknown as MeshValues;
}

/** Changing the conntrack close-wait timeout needs a root, privileged proxy-init (upstream fails the render). */
function checkCloseWait(values: MeshValues): void {
  if (values.cniEnabled || !values.proxyInit.closeWaitTimeoutSecs || values.proxyInit.runAsRoot) return;
  throw new MeshformError('cannot inject', [
    {
      path: 'proxyInit.runAsRoot',
      value: false,
      message: 'must be true to set a close-wait timeout (proxy-init then runs privileged)',
    },
  ]);
}

/** The effective values of one pod: CLI values ⊕ the pod's annotations ⊕ what the pod implies. */
export function workloadValues(values: MeshValues, spec: IPodSpec, original: Readonly<Record<string, string>>, added: Readonly<Record<string, string>>): MeshValues {
  const withAnnotations = applyAnnotationOverrides(values, original, namedPorts(spec));
  return podDerivedValues(withAnnotations, spec, { ...original, ...added });
}

/** Writes the sidecar into the template `ref` points at. */
export function injectSidecar(ref: PodTemplateRef, options: SidecarOptions): void {
  const meta = podMetaOf(ref);
  const spec = podSpecOf(ref);
  const original = { ...(meta.annotations ?? {}) };
  const values = workloadValues(options.values, spec, original, options.addedAnnotations);
  checkCloseWait(values);
  const all = { ...original, ...options.addedAnnotations };
  const debug = /^(1|t|true)$/i.test(all[ANNOTATIONS.enableDebugSidecar] ?? '');
  // Re-encoded as upstream's injector writes the pod spec back through Go structs.
  ref.holder.spec = injectPodSpec(spec, values, { controlPlaneNamespace: options.controlPlaneNamespace }, { debugSidecar: debug, omitEmpty: true });
  meta.annotations = { ...original, ...options.addedAnnotations, ...proxyPodAnnotations(values) };
  meta.labels = {
    ...(meta.labels ?? {}),
    ...proxyPodLabels({
      controlPlaneNamespace: options.controlPlaneNamespace,
      workloadNamespace: options.workloadNamespace,
      ownerKind: options.ownerKind,
      ownerName: options.ownerName,
    }),
  };
}
