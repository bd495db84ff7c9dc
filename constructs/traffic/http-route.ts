/**
 * `HttpRoute`: an HTTP route on a Service (Gateway API HTTPRoute, or policy.linkerd.io with
 * `api: 'linkerd'`). Every prop is checked when the construct is created; problems are reported
 * together, each under the construct path and field (`emojivoto/web-route.rules[1].backends[0].weight`).
 */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildHttpRoute, type HttpRouteSpec } from '../../lib/traffic/http-route.js';
import { addObject } from '../kube-object.js';

export interface HttpRouteProps extends Omit<HttpRouteSpec, 'name'> {
  /**
   * The HTTPRoute's name.
   * @default - the construct id
   */
  readonly name?: string;
}

export class HttpRoute extends Construct {
  /** The rendered HTTPRoute. */
  readonly apiObject: ApiObject;
  readonly name: string;

  constructor(scope: Construct, id: string, props: HttpRouteProps) {
    super(scope, id);
    this.name = props.name ?? id;
    this.apiObject = addObject(this, buildHttpRoute({ ...props, name: this.name }, this.node.path));
  }
}
