/**
 * What upstream's `linkerd multicluster link-gen` prints, as data: the two `cluster-credentials-<name>`
 * Secrets and the `Link`. Leaves may be Outputs (the kubeconfig, the gateway facts read from the
 * target), so these are plain builders over `unknown` leaves, free of any Pulumi call. Fields
 * link-gen leaves out stay out: empty exclusion lists, and every gateway field of a link without a
 * gateway (`--gateway=false`); the probe's failure threshold and timeout take the CRD's defaults.
 */
import type { KubeObject } from '../../lib/manifest.js';
import {
  LINK_CLUSTER_DOMAIN_ANNOTATION,
  LINK_CREDENTIALS_CLUSTER_NAME_LABEL,
  LINK_TRUST_DOMAIN_ANNOTATION,
  MIRROR_CREDENTIALS_SECRET_TYPE,
} from '../../lib/k8s/labels.js';
import type { LabelSelector } from './label-query.js';

export interface LinkSettings {
  /** Link and target-cluster name. */
  readonly name: string;
  readonly multiclusterNamespace: string;
  readonly linkerdNamespace: string;
  readonly selector: LabelSelector;
  readonly remoteDiscoverySelector: LabelSelector;
  readonly federatedServiceSelector: LabelSelector;
  readonly excludedAnnotations: readonly string[];
  readonly excludedLabels: readonly string[];
}

/** The target's facts (each may be an Output): its mesh, and its gateway unless the link has none. */
export interface LinkTarget {
  readonly trustDomain: unknown;
  readonly clusterDomain: unknown;
  /** @default - no gateway fields (a remote-discovery-only link) */
  readonly gateway?: {
    readonly address: unknown;
    readonly port: unknown;
    readonly identity: unknown;
    readonly probe: unknown;
  };
}

export const REMOTE_ACCESS_PREFIX = 'linkerd-service-mirror-remote-access-';

export const credentialsSecretName = (name: string): string => `cluster-credentials-${name}`;

/** The credentials Secret in the multicluster namespace and its copy in the linkerd namespace. */
export function credentialsSecrets(s: LinkSettings, target: LinkTarget, kubeconfigB64: unknown): KubeObject[] {
  const base = { apiVersion: 'v1', kind: 'Secret', type: MIRROR_CREDENTIALS_SECRET_TYPE, data: { kubeconfig: kubeconfigB64 } };
  const name = credentialsSecretName(s.name);
  return [
    { ...base, metadata: { name, namespace: s.multiclusterNamespace } },
    {
      ...base,
      metadata: {
        name,
        namespace: s.linkerdNamespace,
        labels: { [LINK_CREDENTIALS_CLUSTER_NAME_LABEL]: s.name },
        annotations: { [LINK_TRUST_DOMAIN_ANNOTATION]: target.trustDomain, [LINK_CLUSTER_DOMAIN_ANNOTATION]: target.clusterDomain },
      },
    },
  ];
}

/** The `Link` (`multicluster.linkerd.io/v1alpha3`). */
export function linkObject(s: LinkSettings, target: LinkTarget): KubeObject {
  const gw = target.gateway;
  return {
    apiVersion: 'multicluster.linkerd.io/v1alpha3',
    kind: 'Link',
    metadata: { name: s.name, namespace: s.multiclusterNamespace },
    spec: {
      clusterCredentialsSecret: credentialsSecretName(s.name),
      ...(gw && { gatewayAddress: gw.address, gatewayIdentity: gw.identity, gatewayPort: gw.port, probeSpec: gw.probe }),
      selector: s.selector,
      remoteDiscoverySelector: s.remoteDiscoverySelector,
      federatedServiceSelector: s.federatedServiceSelector,
      targetClusterName: s.name,
      targetClusterDomain: target.clusterDomain,
      targetClusterLinkerdNamespace: s.linkerdNamespace,
      ...(s.excludedAnnotations.length && { excludedAnnotations: [...s.excludedAnnotations] }),
      ...(s.excludedLabels.length && { excludedLabels: [...s.excludedLabels] }),
    },
  };
}
