/**
 * The linkerd-crds chart as data: every CRD in upstream's order, the Gateway API route CRDs included
 * as the values select them, each stamped with the chart's labels and annotations.
 */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { LINKERD_VERSION } from '../versions.js';
import { gatewayApiCrds } from './gateway-api/index.js';
import { authorizationPolicyCrd } from './linkerd/authorization-policy.js';
import { egressNetworkCrd } from './linkerd/egress-network.js';
import { externalWorkloadCrd } from './linkerd/external-workload.js';
import { httpLocalRateLimitPolicyCrd } from './linkerd/http-local-rate-limit-policy.js';
import { httpRouteCrd } from './linkerd/http-route.js';
import { meshTlsAuthenticationCrd } from './linkerd/mesh-tls-authentication.js';
import { networkAuthenticationCrd } from './linkerd/network-authentication.js';
import { serverAuthorizationCrd } from './linkerd/server-authorization.js';
import { serverCrd } from './linkerd/server.js';
import { serviceProfileCrd } from './linkerd/service-profile.js';
import { gatewayRouteSelection, type CrdsValues } from './values.js';
import { CONTROL_PLANE_NS_LABEL, CREATED_BY_ANNOTATION } from '../k8s/labels.js';

/** Options of {@link linkerdCrds} beyond the chart values. */
export interface LinkerdCrdsOptions {
  /**
   * The control-plane namespace recorded in the `linkerd.io/control-plane-ns` label.
   * @default 'linkerd'
   */
  readonly namespace?: string;
  /**
   * The `linkerd.io/created-by` annotation.
   * @default - `linkerd/cli <release>`
   */
  readonly createdBy?: string;
}

/** The Linkerd-owned CRDs, before the chart's metadata is applied. */
function linkerdOwnCrds(): { readonly policy: ICustomResourceDefinition[]; readonly tail: ICustomResourceDefinition[] } {
  return {
    // Upstream's templates render alphabetically by file name: policy/*, then serviceprofile.
    policy: [
      authorizationPolicyCrd(),
      egressNetworkCrd(),
      httpLocalRateLimitPolicyCrd(),
      httpRouteCrd(),
      meshTlsAuthenticationCrd(),
      networkAuthenticationCrd(),
      serverAuthorizationCrd(),
      serverCrd(),
      serviceProfileCrd(),
    ],
    // The ExternalWorkload template sits in workload/, after gateway.networking.k8s.io/.
    tail: [externalWorkloadCrd()],
  };
}

/** `edge-26.8.3` → `2026.8.3`: upstream's release tooling versions edge charts by date. */
function chartVersion(release: string): string {
  const edge = /^edge-(\d+)\.(\d+)\.(\d+)$/.exec(release);
  return edge ? `20${edge[1]}.${edge[2]}.${edge[3]}` : release;
}

function stamp(crd: ICustomResourceDefinition, options: LinkerdCrdsOptions): ICustomResourceDefinition {
  const meta = crd.metadata ?? {};
  return {
    ...crd,
    metadata: {
      ...meta,
      annotations: { ...meta.annotations, [CREATED_BY_ANNOTATION]: options.createdBy ?? `linkerd/cli ${LINKERD_VERSION}` },
      labels: {
        ...meta.labels,
        'helm.sh/chart': `linkerd-crds-${chartVersion(LINKERD_VERSION)}`,
        [CONTROL_PLANE_NS_LABEL]: options.namespace ?? 'linkerd',
      },
    },
  };
}

/** Every CRD the linkerd-crds chart renders for `values`, in upstream's order. */
export function linkerdCrds(values: CrdsValues, options: LinkerdCrdsOptions = {}): ICustomResourceDefinition[] {
  const own = linkerdOwnCrds();
  return [...own.policy, ...gatewayApiCrds(gatewayRouteSelection(values)), ...own.tail].map((c) => stamp(c, options));
}

/** All CRDs meshform knows, whatever the values select: the catalogue custom resources validate against. */
export function allKnownCrds(): ICustomResourceDefinition[] {
  return linkerdCrds({ installGatewayAPI: true });
}
