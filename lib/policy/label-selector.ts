/**
 * Kubernetes label selectors as Server selects pods (or ExternalWorkloads) with them: `matchLabels`
 * and `matchExpressions` are ANDed; an empty selector selects every pod in the namespace. The types
 * and rules are lib/k8s's (one copy for every layer that takes a selector).
 */
import type { LabelSelector } from '../k8s/label-selector.js';

export {
  checkLabelSelector,
  SELECTOR_OPERATORS,
  type LabelSelector,
  type LabelSelectorRequirement,
  type SelectorOperator,
} from '../k8s/label-selector.js';

/** Selects every pod of the namespace. */
export const ALL_PODS: LabelSelector = { matchLabels: {} };

export function renderLabelSelector(selector: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (selector.matchLabels !== undefined) out.matchLabels = { ...selector.matchLabels };
  if (selector.matchExpressions?.length) {
    out.matchExpressions = selector.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, ...(r.values?.length ? { values: [...r.values] } : {}) }));
  }
  // An empty selector selects everything; upstream spells it `matchLabels: {}`.
  return Object.keys(out).length ? out : { matchLabels: {} };
}
