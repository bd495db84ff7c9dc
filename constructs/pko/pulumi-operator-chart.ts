/**
 * The Pulumi Kubernetes Operator v2 objects that run this repository's Pulumi program from git, as a
 * cdk8s chart: Namespace (kept out of the mesh), workspace ServiceAccount, RBAC, and the Stack that
 * refreshes and re-applies the program every `resyncFrequencySeconds` (docs/pulumi-operator.md).
 * Applied once by hand or by a GitOps engine after the operator is installed; the program then
 * installs the mesh phases itself.
 */
import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { pkoObjectsOf, resolvePulumiOperator, type PulumiOperatorProps, type ResolvedPulumiOperator } from '../../lib/pko/index.js';
import { addObjects } from '../kube-object.js';

export interface PulumiOperatorChartProps extends ChartProps {
  /** The repository, stack, backend and workspace settings. */
  readonly stack: PulumiOperatorProps;
}

export class PulumiOperatorChart extends Chart {
  /** The settings with their defaults filled in. */
  readonly settings: ResolvedPulumiOperator;

  constructor(scope: Construct, id: string, props: PulumiOperatorChartProps) {
    const { stack, ...chartProps } = props;
    // Objects carry their own namespaces (the Namespace and ClusterRoles are cluster-scoped).
    super(scope, id, { ...chartProps, namespace: undefined });
    // Errors name the construct path, e.g. `App/pko.stack.resyncFrequencySeconds`.
    this.settings = resolvePulumiOperator(stack, `${this.node.path}.stack`);
    addObjects(this, pkoObjectsOf(this.settings));
  }
}
