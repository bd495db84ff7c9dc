/**
 * The user's values recovered from a previous install's `linkerd-config` values dump, for
 * `meshform upgrade --from-manifests`.
 *
 * Upstream's upgrade starts from the chart defaults overlaid with what the install stored (its
 * `linkerd-config-overrides` Secret: the values that differ from the defaults). We store no such
 * Secret, but the dump is the whole value tree the install rendered, so the same overrides are its
 * difference from the dump of the defaults. Keeping only the difference lets a newer meshform's new
 * defaults apply on upgrade, as upstream's do, while everything the user set is carried over.
 */
import { joinPath, MeshformError } from '../../errors.js';
import { isUnsafeKey, UNSAFE_KEY_MESSAGE } from '../../unsafe-keys.js';
import { LINKERD_VERSION } from '../../versions.js';
import { isTree, mergeValues, type Value, type ValueTree } from '../tree.js';
import { configValuesDump, jsonEqual } from './config-dump.js';
import { meshDefaults } from './defaults.js';
import type { MeshValues } from './types.js';

/** What the CLI stamps into `cliVersion` (`linkerd/cli <version>`): the upgrading CLI stamps its own. */
const CLI_STAMP = /^linkerd\/cli /;
/** A release name the CLI put in `linkerdVersion` (the default follows the CLI's release). */
const RELEASE_NAME = /^(edge|stable|enterprise)-\d/;

/**
 * The values in `dump` that differ from the defaults' dump: the overrides to render an upgrade from.
 * Keys the dump lacks are left to the defaults (a newer release's new keys get their defaults; a key
 * the user deleted with `null` is not seen). The versions the old CLI stamped (`cliVersion`, and
 * `linkerdVersion` when it names a release) are dropped: an upgrade renders this release. Private
 * keys are not in a dump; they come from the install's Secrets.
 */
export function storedOverrides(dump: ValueTree): ValueTree {
  const baseline = configValuesDump(
    mergeValues(meshDefaults(), { linkerdVersion: LINKERD_VERSION }) as MeshValues,
  );
  const out = difference(dump, baseline);
  if (typeof out.cliVersion === 'string' && CLI_STAMP.test(out.cliVersion)) delete out.cliVersion;
  if (typeof out.linkerdVersion === 'string' && RELEASE_NAME.test(out.linkerdVersion)) delete out.linkerdVersion;
  return out;
}

/** The parts of `tree` not equal to `base`: maps compared key by key, lists and scalars as a whole. */
function difference(tree: ValueTree, base: ValueTree, path = ''): ValueTree {
  const out: ValueTree = {};
  for (const [key, value] of Object.entries(tree)) {
    // Assigning these would change the result's prototype instead of adding a key.
    if (isUnsafeKey(key)) throw new MeshformError('invalid stored values', [{ path: joinPath(path, key), value: undefined, message: UNSAFE_KEY_MESSAGE }]);
    const other: Value | undefined = Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined;
    if (isTree(value) && isTree(other)) {
      const sub = difference(value, other, joinPath(path, key));
      if (Object.keys(sub).length) out[key] = sub;
    } else if (!jsonEqual(value, other)) {
      out[key] = structuredClone(value);
    }
  }
  return out;
}
