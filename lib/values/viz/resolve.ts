/**
 * Resolution of the viz values: defaults ⊕ (HA overlay) ⊕ user values, the CLI's render-time
 * substitution of the version placeholder, then validation.
 */
import { MeshformError } from '../../errors.js';
import { substituteVersion } from '../../versions.js';
import { mergeValues, type ValueTree } from '../tree.js';
import type { UnknownValuesOptions } from '../unknown-keys.js';
import { vizDefaults } from './defaults.js';
import { vizHaOverlay } from './ha.js';
import type { VizValues } from './types.js';
import { validateVizValues } from './validate.js';

export interface ResolveVizValuesInput extends UnknownValuesOptions {
  /** The user's values (files merged and `--set` applied, as `userValues()` builds them). @default {} */
  readonly user?: ValueTree;
  /** Apply the HA overlay before the user's values, as `--ha` does. @default false */
  readonly ha?: boolean;
}

/** Merges, substitutes and validates; throws one MeshformError listing every problem. */
export function resolveVizValues(input: ResolveVizValuesInput = {}): VizValues {
  const user = input.user ?? {};
  const base = mergeValues(vizDefaults(), input.ha ? vizHaOverlay() : {});
  const merged = mergeValues(base, user) as unknown as Record<string, unknown>;
  // The chart ships a placeholder the CLI replaces with its own release.
  if (typeof merged.linkerdVersion === 'string') merged.linkerdVersion = substituteVersion(merged.linkerdVersion);

  const values = merged as unknown as VizValues;
  const issues = validateVizValues(values, user, input);
  if (issues.length) throw new MeshformError('invalid viz values', issues);
  return values;
}
