/** `HttpLocalRateLimitPolicy`: requests-per-second limits on a Server (see lib/policy/rate-limit.ts). */
import type { Construct } from 'constructs';
import { buildRateLimit, type RateLimitSpec } from '../../lib/policy/rate-limit.js';
import { PolicyObject, type PolicyObjectProps } from './policy-object.js';
import type { Server } from './server.js';

export interface HttpLocalRateLimitPolicyProps extends PolicyObjectProps, Omit<RateLimitSpec, 'server'> {
  /** The Server limited (construct, or its name in the policy's namespace). */
  readonly server: Server | string;
}

export class HttpLocalRateLimitPolicy extends PolicyObject {
  constructor(scope: Construct, id: string, props: HttpLocalRateLimitPolicyProps) {
    const server = typeof props.server === 'string' ? props.server : props.server.name;
    super(scope, id, props, 'HTTPLocalRateLimitPolicy', (meta, at, issues) => buildRateLimit({ ...props, ...meta, server }, at, issues));
  }
}
