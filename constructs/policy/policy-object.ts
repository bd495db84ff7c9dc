/**
 * What every policy construct shares: its object's name (the construct id unless given) and
 * namespace (the Chart's unless given), issues named by the construct path, and the objects attached
 * as ApiObjects with stable ids.
 */
import { Chart, type ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { KubeObject } from '../../lib/manifest.js';
import type { AuthenticationRef, AuthorizationTarget } from '../../lib/policy/authorization-policy.js';
import type { PolicyObjectMeta } from '../../lib/policy/meta.js';
import { addObject } from '../kube-object.js';

export interface PolicyObjectProps {
  /** The object's name. @default - the construct id */
  readonly name?: string;
  /** The object's namespace. @default - the namespace of the enclosing Chart */
  readonly namespace?: string;
  /** Extra labels. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** Extra annotations. @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Something an AuthorizationPolicy can target (a Server construct, a route construct...). */
export interface AuthorizationTargetSource {
  readonly authorizationTarget: AuthorizationTarget;
}

/** Something an AuthorizationPolicy can require (a MeshTLSAuthentication or NetworkAuthentication construct). */
export interface AuthenticationSource {
  readonly authenticationRef: AuthenticationRef;
}

/** The namespace `scope` puts its objects in: `namespace`, else its Chart's ('' when neither says). */
export function scopeNamespace(scope: Construct, namespace: string | undefined): string {
  return namespace ?? Chart.of(scope).namespace ?? '';
}

/** Name and namespace of the object a construct writes. */
export function policyMeta(scope: Construct, props: PolicyObjectProps): PolicyObjectMeta {
  return {
    name: props.name ?? scope.node.id,
    namespace: scopeNamespace(scope, props.namespace),
    labels: props.labels,
    annotations: props.annotations,
  };
}

export function addPolicyObjects(scope: Construct, objects: readonly KubeObject[]): ApiObject[] {
  return objects.map((o) => addObject(scope, o));
}

export const isTargetSource = (t: unknown): t is AuthorizationTargetSource =>
  typeof t === 'object' && t !== null && typeof (t as AuthorizationTargetSource).authorizationTarget === 'object';
