/**
 * Upstream's linkerd-multicluster chart defaults (values.yaml at edge-26.8.3) as our own data.
 * `linkerdVersion` and the image versions keep upstream's placeholder; `resolveMulticlusterValues`
 * substitutes the release for it unless the user gave it explicitly.
 */
import { DEFAULT_REGISTRY, PAUSE_IMAGE, VERSION_PLACEHOLDER } from '../../versions.js';
import { DEFAULT_MIRROR_SELECTORS } from '../../k8s/labels.js';
import type { ControllerSettingsValues, MulticlusterValues } from './types.js';

const CONTROLLER_IMAGE = `${DEFAULT_REGISTRY}/controller`;

export function controllerDefaults(): ControllerSettingsValues {
  return {
    replicas: 1,
    image: { name: CONTROLLER_IMAGE, pullPolicy: '', version: VERSION_PLACEHOLDER },
    gateway: { enabled: true, probe: { port: 4191 } },
    logLevel: 'info',
    logFormat: 'plain',
    enableHeadlessServices: false,
    enablePprof: false,
    UID: 2103,
    GID: 2103,
    retryLimit: 3,
    resources: {},
    nodeSelector: {},
    tolerations: {},
    enablePodAntiAffinity: false,
    nodeAffinity: {},
  };
}

/** A fresh, fully populated default value tree. */
export function multiclusterDefaults(): MulticlusterValues {
  return {
    gateway: {
      enabled: true,
      replicas: 1,
      name: 'linkerd-gateway',
      port: 4143,
      serviceType: 'LoadBalancer',
      probe: { path: '/ready', port: 4191, seconds: 3 },
      serviceAnnotations: {},
      serviceExternalTrafficPolicy: '',
      deploymentAnnotations: {},
      loadBalancerClass: '',
      loadBalancerIP: '',
      loadBalancerSourceRanges: [],
      terminationGracePeriodSeconds: '',
      nodeSelector: {},
      tolerations: [],
      pauseImage: PAUSE_IMAGE,
      UID: 2103,
      GID: 2103,
    },
    linkerdVersion: VERSION_PLACEHOLDER,
    podAnnotations: {},
    podLabels: {},
    commonLabels: {},
    imagePullPolicy: 'IfNotPresent',
    imagePullSecrets: [],
    proxyOutboundPort: 4140,
    remoteMirrorServiceAccount: true,
    remoteMirrorServiceAccountName: 'linkerd-service-mirror-remote-access-default',
    linkerdNamespace: 'linkerd',
    identityTrustDomain: 'cluster.local',
    namespaceMetadata: {
      image: { registry: DEFAULT_REGISTRY, name: 'extension-init', tag: 'v0.1.12', pullPolicy: '' },
      nodeSelector: {},
      tolerations: [],
    },
    enablePSP: false,
    enableNamespaceCreation: false,
    enablePodAntiAffinity: false,
    createNamespaceMetadataJob: true,
    revisionHistoryLimit: 10,
    localServiceMirror: {
      serviceMirrorRetryLimit: 3,
      federatedServiceSelector: DEFAULT_MIRROR_SELECTORS.federated,
      excludedLabels: '',
      excludedAnnotations: '',
      replicas: 1,
      image: { name: CONTROLLER_IMAGE, pullPolicy: '', version: VERSION_PLACEHOLDER },
      logLevel: 'info',
      logFormat: 'plain',
      enablePprof: false,
      UID: 2103,
      GID: 2103,
      resources: {},
    },
    controllers: [],
    controllerDefaults: controllerDefaults(),
  };
}

/** Documented keys with no default (commented out upstream); their contents are free-form. */
export const MULTICLUSTER_EXTRA_KEYS: readonly string[] = [
  'nodeAffinity',
  'gateway.nodePort',
  'gateway.healthCheckNodePort',
  'gateway.probe.nodePort',
];

/** Free-form maps and lists the unknown-key check does not descend into. */
export const MULTICLUSTER_FREE_FORM_KEYS: readonly string[] = [
  'podAnnotations',
  'podLabels',
  'commonLabels',
  'imagePullSecrets',
  'gateway.serviceAnnotations',
  'gateway.deploymentAnnotations',
  'gateway.nodeSelector',
  'gateway.tolerations',
  'namespaceMetadata.nodeSelector',
  'namespaceMetadata.tolerations',
  'controllers',
  'controllerDefaults.nodeSelector',
  'controllerDefaults.tolerations',
  'controllerDefaults.nodeAffinity',
  'controllerDefaults.resources',
  'localServiceMirror.resources',
];

/** Free-form keys inside one `controllers[]` entry. */
export const CONTROLLER_FREE_FORM_KEYS: readonly string[] = ['nodeSelector', 'tolerations', 'nodeAffinity', 'resources'];
