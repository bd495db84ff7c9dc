/**
 * What every policy construct shares: its object's name (the construct id unless given) and
 * namespace (the Chart's unless given), issues named by the construct path, and the objects attached
 * as ApiObjects with stable ids.
 */
import { Chart, type ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { IssueCollector } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import type { AuthenticationRef, AuthorizationTarget } from '../../lib/policy/authorization-policy.js';
import { buildOrThrow, type PolicyObjectMeta } from '../../lib/policy/meta.js';
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

/** Builds one object from the construct's metadata, collecting issues under the construct path. */
export type PolicyObjectBuilder = (meta: PolicyObjectMeta, at: string, issues: IssueCollector) => KubeObject;

/** A construct that writes one policy object: checked on construction, named by its construct path. */
export abstract class PolicyObject extends Construct {
  readonly name: string;
  readonly namespace: string;
  readonly apiObject: ApiObject;

  protected constructor(scope: Construct, id: string, props: PolicyObjectProps, kind: string, build: PolicyObjectBuilder) {
    super(scope, id);
    const meta = policyMeta(this, props);
    const object = buildOrThrow(kind, this.node.path, (issues) => build(meta, this.node.path, issues));
    this.name = meta.name;
    this.namespace = meta.namespace;
    [this.apiObject] = addPolicyObjects(this, [object]);
  }
}
