/**
 * The linkerd-crds chart's values. MeshValues carries the same keys, so the CRD chart accepts either.
 */

export interface CrdsValues {
  /** Install the Gateway API route CRDs Linkerd uses (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute). */
  readonly installGatewayAPI: boolean;
  /**
   * Install the Gateway API HTTPRoute and GRPCRoute CRDs; when set it wins over `installGatewayAPI`.
   * @default - installGatewayAPI
   */
  readonly enableHttpRoutes?: boolean;
  /**
   * Install the Gateway API TLSRoute CRD.
   * @default - installGatewayAPI
   */
  readonly enableTlsRoutes?: boolean;
  /**
   * Install the Gateway API TCPRoute CRD.
   * @default - installGatewayAPI
   */
  readonly enableTcpRoutes?: boolean;
}

/** Which Gateway API route CRDs to install. */
export interface GatewayRouteSelection {
  readonly httpRoutes: boolean;
  readonly grpcRoutes: boolean;
  readonly tlsRoutes: boolean;
  readonly tcpRoutes: boolean;
}

/**
 * Upstream's `ternary .Values.enableXRoutes .Values.installGatewayAPI (hasKey .Values "enableXRoutes")`:
 * a key that is present decides, even when false; an absent one inherits `installGatewayAPI`.
 * `null` counts as absent here because a TypeScript caller cannot express Helm's "key present with a
 * null value" any other way.
 */
export function gatewayRouteSelection(values: CrdsValues): GatewayRouteSelection {
  const pick = (flag: boolean | undefined): boolean => flag ?? values.installGatewayAPI;
  const http = pick(values.enableHttpRoutes);
  return { httpRoutes: http, grpcRoutes: http, tlsRoutes: pick(values.enableTlsRoutes), tcpRoutes: pick(values.enableTcpRoutes) };
}
