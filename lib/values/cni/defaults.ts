/**
 * Upstream's linkerd2-cni chart defaults (charts/linkerd2-cni/values.yaml at edge-26.8.3) as our own
 * data. The image tag is the chart's; `linkerd install-cni` pins an older tag through its flags, which
 * users reproduce with `--set image.version=...`.
 */
import { CNI_PLUGIN_IMAGE, CNI_PLUGIN_VERSION_CHART } from '../../versions.js';
import type { CniValues, ResourceRequirementsValues } from './types.js';

const emptyResources = (): ResourceRequirementsValues => ({
  cpu: { limit: '', request: '' },
  memory: { limit: '', request: '' },
  'ephemeral-storage': { limit: '', request: '' },
});

/** A fresh, fully populated default value tree. */
export function cniDefaults(): CniValues {
  return {
    inboundProxyPort: 4143,
    outboundProxyPort: 4140,
    ignoreInboundPorts: '',
    ignoreOutboundPorts: '',
    proxyAdminPort: 4191,
    proxyControlPort: 4190,
    podLabels: {},
    commonLabels: {},
    logLevel: 'info',
    portsToRedirect: '',
    proxyUID: 2102,
    proxyGID: -1,
    destCNINetDir: '/etc/cni/net.d',
    destCNIBinDir: '/opt/cni/bin',
    useWaitFlag: false,
    iptablesMode: 'nft',
    disableIPv6: true,
    priorityClassName: '',
    revisionHistoryLimit: 10,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
    enablePSP: false,
    privileged: false,
    tolerations: [{ operator: 'Exists' }],
    image: { name: CNI_PLUGIN_IMAGE, version: CNI_PLUGIN_VERSION_CHART, pullPolicy: 'IfNotPresent' },
    imagePullSecrets: [],
    extraInitContainers: [],
    repairController: {
      enabled: false,
      logLevel: 'info',
      logFormat: 'plain',
      enableSecurityContext: true,
      resources: emptyResources(),
    },
    resources: emptyResources(),
  };
}

/** Documented keys with no default (commented out upstream); their contents are free-form. */
export const CNI_EXTRA_KEYS: readonly string[] = ['nodeAffinity'];

/** Free-form maps and lists the unknown-key check does not descend into. */
export const CNI_FREE_FORM_KEYS: readonly string[] = [
  'podLabels',
  'commonLabels',
  'tolerations',
  'imagePullSecrets',
  'extraInitContainers',
  'updateStrategy',
];
