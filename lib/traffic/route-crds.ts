/**
 * Which CRDs a route needs, and the install values that provide them. linkerd-crds always installs
 * the policy.linkerd.io HTTPRoute; the Gateway API HTTPRoute and GRPCRoute (bundle v1.1.1) only with
 * `enableHttpRoutes` (or `installGatewayAPI`, which also adds TLSRoute and TCPRoute) — off by default
 * since 2.18, because clusters often bring their own Gateway API. The policy controller checks for
 * the CRDs once at start, so install them before the control plane (the CRD phase does).
 */
import type { CrdsValues } from '../crds/values.js';

/**
 * Values (`meshform install --crds --set enableHttpRoutes=true`, `MeshProps.values`, a Helm file) that
 * add Gateway API HTTPRoute and GRPCRoute to the CRD phase. Leave them out when the cluster already
 * has Gateway API CRDs (v1.1.1–1.2.1 for this release).
 */
export const GATEWAY_ROUTE_CRD_VALUES = { enableHttpRoutes: true } as const satisfies Partial<CrdsValues>;

/** `apiVersion/kind` of each route kind and whether linkerd-crds installs its CRD by default. */
export const ROUTE_KINDS = {
  gatewayHttpRoute: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', installedByDefault: false },
  gatewayGrpcRoute: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', installedByDefault: false },
  linkerdHttpRoute: { apiVersion: 'policy.linkerd.io/v1beta3', kind: 'HTTPRoute', installedByDefault: true },
} as const;
