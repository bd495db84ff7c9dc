/** `AuthorizationPolicy`: which authentications a Server, route or the namespace requires. */
import type { Construct } from 'constructs';
import { buildAuthorizationPolicy, type AuthenticationRef, type AuthorizationTarget } from '../../lib/policy/authorization-policy.js';
import { isTargetSource, PolicyObject, type AuthenticationSource, type AuthorizationTargetSource, type PolicyObjectProps } from './policy-object.js';

export interface AuthorizationPolicyProps extends PolicyObjectProps {
  /** A Server (construct or `{ kind: 'Server', name }`), an HTTPRoute/GRPCRoute on a Server, or `{ kind: 'Namespace' }`. */
  readonly target: AuthorizationTarget | AuthorizationTargetSource;
  /**
   * What clients must present, all together: authentication constructs or refs (at most one
   * MeshTLSAuthentication or ServiceAccount, at most one NetworkAuthentication).
   */
  readonly requiredAuthenticationRefs: readonly (AuthenticationRef | AuthenticationSource)[];
  /**
   * `true` to allow an empty `requiredAuthenticationRefs`, which authorizes every client from every network.
   * @default false
   */
  readonly allowUnauthenticated?: boolean;
}

const refOf = (r: AuthenticationRef | AuthenticationSource): AuthenticationRef => ('authenticationRef' in r ? r.authenticationRef : r);

export class AuthorizationPolicy extends PolicyObject {
  constructor(scope: Construct, id: string, props: AuthorizationPolicyProps) {
    super(scope, id, props, 'AuthorizationPolicy', (meta, at, issues) =>
      buildAuthorizationPolicy(
        {
          ...meta,
          target: isTargetSource(props.target) ? props.target.authorizationTarget : props.target,
          requiredAuthenticationRefs: (props.requiredAuthenticationRefs ?? []).map(refOf),
          allowUnauthenticated: props.allowUnauthenticated,
        },
        at,
        issues,
      ),
    );
  }
}
