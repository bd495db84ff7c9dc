/** `ServerRoute`: an inbound HTTPRoute on a Server, the target of route-level authorization (see lib/policy/server-route.ts). */
import type { Construct } from 'constructs';
import type { HttpRouteTarget } from '../../lib/policy/authorization-policy.js';
import { buildServerRoute, serverRouteTarget, type ServerRouteSpec } from '../../lib/policy/server-route.js';
import { PolicyObject, type AuthorizationTargetSource, type PolicyObjectProps } from './policy-object.js';
import type { Server } from './server.js';

export interface ServerRouteProps extends PolicyObjectProps, Omit<ServerRouteSpec, 'server'> {
  /** The Server the route attaches to (construct, or its name in the route's namespace). */
  readonly server: Server | string;
}

export class ServerRoute extends PolicyObject implements AuthorizationTargetSource {
  private readonly group: ServerRouteSpec['group'];

  constructor(scope: Construct, id: string, props: ServerRouteProps) {
    const server = typeof props.server === 'string' ? props.server : props.server.name;
    super(scope, id, props, 'HTTPRoute', (meta, at, issues) => buildServerRoute({ ...props, ...meta, server }, at, issues));
    this.group = props.group;
  }

  get authorizationTarget(): HttpRouteTarget {
    return serverRouteTarget({ name: this.name, group: this.group });
  }
}
