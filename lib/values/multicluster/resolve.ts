/**
 * Multicluster values as the chart sees them: upstream defaults ⊕ HA overlay ⊕ the user's values
 * (Helm semantics), with the version placeholder substituted and each `controllers[]` entry merged
 * over `controllerDefaults`; unknown keys and bad values fail once with every issue.
 */
import { IssueCollector, type ValidationIssue } from '../../errors.js';
import { LINKERD_VERSION, VERSION_PLACEHOLDER } from '../../versions.js';
import { checkShapes } from '../shape.js';
import { getPath, isTree, mergeValues, type ValueTree } from '../tree.js';
import { findUnknownKeys, refusedUnknownKeys, type UnknownValuesOptions } from '../unknown-keys.js';
import { CONTROLLER_FREE_FORM_KEYS, MULTICLUSTER_EXTRA_KEYS, MULTICLUSTER_FREE_FORM_KEYS, multiclusterDefaults } from './defaults.js';
import { multiclusterHaOverlay } from './ha.js';
import type { ControllerSettingsValues, MulticlusterValues, ResolvedControllerValues } from './types.js';
import { validateMulticlusterValues } from './validate.js';

export interface ResolveMulticlusterValuesOptions extends UnknownValuesOptions {
  /** The user's values (merged `-f` files and `--set` expressions). @default {} */
  readonly user?: ValueTree;
  /** Overlay upstream's values-ha.yaml. @default false */
  readonly ha?: boolean;
}

const userGave = (user: ValueTree, path: string): boolean => getPath(user, path) !== undefined && getPath(user, path) !== null;

/**
 * The placeholder becomes the release only when it came from the defaults: a user who passes the
 * literal `linkerdVersionValue` (as upstream's golden tests do) keeps it.
 */
function withVersions(values: MulticlusterValues, user: ValueTree): MulticlusterValues {
  const linkerdVersion = userGave(user, 'linkerdVersion') ? values.linkerdVersion : LINKERD_VERSION;
  const imageVersion = (path: string, current: string): string =>
    userGave(user, path) ? current : current === VERSION_PLACEHOLDER || current === '' ? linkerdVersion : current;
  const lsm = values.localServiceMirror;
  const defaults = values.controllerDefaults;
  return {
    ...values,
    linkerdVersion,
    localServiceMirror: { ...lsm, image: { ...lsm.image, version: imageVersion('localServiceMirror.image.version', lsm.image.version) } },
    controllerDefaults: { ...defaults, image: { ...defaults.image, version: imageVersion('controllerDefaults.image.version', defaults.image.version) } },
  };
}

/** Each entry over `controllerDefaults`, key by key (upstream merges the entry onto a copy of the defaults). */
function mergeControllers(values: MulticlusterValues): MulticlusterValues {
  if (!Array.isArray(values.controllers)) return values;
  const controllers = values.controllers.map(
    (entry) => (isTree(entry) ? mergeValues(values.controllerDefaults as ControllerSettingsValues, entry) : entry) as ResolvedControllerValues,
  );
  return { ...values, controllers };
}

function controllerUnknownKeys(user: ValueTree): ValidationIssue[] {
  const entries = user.controllers;
  if (!Array.isArray(entries)) return [];
  const known = { ...multiclusterDefaults().controllerDefaults, link: { ref: { name: '' } } } as unknown as ValueTree;
  return entries.flatMap((entry, i) =>
    isTree(entry)
      ? findUnknownKeys(entry, { defaults: known, freeForm: CONTROLLER_FREE_FORM_KEYS }).map((issue) => ({
          ...issue,
          path: `controllers[${i}].${issue.path}`,
        }))
      : [],
  );
}

/** Drops issues on a merged controller entry that only repeat an issue of `controllerDefaults`. */
function ownControllerIssue(issue: ValidationIssue, user: ValueTree): boolean {
  const m = /^controllers\[(\d+)\]\.(.+)$/.exec(issue.path);
  if (!m || m[2] === 'link.ref.name') return true;
  const entry = Array.isArray(user.controllers) ? user.controllers[Number(m[1])] : undefined;
  const key = m[2].split('.')[0].split('[')[0];
  return isTree(entry) && entry[key] !== undefined;
}

export function resolveMulticlusterValues(options: ResolveMulticlusterValuesOptions = {}): MulticlusterValues {
  const user = options.user ?? {};
  const defaults = multiclusterDefaults();
  const issues = new IssueCollector();
  const unknown = findUnknownKeys(user, {
    defaults: defaults as unknown as ValueTree,
    extra: MULTICLUSTER_EXTRA_KEYS,
    freeForm: MULTICLUSTER_FREE_FORM_KEYS,
  });
  issues.addAll(refusedUnknownKeys([...unknown, ...controllerUnknownKeys(user)], options));
  const shapes = checkShapes(user, defaults as unknown as ValueTree, {
    skip: new Set(MULTICLUSTER_EXTRA_KEYS),
    freeForm: new Set(MULTICLUSTER_FREE_FORM_KEYS),
  });
  issues.addAll(shapes);
  // The version and controller merges below read the tree's shape: stop here if it is wrong.
  if (shapes.length) issues.throwIfAny('invalid multicluster values');
  let values = mergeValues(defaults, options.ha ? multiclusterHaOverlay() : undefined);
  values = mergeValues(values, user);
  values = mergeControllers(withVersions(values, user));
  issues.addAll(validateMulticlusterValues(values).filter((issue) => ownControllerIssue(issue, user)));
  issues.throwIfAny('invalid multicluster values');
  return values;
}
