/**
 * `GrpcRoute`: a gRPC route on a Service (Gateway API GRPCRoute), with retries and timeouts as the
 * route's annotations. Checked when created, every problem under the construct path and field.
 */
import type { Construct } from 'constructs';
import { buildGrpcRoute, type GrpcRouteSpec } from '../../lib/traffic/grpc-route.js';
import { RouteConstruct } from './route-construct.js';

export interface GrpcRouteProps extends Omit<GrpcRouteSpec, 'name' | 'rules'> {
  /**
   * The GRPCRoute's name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * @default - one rule sending every call to the parent Service (enough to carry retries and timeouts)
   */
  readonly rules?: GrpcRouteSpec['rules'];
}

export class GrpcRoute extends RouteConstruct {
  constructor(scope: Construct, id: string, props: GrpcRouteProps) {
    super(scope, id, props.name, (name, path) => buildGrpcRoute({ ...props, name, rules: props.rules ?? [{}] }, path));
  }
}
