/** The Gateway API route CRDs Linkerd's `linkerd-crds` chart bundles, selected by its `enable*Routes` values. */
import type { ICustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { grpcRouteCrd } from './grpc-route.js';
import { httpRouteCrd } from './http-route.js';
import { tcpRouteCrd, tlsRouteCrd } from './stream-routes.js';

/** Which route kinds to install (`enableHttpRoutes` gates HTTP and gRPC routes upstream). */
export interface GatewayApiSelection {
  readonly httpRoutes: boolean;
  readonly grpcRoutes: boolean;
  readonly tlsRoutes: boolean;
  readonly tcpRoutes: boolean;
}

/** The selected CRDs, in the order upstream's chart renders them. */
export function gatewayApiCrds(select: GatewayApiSelection): ICustomResourceDefinition[] {
  return [
    ...(select.httpRoutes ? [httpRouteCrd()] : []),
    ...(select.grpcRoutes ? [grpcRouteCrd()] : []),
    ...(select.tlsRoutes ? [tlsRouteCrd()] : []),
    ...(select.tcpRoutes ? [tcpRouteCrd()] : []),
  ];
}
