/**
 * `EgressNetwork` (one object) and `EgressPolicy` (an EgressNetwork, deny by default, with one route
 * per allowed destination: "only api.github.com:443 out of this namespace" in one construct).
 */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildEgressNetwork, type EgressNetworkSpec } from '../../lib/policy/egress-network.js';
import { buildEgressPolicy, DEFAULT_EGRESS_NETWORK_NAME, type EgressPolicySpec } from '../../lib/policy/egress-policy.js';
import { buildOrThrow } from '../../lib/policy/meta.js';
import { addPolicyObjects, PolicyObject, scopeNamespace, type PolicyObjectProps } from './policy-object.js';

export interface EgressNetworkProps extends PolicyObjectProps, EgressNetworkSpec {}

export class EgressNetwork extends PolicyObject {
  constructor(scope: Construct, id: string, props: EgressNetworkProps) {
    super(scope, id, props, 'EgressNetwork', (meta, at, issues) => buildEgressNetwork({ ...props, ...meta }, at, issues));
  }
}

export interface EgressPolicyProps extends Omit<EgressPolicySpec, 'namespace'> {
  /** The namespace whose clients it applies to. @default - the namespace of the enclosing Chart */
  readonly namespace?: string;
}

export class EgressPolicy extends Construct {
  /** The EgressNetwork's name. */
  readonly name: string;
  readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: EgressPolicyProps) {
    super(scope, id);
    const spec = { ...props, namespace: scopeNamespace(this, props.namespace) };
    const objects = buildOrThrow('EgressPolicy', this.node.path, (issues) => buildEgressPolicy(spec, this.node.path, issues));
    this.name = props.name ?? DEFAULT_EGRESS_NETWORK_NAME;
    this.apiObjects = addPolicyObjects(this, objects);
  }
}
