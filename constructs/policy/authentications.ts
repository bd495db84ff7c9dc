/**
 * `MeshTlsAuthentication` (clients by mesh identity) and `NetworkAuthentication` (clients by
 * address): what an AuthorizationPolicy requires.
 */
import type { Construct } from 'constructs';
import type { AuthenticationRef } from '../../lib/policy/authorization-policy.js';
import { identityDomainOf, type IdentityDomainSource } from '../../lib/policy/identity.js';
import { buildMeshTlsAuthentication, type MeshTlsAuthenticationSpec } from '../../lib/policy/mesh-tls-authentication.js';
import { buildNetworkAuthentication, type NetworkAuthenticationSpec } from '../../lib/policy/network-authentication.js';
import { PolicyObject, type AuthenticationSource, type PolicyObjectProps } from './policy-object.js';

export interface MeshTlsAuthenticationProps extends PolicyObjectProps, MeshTlsAuthenticationSpec, IdentityDomainSource {}

export class MeshTlsAuthentication extends PolicyObject implements AuthenticationSource {
  constructor(scope: Construct, id: string, props: MeshTlsAuthenticationProps) {
    super(scope, id, props, 'MeshTLSAuthentication', (meta, at, issues) =>
      buildMeshTlsAuthentication({ ...props, ...meta, identityDomain: identityDomainOf(props, at, issues) }, at, issues),
    );
  }

  get authenticationRef(): AuthenticationRef {
    return { kind: 'MeshTLSAuthentication', name: this.name };
  }
}

export interface NetworkAuthenticationProps extends PolicyObjectProps, NetworkAuthenticationSpec {}

export class NetworkAuthentication extends PolicyObject implements AuthenticationSource {
  constructor(scope: Construct, id: string, props: NetworkAuthenticationProps) {
    super(scope, id, props, 'NetworkAuthentication', (meta, at, issues) => buildNetworkAuthentication({ ...props, ...meta }, at, issues));
  }

  get authenticationRef(): AuthenticationRef {
    return { kind: 'NetworkAuthentication', name: this.name };
  }
}
