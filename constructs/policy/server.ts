/** `Server`: a port on selected pods that inbound policy applies to (see lib/policy/server.ts). */
import type { Construct } from 'constructs';
import type { ServerTarget } from '../../lib/policy/authorization-policy.js';
import { buildServer, type ServerSpec } from '../../lib/policy/server.js';
import { PolicyObject, type AuthorizationTargetSource, type PolicyObjectProps } from './policy-object.js';

export interface ServerProps extends PolicyObjectProps, ServerSpec {}

export class Server extends PolicyObject implements AuthorizationTargetSource {
  constructor(scope: Construct, id: string, props: ServerProps) {
    super(scope, id, props, 'Server', (meta, at, issues) => buildServer({ ...props, ...meta }, at, issues));
  }

  get authorizationTarget(): ServerTarget {
    return { kind: 'Server', name: this.name };
  }
}
