/**
 * Which keys of the control-plane tree a user may set: everything in `meshDefaults()`, plus documented
 * keys that have no default (commented out in upstream's values.yaml, or fields only the CLI's Go
 * `Values` struct knows), plus free-form maps whose contents are the user's own.
 */
import type { KnownKeys } from '../unknown-keys.js';
import { meshDefaults } from './defaults.js';
import type { ValueTree } from '../tree.js';

/** Per-component resource keys (`proxy.resources` shape), all unset by default. */
export const RESOURCE_KEYS = [
  'destinationResources',
  'destinationProxyResources',
  'identityResources',
  'identityProxyResources',
  'heartbeatResources',
  'proxyInjectorResources',
  'proxyInjectorProxyResources',
  'spValidatorResources',
  'controllerResources',
] as const;

/** Documented keys absent from the defaults; their subtrees are free-form to the unknown-key check. */
export const MESH_EXTRA_KEYS: readonly string[] = [
  ...RESOURCE_KEYS,
  'tolerations',
  'nodeAffinity',
  'heartbeatSchedule',
  'configReaders',
  'cliVersion',
  'heartbeat',
  'configs',
  'enableHttpRoutes',
  'enableTlsRoutes',
  'enableTcpRoutes',
  'controller.tracing.protocol',
  'controller.tracing.traceServiceName',
  'controller.tracing.labels',
  'controller.tracing.collector.meshIdentity',
  'proxy.cores',
  'proxy.runtime.workers.maximumCPURatio',
  'proxy.runtime.workers.maximum',
  'proxy.additionalEnv',
  'proxy.experimentalEnv',
  'proxy.accessLog',
  'proxy.isIngress',
  'proxy.isGateway',
  'proxy.podInboundPorts',
  'proxy.capabilities',
  'proxy.saMountPath',
  'proxy.tracing.protocol',
  'proxyInit.resources',
  'proxyInit.capabilities',
  'proxyInit.saMountPath',
  'proxyInit.xtMountPath.readOnly',
  'identity.additionalEnv',
  'identity.experimentalEnv',
  'proxyInjector.additionalEnv',
  'proxyInjector.experimentalEnv',
];

/** Maps with a non-empty default whose keys are nevertheless the user's (labels, selectors...). */
export const MESH_FREE_FORM_KEYS: readonly string[] = [
  'podAnnotations',
  'podLabels',
  'commonLabels',
  'nodeSelector',
  'imagePullSecrets',
  'proxy.securityContext',
  'proxy.tracing.labels',
  // Scope → protocol → parameter, rendered generically (lib/proxy/server-params-env.ts).
  'proxy.inbound',
  'proxy.outbound',
  'networkValidator.securityContext',
  'destinationController.podAnnotations',
  'identity.podAnnotations',
  'proxyInjector.podAnnotations',
  'proxyInjector.namespaceSelector',
  'proxyInjector.objectSelector',
  'profileValidator.namespaceSelector',
  'policyValidator.namespaceSelector',
  'podMonitor.labels',
];

export function meshKnownKeys(): KnownKeys {
  return {
    defaults: meshDefaults() as unknown as ValueTree,
    extra: MESH_EXTRA_KEYS,
    freeForm: MESH_FREE_FORM_KEYS,
  };
}
