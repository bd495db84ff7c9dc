/** `metav1.LabelSelector` as policy.linkerd.io CRDs declare it (matchLabels kept free-form). */
import { arr, enumStr, exactlyOneOf, freeForm, obj, str, type Schema } from './primitives.js';

/** Operators a `matchExpressions` entry accepts. */
export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

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
