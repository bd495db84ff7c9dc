/** `ServerRoute`: an inbound HTTPRoute on a Server, the target of route-level authorization (see lib/policy/server-route.ts). */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { HttpRouteTarget } from '../../lib/policy/authorization-policy.js';
import { buildOrThrow } from '../../lib/policy/meta.js';
import { buildServerRoute, serverRouteTarget, type ServerRouteSpec } from '../../lib/policy/server-route.js';
import { addPolicyObjects, policyMeta, type AuthorizationTargetSource, type PolicyObjectProps } from './policy-object.js';
import type { Server } from './server.js';

export interface ServerRouteProps extends PolicyObjectProps, Omit<ServerRouteSpec, 'server'> {
  /** The Server the route attaches to (construct, or its name in the route's namespace). */
  readonly server: Server | string;
}

export class ServerRoute extends Construct implements AuthorizationTargetSource {
  readonly name: string;
  readonly apiObject: ApiObject;
  private readonly group: ServerRouteSpec['group'];

  constructor(scope: Construct, id: string, props: ServerRouteProps) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const server = typeof props.server === 'string' ? props.server : props.server.name;
    const object = buildOrThrow('HTTPRoute', this.node.path, (issues) => buildServerRoute({ ...props, ...meta, server }, this.node.path, issues));
    this.name = meta.name;
    this.group = props.group;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }

  get authorizationTarget(): HttpRouteTarget {
    return serverRouteTarget({ name: this.name, group: this.group });
  }
}
