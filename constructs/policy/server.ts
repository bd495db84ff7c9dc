/** `Server`: a port on selected pods that inbound policy applies to (see lib/policy/server.ts). */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildOrThrow } from '../../lib/policy/meta.js';
import type { ServerTarget } from '../../lib/policy/authorization-policy.js';
import { buildServer, type ServerSpec } from '../../lib/policy/server.js';
import { addPolicyObjects, policyMeta, type AuthorizationTargetSource, type PolicyObjectProps } from './policy-object.js';

export interface ServerProps extends PolicyObjectProps, ServerSpec {}

export class Server extends Construct implements AuthorizationTargetSource {
  readonly name: string;
  readonly namespace: string;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: ServerProps) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const object = buildOrThrow('Server', this.node.path, (issues) => buildServer({ ...props, ...meta }, this.node.path, issues));
    this.name = meta.name;
    this.namespace = meta.namespace;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }

  get authorizationTarget(): ServerTarget {
    return { kind: 'Server', name: this.name };
  }
}
