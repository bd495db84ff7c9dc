/**
 * The one table tying each `ProxyConfig` field to its annotation and to the kind of value it holds.
 * Validation and rendering both read it, so a field can never be checked one way and written another.
 */
import { ANNOTATIONS } from '../inject/keys.js';
import type { ProxyConfig } from './types.js';

/** How a field is checked and written. */
export type FieldKind =
  | 'text'
  | 'pullPolicy'
  | 'bool'
  | 'enabledDisabled'
  | 'port'
  | 'ports'
  | 'portsOrNames'
  | 'cidrs'
  | 'quantity'
  | 'ratio'
  | 'userId'
  | 'logLevel'
  | 'logFormat'
  | 'logHttpHeaders'
  | 'accessLog'
  | 'inboundPolicy'
  | 'duration'
  | 'seconds';

/** Fields with a single annotation (the env list and trace attributes are handled on their own). */
export type ScalarField = Exclude<keyof ProxyConfig, 'additionalEnv' | 'traceAttributes'>;

export interface FieldSpec {
  readonly field: ScalarField;
  readonly annotation: string;
  readonly kind: FieldKind;
}

const f = (field: ScalarField, annotation: string, kind: FieldKind): FieldSpec => ({ field, annotation, kind });

/** In REFERENCE §4.1 order, so rendered annotations read like the docs. */
export const PROXY_CONFIG_FIELDS: readonly FieldSpec[] = [
  f('proxyImage', ANNOTATIONS.proxyImage, 'text'),
  f('proxyVersion', ANNOTATIONS.proxyVersion, 'text'),
  f('imagePullPolicy', ANNOTATIONS.imagePullPolicy, 'pullPolicy'),
  f('debugImage', ANNOTATIONS.debugImage, 'text'),
  f('debugImageVersion', ANNOTATIONS.debugImageVersion, 'text'),
  f('debugImagePullPolicy', ANNOTATIONS.debugImagePullPolicy, 'pullPolicy'),
  f('enableDebugSidecar', ANNOTATIONS.enableDebugSidecar, 'bool'),
  f('adminPort', ANNOTATIONS.adminPort, 'port'),
  f('controlPort', ANNOTATIONS.controlPort, 'port'),
  f('inboundPort', ANNOTATIONS.inboundPort, 'port'),
  f('outboundPort', ANNOTATIONS.outboundPort, 'port'),
  f('skipInboundPorts', ANNOTATIONS.skipInboundPorts, 'ports'),
  f('skipOutboundPorts', ANNOTATIONS.skipOutboundPorts, 'ports'),
  f('skipSubnets', ANNOTATIONS.skipSubnets, 'cidrs'),
  f('opaquePorts', ANNOTATIONS.opaquePorts, 'portsOrNames'),
  f('podInboundPorts', ANNOTATIONS.podInboundPorts, 'ports'),
  f('closeWaitTimeout', ANNOTATIONS.closeWaitTimeout, 'duration'),
  f('cpuRequest', ANNOTATIONS.cpuRequest, 'quantity'),
  f('cpuLimit', ANNOTATIONS.cpuLimit, 'quantity'),
  f('cpuRatioLimit', ANNOTATIONS.cpuRatioLimit, 'ratio'),
  f('memoryRequest', ANNOTATIONS.memoryRequest, 'quantity'),
  f('memoryLimit', ANNOTATIONS.memoryLimit, 'quantity'),
  f('ephemeralStorageRequest', ANNOTATIONS.ephemeralStorageRequest, 'quantity'),
  f('ephemeralStorageLimit', ANNOTATIONS.ephemeralStorageLimit, 'quantity'),
  f('uid', ANNOTATIONS.uid, 'userId'),
  f('gid', ANNOTATIONS.gid, 'userId'),
  f('requireIdentityOnInboundPorts', ANNOTATIONS.requireIdentityOnInboundPorts, 'ports'),
  f('logLevel', ANNOTATIONS.logLevel, 'logLevel'),
  f('logFormat', ANNOTATIONS.logFormat, 'logFormat'),
  f('logHttpHeaders', ANNOTATIONS.logHttpHeaders, 'logHttpHeaders'),
  f('accessLog', ANNOTATIONS.accessLog, 'accessLog'),
  f('enableExternalProfiles', ANNOTATIONS.enableExternalProfiles, 'bool'),
  f('defaultInboundPolicy', ANNOTATIONS.defaultInboundPolicy, 'inboundPolicy'),
  f('outboundConnectTimeout', ANNOTATIONS.outboundConnectTimeout, 'duration'),
  f('inboundConnectTimeout', ANNOTATIONS.inboundConnectTimeout, 'duration'),
  f('outboundDiscoveryCacheUnusedTimeout', ANNOTATIONS.outboundDiscoveryCacheUnusedTimeout, 'duration'),
  f('inboundDiscoveryCacheUnusedTimeout', ANNOTATIONS.inboundDiscoveryCacheUnusedTimeout, 'duration'),
  f('disableOutboundProtocolDetectTimeout', ANNOTATIONS.disableOutboundProtocolDetectTimeout, 'bool'),
  f('disableInboundProtocolDetectTimeout', ANNOTATIONS.disableInboundProtocolDetectTimeout, 'bool'),
  f('metricsHostnameLabels', ANNOTATIONS.metricsHostnameLabels, 'bool'),
  f('adminShutdown', ANNOTATIONS.adminShutdown, 'enabledDisabled'),
  f('await', ANNOTATIONS.await, 'enabledDisabled'),
  f('shutdownGracePeriod', ANNOTATIONS.shutdownGracePeriod, 'duration'),
  f('waitBeforeExitSeconds', ANNOTATIONS.waitBeforeExitSeconds, 'seconds'),
  f('nativeSidecar', ANNOTATIONS.nativeSidecar, 'bool'),
  f('enableGateway', ANNOTATIONS.enableGateway, 'bool'),
];

/** `proxy-additional-env` is not in the injector's override table (the CLI never writes it). */
export { PROXY_ADDITIONAL_ENV_ANNOTATION as ADDITIONAL_ENV_ANNOTATION } from '../k8s/labels.js';
/** Prefix of the trace resource-attribute annotations. */
export const TRACE_ATTRIBUTE_PREFIX = 'resource.opentelemetry.io/';
