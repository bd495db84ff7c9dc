/**
 * `GrpcRoute`: a gRPC route on a Service (Gateway API GRPCRoute), with retries and timeouts as the
 * route's annotations. Checked when created, every problem under the construct path and field.
 */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildGrpcRoute, type GrpcRouteSpec } from '../../lib/traffic/grpc-route.js';
import { addObject } from '../kube-object.js';

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

export class GrpcRoute extends Construct {
  /** The rendered GRPCRoute. */
  readonly apiObject: ApiObject;
  readonly name: string;

  constructor(scope: Construct, id: string, props: GrpcRouteProps) {
    super(scope, id);
    this.name = props.name ?? id;
    this.apiObject = addObject(this, buildGrpcRoute({ ...props, name: this.name, rules: props.rules ?? [{}] }, this.node.path));
  }
}
