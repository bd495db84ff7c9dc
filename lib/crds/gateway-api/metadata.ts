/** Object metadata of the bundled Gateway API CRDs, as Linkerd's `linkerd-crds` chart stamps it. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { GATEWAY_API_BUNDLE_VERSION, LINKERD_VERSION } from '../../versions.js';
import { CONTROL_PLANE_NS_LABEL, CREATED_BY_ANNOTATION } from '../../k8s/labels.js';

/** Upstream's API-review approval for the `gateway.networking.k8s.io` group, required for `*.k8s.io` CRDs. */
const API_APPROVAL = 'https://github.com/kubernetes-sigs/gateway-api/pull/2997';

/** The bundle's channel: experimental, because TLSRoute and TCPRoute only exist there. */
export const GATEWAY_API_CHANNEL = 'experimental';

/** Namespace the CLI labels control-plane objects with (`linkerd.io/control-plane-ns`). */
const CONTROL_PLANE_NAMESPACE = 'linkerd';

/** `edge-26.8.3` → `2026.8.3`: upstream's release tooling versions edge charts by date. */
function chartVersion(release: string): string {
  const edge = /^edge-(\d+)\.(\d+)\.(\d+)$/.exec(release);
  return edge ? `20${edge[1]}.${edge[2]}.${edge[3]}` : release;
}

/** Object metadata, typed without depending on the transitive apimachinery package directly. */
export type CrdMetadata = NonNullable<ICustomResourceDefinition['metadata']>;

export function gatewayCrdMetadata(name: string): CrdMetadata {
  return {
    annotations: {
      'api-approved.kubernetes.io': API_APPROVAL,
      'gateway.networking.k8s.io/bundle-version': GATEWAY_API_BUNDLE_VERSION,
      'gateway.networking.k8s.io/channel': GATEWAY_API_CHANNEL,
      [CREATED_BY_ANNOTATION]: `linkerd/cli ${LINKERD_VERSION}`,
      // Helm must not delete the CRDs (and with them every route) on uninstall or upgrade.
      'helm.sh/resource-policy': 'keep',
    },
    labels: {
      'helm.sh/chart': `linkerd-crds-${chartVersion(LINKERD_VERSION)}`,
      [CONTROL_PLANE_NS_LABEL]: CONTROL_PLANE_NAMESPACE,
    },
    name,
  };
}
