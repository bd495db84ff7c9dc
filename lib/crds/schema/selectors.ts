/** `metav1.LabelSelector` as policy.linkerd.io CRDs declare it (matchLabels kept free-form). */
import { SELECTOR_OPERATORS } from '../../k8s/label-selector.js';
import { arr, enumStr, exactlyOneOf, freeForm, obj, str, type Schema } from './primitives.js';

/** Options of {@link labelSelector}. */
export interface LabelSelectorOptions {
  /**
   * Require exactly one of `matchExpressions` / `matchLabels` (Server v1alpha1 did; later versions
   * accept both or neither).
   * @default false
   */
  readonly exactlyOne?: boolean;
}

export function labelSelector(options: LabelSelectorOptions = {}): Schema {
  return obj(
    {
      matchLabels: freeForm(),
      matchExpressions: arr(
        obj({ key: str(), operator: enumStr(SELECTOR_OPERATORS), values: arr(str()) }, ['key', 'operator']),
      ),
    },
    [],
    options.exactlyOne ? { oneOf: exactlyOneOf('matchExpressions', 'matchLabels') } : {},
  );
}
