/**
 * `MeshTlsAuthentication` (clients by mesh identity) and `NetworkAuthentication` (clients by
 * address): what an AuthorizationPolicy requires.
 */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { AuthenticationRef } from '../../lib/policy/authorization-policy.js';
import { IssueCollector } from '../../lib/errors.js';
import { identityDomainOf, type IdentityDomainSource } from '../../lib/policy/identity.js';
import { buildOrThrow } from '../../lib/policy/meta.js';
import { buildMeshTlsAuthentication, type MeshTlsAuthenticationSpec } from '../../lib/policy/mesh-tls-authentication.js';
import { buildNetworkAuthentication, type NetworkAuthenticationSpec } from '../../lib/policy/network-authentication.js';
import { addPolicyObjects, policyMeta, type AuthenticationSource, type PolicyObjectProps } from './policy-object.js';

export interface MeshTlsAuthenticationProps extends PolicyObjectProps, MeshTlsAuthenticationSpec, IdentityDomainSource {}

export class MeshTlsAuthentication extends Construct implements AuthenticationSource {
  readonly name: string;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: MeshTlsAuthenticationProps) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const at = this.node.path;
    const object = buildOrThrow('MeshTLSAuthentication', at, (issues: IssueCollector) =>
      buildMeshTlsAuthentication({ ...props, ...meta, identityDomain: identityDomainOf(props, at, issues) }, at, issues),
    );
    this.name = meta.name;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }

  get authenticationRef(): AuthenticationRef {
    return { kind: 'MeshTLSAuthentication', name: this.name };
  }
}

export interface NetworkAuthenticationProps extends PolicyObjectProps, NetworkAuthenticationSpec {}

export class NetworkAuthentication extends Construct implements AuthenticationSource {
  readonly name: string;
  readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: NetworkAuthenticationProps) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const object = buildOrThrow('NetworkAuthentication', this.node.path, (issues) => buildNetworkAuthentication({ ...props, ...meta }, this.node.path, issues));
    this.name = meta.name;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }

  get authenticationRef(): AuthenticationRef {
    return { kind: 'NetworkAuthentication', name: this.name };
  }
}
