/**
 * `HttpRoute`: an HTTP route on a Service (Gateway API HTTPRoute, or policy.linkerd.io with
 * `api: 'linkerd'`). Every prop is checked when the construct is created; problems are reported
 * together, each under the construct path and field (`emojivoto/web-route.rules[1].backends[0].weight`).
 */
import type { Construct } from 'constructs';
import { buildHttpRoute, type HttpRouteSpec } from '../../lib/traffic/http-route.js';
import { RouteConstruct } from './route-construct.js';

export interface HttpRouteProps extends Omit<HttpRouteSpec, 'name'> {
  /**
   * The HTTPRoute's name.
   * @default - the construct id
   */
  readonly name?: string;
}

export class HttpRoute extends RouteConstruct {
  constructor(scope: Construct, id: string, props: HttpRouteProps) {
    super(scope, id, props.name, (name, path) => buildHttpRoute({ ...props, name }, path));
  }
}
