/** `HttpLocalRateLimitPolicy`: requests-per-second limits on a Server (see lib/policy/rate-limit.ts). */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildOrThrow } from '../../lib/policy/meta.js';
import { buildRateLimit, type RateLimitSpec } from '../../lib/policy/rate-limit.js';
import { addPolicyObjects, policyMeta, type PolicyObjectProps } from './policy-object.js';
import type { Server } from './server.js';

export interface HttpLocalRateLimitPolicyProps extends PolicyObjectProps, Omit<RateLimitSpec, 'server'> {
  /** The Server limited (construct, or its name in the policy's namespace). */
  readonly server: Server | string;
}

export class HttpLocalRateLimitPolicy extends Construct {
  readonly name: string;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: HttpLocalRateLimitPolicyProps) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const server = typeof props.server === 'string' ? props.server : props.server.name;
    const object = buildOrThrow('HTTPLocalRateLimitPolicy', this.node.path, (issues) => buildRateLimit({ ...props, ...meta, server }, this.node.path, issues));
    this.name = meta.name;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }
}
