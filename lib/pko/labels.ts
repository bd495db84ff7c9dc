/** The labels every object meshform renders for the Pulumi Kubernetes Operator carries. */
import type { ResolvedPulumiOperator } from './props.js';

export const PKO_PART_OF = 'meshform';
export const PKO_COMPONENT = 'pulumi-operator-stack';

export function pkoLabels(r: ResolvedPulumiOperator): Record<string, string> {
  return { 'app.kubernetes.io/part-of': PKO_PART_OF, 'app.kubernetes.io/component': PKO_COMPONENT, 'app.kubernetes.io/instance': r.name };
}
