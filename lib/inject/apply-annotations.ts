/**
 * Per-workload values from pod annotations (upstream `ApplyAnnotationOverrides`): each
 * `config.linkerd.io/*` annotation the injector honours replaces the matching value; malformed
 * values are ignored, as upstream does (it only logs a warning). Works on a copy of the values.
 */
import { cpuQuantityToCores } from '../proxy/resources.js';
import { DEFAULT_INBOUND_POLICIES, quantity } from '../values/checks.js';
import type { MeshValues } from '../values/mesh/types.js';
import { parseGoDuration } from '../values/go-duration.js';
import { ANNOTATIONS, INJECT_ANNOTATION, INJECT_INGRESS } from './keys.js';
import { resolveOpaquePorts } from './ports.js';

/** A mutable view of the value tree while annotations are applied. */
export type MutableValueTree = Record<string, unknown>;

/** Sets `a.b.c` in `tree`, creating intermediate maps. */
export function setIn(tree: MutableValueTree, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as MutableValueTree;
  }
  node[parts[parts.length - 1]] = value;
}

/** Whole cores a CPU quantity needs, rounded up (upstream `ToWholeCPUCores`). */
export function wholeCpuCores(q: string): number | undefined {
  const cores = cpuQuantityToCores(q);
  return cores === undefined ? undefined : Math.ceil(Math.round(cores * 1000) / 1000);
}

const asInt = (raw: string): number | undefined => (/^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined);
/** Go's `strconv.ParseBool`. */
const asBool = (raw: string): boolean | undefined =>
  ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw) ? false : undefined;
const asQuantity = (raw: string): string | undefined => (raw.trim() !== '' && quantity(raw) === undefined ? raw : undefined);
const durationMs = (raw: string): string | undefined => {
  const ns = parseGoDuration(raw);
  return ns === undefined ? undefined : `${Math.trunc(ns / 1e6)}ms`;
};
const durationS = (raw: string): string | undefined => {
  const ns = parseGoDuration(raw);
  return ns === undefined ? undefined : `${Math.trunc(ns / 1e9)}s`;
};

type Apply = (tree: MutableValueTree, raw: string, ctx: ApplyContext) => void;

interface ApplyContext {
  readonly namedPorts: ReadonlyMap<string, number>;
}

/** Sets `path` to the parsed annotation when it parses. */
const to =
  (path: string, parse: (raw: string) => unknown = (r) => r): Apply =>
  (tree, raw) => {
    const v = parse(raw);
    if (v !== undefined) setIn(tree, path, v);
  };

/** A CPU quantity also sizes the proxy's worker threads. */
const cpu =
  (side: 'request' | 'limit', workers: 'minimum' | 'maximum'): Apply =>
  (tree, raw) => {
    if (asQuantity(raw) === undefined) return;
    setIn(tree, `proxy.resources.cpu.${side}`, raw);
    const n = wholeCpuCores(raw);
    if (n !== undefined) setIn(tree, `proxy.runtime.workers.${workers}`, n);
  };

/** Annotation → how it changes the values, in upstream's order. */
const RULES: ReadonlyArray<readonly [string, Apply]> = [
  [INJECT_ANNOTATION, (tree, raw) => raw === INJECT_INGRESS && setIn(tree, 'proxy.isIngress', true)],
  [ANNOTATIONS.enableGateway, to('proxy.isGateway', asBool)],
  [ANNOTATIONS.proxyImage, to('proxy.image.name')],
  [ANNOTATIONS.proxyVersion, to('proxy.image.version')],
  [ANNOTATIONS.imagePullPolicy, to('proxy.image.pullPolicy')],
  [ANNOTATIONS.controlPort, to('proxy.ports.control', asInt)],
  [ANNOTATIONS.inboundPort, to('proxy.ports.inbound', asInt)],
  [ANNOTATIONS.adminPort, to('proxy.ports.admin', asInt)],
  [ANNOTATIONS.outboundPort, to('proxy.ports.outbound', asInt)],
  [ANNOTATIONS.logLevel, to('proxy.logLevel')],
  [ANNOTATIONS.logHttpHeaders, to('proxy.logHTTPHeaders')],
  [ANNOTATIONS.logFormat, to('proxy.logFormat')],
  [ANNOTATIONS.requireIdentityOnInboundPorts, to('proxy.requireIdentityOnInboundPorts')],
  [ANNOTATIONS.outboundConnectTimeout, to('proxy.outboundConnectTimeout', durationMs)],
  [ANNOTATIONS.inboundConnectTimeout, to('proxy.inboundConnectTimeout', durationMs)],
  [ANNOTATIONS.outboundDiscoveryCacheUnusedTimeout, to('proxy.outboundDiscoveryCacheUnusedTimeout', durationS)],
  [ANNOTATIONS.inboundDiscoveryCacheUnusedTimeout, to('proxy.inboundDiscoveryCacheUnusedTimeout', durationS)],
  [ANNOTATIONS.disableOutboundProtocolDetectTimeout, to('proxy.disableOutboundProtocolDetectTimeout', asBool)],
  [ANNOTATIONS.disableInboundProtocolDetectTimeout, to('proxy.disableInboundProtocolDetectTimeout', asBool)],
  [ANNOTATIONS.shutdownGracePeriod, to('proxy.shutdownGracePeriod', durationMs)],
  [ANNOTATIONS.waitBeforeExitSeconds, to('proxy.waitBeforeExitSeconds', (r) => (/^\d+$/.test(r) ? Number(r) : undefined))],
  [ANNOTATIONS.nativeSidecarAlpha, to('proxy.nativeSidecar', (r) => r === 'true')],
  [ANNOTATIONS.nativeSidecarBeta, to('proxy.nativeSidecar', (r) => r === 'true')],
  [ANNOTATIONS.nativeSidecar, to('proxy.nativeSidecar', (r) => r === 'true')],
  [ANNOTATIONS.cpuRequest, cpu('request', 'minimum')],
  [ANNOTATIONS.memoryRequest, to('proxy.resources.memory.request', asQuantity)],
  [ANNOTATIONS.ephemeralStorageRequest, to('proxy.resources.ephemeral-storage.request', asQuantity)],
  [ANNOTATIONS.cpuLimit, cpu('limit', 'maximum')],
  [ANNOTATIONS.cpuRatioLimit, to('proxy.runtime.workers.maximumCPURatio', (r) => (Number.isFinite(Number(r)) && r.trim() ? Number(r) : undefined))],
  [ANNOTATIONS.memoryLimit, to('proxy.resources.memory.limit', asQuantity)],
  [ANNOTATIONS.ephemeralStorageLimit, to('proxy.resources.ephemeral-storage.limit', asQuantity)],
  [ANNOTATIONS.uid, to('proxy.uid', asInt)],
  [ANNOTATIONS.gid, to('proxy.gid', asInt)],
  [ANNOTATIONS.enableExternalProfiles, to('proxy.enableExternalProfiles', asBool)],
  [ANNOTATIONS.skipInboundPorts, to('proxyInit.ignoreInboundPorts')],
  [ANNOTATIONS.skipOutboundPorts, to('proxyInit.ignoreOutboundPorts')],
  [ANNOTATIONS.skipSubnets, to('proxyInit.skipSubnets')],
  [ANNOTATIONS.adminShutdown, to('proxy.enableShutdownEndpoint', (r) => (r === 'enabled' ? true : r === 'disabled' ? false : undefined))],
  [ANNOTATIONS.await, to('proxy.await', (r) => (r === 'enabled' ? true : r === 'disabled' ? false : undefined))],
  [ANNOTATIONS.defaultInboundPolicy, to('proxy.defaultInboundPolicy', (r) => ((DEFAULT_INBOUND_POLICIES as readonly string[]).includes(r) ? r : undefined))],
  [ANNOTATIONS.accessLog, to('proxy.accessLog')],
  [ANNOTATIONS.metricsHostnameLabels, to('proxy.metrics.hostnameLabels', asBool)],
  [ANNOTATIONS.opaquePorts, (tree, raw, ctx) => setIn(tree, 'proxy.opaquePorts', resolveOpaquePorts(raw, ctx.namedPorts))],
  [ANNOTATIONS.podInboundPorts, to('proxy.podInboundPorts')],
  [ANNOTATIONS.debugImage, to('debugContainer.image.name')],
  [ANNOTATIONS.debugImageVersion, to('debugContainer.image.version')],
  [ANNOTATIONS.debugImagePullPolicy, to('debugContainer.image.pullPolicy')],
];

/** A copy of `values` with the pod's override annotations applied. */
export function applyAnnotationOverrides(
  values: MeshValues,
  annotations: Readonly<Record<string, string>>,
  namedPorts: ReadonlyMap<string, number> = new Map(),
): MeshValues {
  const tree = structuredClone(values) as unknown as MutableValueTree;
  for (const [key, apply] of RULES) {
    const raw = annotations[key];
    if (raw !== undefined) apply(tree, raw, { namedPorts });
  }
  return tree as unknown as MeshValues;
}
