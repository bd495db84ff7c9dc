/**
 * Which keys of the viz tree a user may set: everything in `vizDefaults()`, plus documented keys with
 * no default (commented out or empty in upstream's values.yaml, or Go-only keys the CLI sets), plus
 * free-form maps whose contents are the user's own.
 */
import type { ValueTree } from '../tree.js';
import type { KnownKeys } from '../unknown-keys.js';
import { vizDefaults } from './defaults.js';

/** The four Linkerd-built viz components sharing replicas/logLevel/image/resources/proxy/UID/GID. */
export const VIZ_COMPONENTS = ['metricsAPI', 'tap', 'tapInjector', 'dashboard'] as const;
export type VizComponentKey = (typeof VIZ_COMPONENTS)[number];

/** Documented keys absent from the defaults; their subtrees are free-form to the unknown-key check. */
export const VIZ_EXTRA_KEYS: readonly string[] = [
  'tolerations',
  'nodeAffinity',
  // Upstream's values-ha.yaml defines a top-level `resources` anchor no template reads; accepting it
  // keeps `-f values-ha.yaml` working unchanged.
  'resources',
  'cniEnabled',
  'enablePprof',
  ...VIZ_COMPONENTS.flatMap((c) => [`${c}.proxy`, `${c}.UID`, `${c}.GID`]),
  'metricsAPI.tolerations',
  'tapInjector.objectSelector',
  'namespaceMetadata.tolerations',
  'grafana.url',
  'grafana.externalUrl',
  'grafana.uidPrefix',
  'prometheus.alertRelabelConfigs',
  'prometheus.alertmanagers',
  'prometheus.remoteWrite',
  'prometheus.ruleConfigMapMounts',
  'prometheus.scrapeConfigs',
  'prometheus.metricRelabelConfigs',
  'prometheus.sidecarContainers',
  'prometheus.persistence',
  'prometheus.proxy',
  'prometheus.tolerations',
];

/** Maps with a non-empty default whose keys are nevertheless the user's. */
export const VIZ_FREE_FORM_KEYS: readonly string[] = [
  'podLabels',
  'commonLabels',
  'nodeSelector',
  'imagePullSecrets',
  'metricsAPI.nodeSelector',
  'namespaceMetadata.nodeSelector',
  'tapInjector.namespaceSelector',
  'prometheus.nodeSelector',
  'prometheus.args',
  'prometheus.globalConfig',
  'prometheus.podAnnotations',
  ...VIZ_COMPONENTS.map((c) => `${c}.service.annotations`),
  'dashboard.service.labels',
];

export function vizKnownKeys(): KnownKeys {
  return { defaults: vizDefaults() as unknown as ValueTree, extra: VIZ_EXTRA_KEYS, freeForm: VIZ_FREE_FORM_KEYS };
}
