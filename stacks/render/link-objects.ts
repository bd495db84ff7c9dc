/**
 * What upstream's `linkerd multicluster link-gen` prints, as data: the remote kubeconfig, the two
 * `cluster-credentials-<name>` Secrets and the `Link`. Leaves may be Outputs (the kubeconfig is one),
 * so these are plain builders over `unknown` leaves, free of any Pulumi call.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../../lib/manifest.js';

export interface LinkSettings {
  /** Link and target-cluster name. */
  readonly name: string;
  /** @default 'linkerd-multicluster' */
  readonly multiclusterNamespace: string;
  /** @default 'linkerd' */
  readonly linkerdNamespace: string;
  /** The target's trust domain. */
  readonly trustDomain: string;
  /** The target's cluster domain. */
  readonly clusterDomain: string;
  readonly gatewayName: string;
  readonly gatewayNamespace: string;
  readonly gatewayPort: number;
  readonly probePort: number;
  readonly probePath: string;
  readonly probeSeconds: number;
  readonly selector: string;
  readonly remoteDiscoverySelector: string;
  readonly federatedServiceSelector: string;
  readonly excludedAnnotations: readonly string[];
  readonly excludedLabels: readonly string[];
}

export const CREDENTIALS_SECRET_TYPE = 'mirror.linkerd.io/remote-kubeconfig';
export const REMOTE_ACCESS_PREFIX = 'linkerd-service-mirror-remote-access-';

export const credentialsSecretName = (name: string): string => `cluster-credentials-${name}`;

export interface KubeconfigParts {
  readonly clusterName: string;
  readonly server: string;
  /** base64 CA bundle of the target API server (the token Secret's `ca.crt`, as stored). */
  readonly caDataB64: string;
  readonly serviceAccount: string;
  /** Decoded ServiceAccount token. */
  readonly token: string;
}

/** A kubeconfig authenticating as the remote-access ServiceAccount (what link-gen embeds). */
export function remoteKubeconfig(p: KubeconfigParts): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: p.clusterName, cluster: { server: p.server, 'certificate-authority-data': p.caDataB64 } }],
    users: [{ name: p.serviceAccount, user: { token: p.token } }],
    contexts: [{ name: p.clusterName, context: { cluster: p.clusterName, user: p.serviceAccount } }],
    'current-context': p.clusterName,
  });
}

/** `key=value` → `{ matchLabels: { key: value } }` (link-gen's selectors are single equalities). */
export function labelSelector(selector: string): { matchLabels: Record<string, string> } {
  const [key, value = ''] = selector.split('=', 2);
  return { matchLabels: { [key.trim()]: value.trim() } };
}

/** The credentials Secret in the multicluster namespace and its copy in the linkerd namespace. */
export function credentialsSecrets(s: LinkSettings, kubeconfigB64: unknown): KubeObject[] {
  const base = { apiVersion: 'v1', kind: 'Secret', type: CREDENTIALS_SECRET_TYPE, data: { kubeconfig: kubeconfigB64 } };
  const name = credentialsSecretName(s.name);
  return [
    { ...base, metadata: { name, namespace: s.multiclusterNamespace } },
    {
      ...base,
      metadata: {
        name,
        namespace: s.linkerdNamespace,
        labels: { 'multicluster.linkerd.io/cluster-name': s.name },
        annotations: { 'multicluster.linkerd.io/trust-domain': s.trustDomain, 'multicluster.linkerd.io/cluster-domain': s.clusterDomain },
      },
    },
  ];
}

/** The `Link` (`multicluster.linkerd.io/v1alpha3`). */
export function linkObject(s: LinkSettings, gatewayAddress: unknown): KubeObject {
  return {
    apiVersion: 'multicluster.linkerd.io/v1alpha3',
    kind: 'Link',
    metadata: { name: s.name, namespace: s.multiclusterNamespace },
    spec: {
      clusterCredentialsSecret: credentialsSecretName(s.name),
      gatewayAddress,
      gatewayIdentity: `${s.gatewayName}.${s.gatewayNamespace}.serviceaccount.identity.${s.linkerdNamespace}.${s.trustDomain}`,
      gatewayPort: String(s.gatewayPort),
      probeSpec: { failureThreshold: '3', path: s.probePath, period: `${s.probeSeconds}s`, port: String(s.probePort), timeout: '30s' },
      selector: labelSelector(s.selector),
      remoteDiscoverySelector: labelSelector(s.remoteDiscoverySelector),
      federatedServiceSelector: labelSelector(s.federatedServiceSelector),
      targetClusterName: s.name,
      targetClusterDomain: s.clusterDomain,
      targetClusterLinkerdNamespace: s.linkerdNamespace,
      excludedAnnotations: [...s.excludedAnnotations],
      excludedLabels: [...s.excludedLabels],
    },
  };
}
