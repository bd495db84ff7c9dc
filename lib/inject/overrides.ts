/**
 * The CLI's override annotations (upstream `getOverrideAnnotations`): every injection-relevant value
 * in which the per-workload values differ from the installed mesh's becomes the matching
 * `config.linkerd.io/*` annotation, so the cluster's webhook reproduces the same proxy at admission.
 */
import { getPath } from '../values/tree.js';
import type { MeshValues } from '../values/mesh/types.js';
import { ANNOTATIONS, INJECT_ANNOTATION, INJECT_INGRESS } from './keys.js';

/** How a differing value is written as an annotation; undefined writes nothing. */
export type OverrideRender = (value: unknown) => string | undefined;

const text: OverrideRender = (v) => (v === undefined || v === null ? '' : String(v));
const enabledDisabled: OverrideRender = (v) => (v ? 'enabled' : 'disabled');
/** `--ingress` is expressed through the inject annotation itself, and only ever switched on. */
const ingress: OverrideRender = (v) => (v ? INJECT_INGRESS : undefined);

export interface OverrideRule {
  /** Upstream value key, e.g. `proxy.ports.admin`. */
  readonly path: string;
  readonly annotation: string;
  /** @default - the value as text */
  readonly render?: OverrideRender;
}

/** Value key → annotation, in upstream's order. */
export const OVERRIDE_RULES: readonly OverrideRule[] = [
  { path: 'proxy.image.version', annotation: ANNOTATIONS.proxyVersion },
  { path: 'proxyInit.ignoreInboundPorts', annotation: ANNOTATIONS.skipInboundPorts },
  { path: 'proxyInit.ignoreOutboundPorts', annotation: ANNOTATIONS.skipOutboundPorts },
  { path: 'proxyInit.skipSubnets', annotation: ANNOTATIONS.skipSubnets },
  { path: 'proxy.ports.admin', annotation: ANNOTATIONS.adminPort },
  { path: 'proxy.ports.control', annotation: ANNOTATIONS.controlPort },
  { path: 'proxy.ports.inbound', annotation: ANNOTATIONS.inboundPort },
  { path: 'proxy.ports.outbound', annotation: ANNOTATIONS.outboundPort },
  { path: 'proxy.opaquePorts', annotation: ANNOTATIONS.opaquePorts },
  { path: 'proxy.image.name', annotation: ANNOTATIONS.proxyImage },
  { path: 'proxy.image.pullPolicy', annotation: ANNOTATIONS.imagePullPolicy },
  { path: 'debugContainer.image.name', annotation: ANNOTATIONS.debugImage },
  { path: 'debugContainer.image.version', annotation: ANNOTATIONS.debugImageVersion },
  { path: 'debugContainer.image.pullPolicy', annotation: ANNOTATIONS.debugImagePullPolicy },
  { path: 'proxy.logLevel', annotation: ANNOTATIONS.logLevel },
  { path: 'proxy.logFormat', annotation: ANNOTATIONS.logFormat },
  { path: 'proxy.logHTTPHeaders', annotation: ANNOTATIONS.logHttpHeaders },
  { path: 'proxy.accessLog', annotation: ANNOTATIONS.accessLog },
  { path: 'proxy.requireIdentityOnInboundPorts', annotation: ANNOTATIONS.requireIdentityOnInboundPorts },
  { path: 'proxy.enableExternalProfiles', annotation: ANNOTATIONS.enableExternalProfiles },
  { path: 'proxy.isIngress', annotation: INJECT_ANNOTATION, render: ingress },
  { path: 'proxy.isGateway', annotation: ANNOTATIONS.enableGateway },
  { path: 'proxy.uid', annotation: ANNOTATIONS.uid },
  { path: 'proxy.gid', annotation: ANNOTATIONS.gid },
  { path: 'proxy.resources.cpu.request', annotation: ANNOTATIONS.cpuRequest },
  { path: 'proxy.resources.cpu.limit', annotation: ANNOTATIONS.cpuLimit },
  { path: 'proxy.runtime.workers.maximumCPURatio', annotation: ANNOTATIONS.cpuRatioLimit },
  { path: 'proxy.resources.memory.request', annotation: ANNOTATIONS.memoryRequest },
  { path: 'proxy.resources.memory.limit', annotation: ANNOTATIONS.memoryLimit },
  { path: 'proxy.resources.ephemeral-storage.request', annotation: ANNOTATIONS.ephemeralStorageRequest },
  { path: 'proxy.resources.ephemeral-storage.limit', annotation: ANNOTATIONS.ephemeralStorageLimit },
  { path: 'proxy.waitBeforeExitSeconds', annotation: ANNOTATIONS.waitBeforeExitSeconds },
  { path: 'proxy.await', annotation: ANNOTATIONS.await, render: enabledDisabled },
  { path: 'proxy.defaultInboundPolicy', annotation: ANNOTATIONS.defaultInboundPolicy },
  { path: 'proxy.nativeSidecar', annotation: ANNOTATIONS.nativeSidecar },
  { path: 'proxy.outboundConnectTimeout', annotation: ANNOTATIONS.outboundConnectTimeout },
  { path: 'proxy.inboundConnectTimeout', annotation: ANNOTATIONS.inboundConnectTimeout },
  { path: 'proxy.outboundDiscoveryCacheUnusedTimeout', annotation: ANNOTATIONS.outboundDiscoveryCacheUnusedTimeout },
  { path: 'proxy.inboundDiscoveryCacheUnusedTimeout', annotation: ANNOTATIONS.inboundDiscoveryCacheUnusedTimeout },
  { path: 'proxy.disableOutboundProtocolDetectTimeout', annotation: ANNOTATIONS.disableOutboundProtocolDetectTimeout },
  { path: 'proxy.disableInboundProtocolDetectTimeout', annotation: ANNOTATIONS.disableInboundProtocolDetectTimeout },
  { path: 'proxy.metrics.hostnameLabels', annotation: ANNOTATIONS.metricsHostnameLabels },
  { path: 'proxy.enableShutdownEndpoint', annotation: ANNOTATIONS.adminShutdown, render: enabledDisabled },
  { path: 'proxy.shutdownGracePeriod', annotation: ANNOTATIONS.shutdownGracePeriod },
];

/** Unset, null and '' are one "nothing" (a Go zero value); numbers and their text compare equal. */
function comparable(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The annotations for every value of `workload` that differs from `mesh` (the installed values). */
export function overrideAnnotations(workload: MeshValues, mesh: MeshValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of OVERRIDE_RULES) {
    const value = getPath(workload, rule.path);
    if (comparable(value) === comparable(getPath(mesh, rule.path))) continue;
    const rendered = (rule.render ?? text)(value);
    if (rendered !== undefined) out[rule.annotation] = rendered;
  }
  return out;
}
