/**
 * CNI values as the chart sees them: upstream defaults ⊕ the user's values (files then `--set`, Helm
 * semantics), checked for unknown keys and bad values, failing once with every issue.
 */
import { IssueCollector } from '../../errors.js';
import { checkShapes } from '../shape.js';
import { mergeValues, type ValueTree } from '../tree.js';
import { findUnknownKeys, refusedUnknownKeys, type UnknownValuesOptions } from '../unknown-keys.js';
import { CNI_EXTRA_KEYS, CNI_FREE_FORM_KEYS, cniDefaults } from './defaults.js';
import type { CniValues } from './types.js';
import { validateCniValues } from './validate.js';

export interface ResolveCniValuesOptions extends UnknownValuesOptions {
  /** The user's values (merged `-f` files and `--set` expressions). @default {} */
  readonly user?: ValueTree;
}

export function resolveCniValues(options: ResolveCniValuesOptions = {}): CniValues {
  const user = options.user ?? {};
  const defaults = cniDefaults();
  const issues = new IssueCollector();
  issues.addAll(
    refusedUnknownKeys(
      findUnknownKeys(user, {
        defaults: defaults as unknown as ValueTree,
        extra: CNI_EXTRA_KEYS,
        freeForm: CNI_FREE_FORM_KEYS,
      }),
      options,
    ),
  );
  issues.addAll(checkShapes(user, defaults as unknown as ValueTree, { skip: new Set(CNI_EXTRA_KEYS), freeForm: new Set(CNI_FREE_FORM_KEYS) }));
  const values = mergeValues(defaults, user);
  issues.addAll(validateCniValues(values));
  issues.throwIfAny('invalid CNI values');
  return values;
}
