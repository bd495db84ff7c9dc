/**
 * Resolution of the control-plane values: defaults ⊕ (HA overlay) ⊕ user values, the CLI's
 * render-time substitutions, then validation.
 */
import { createHash } from 'node:crypto';
import { MeshformError } from '../../errors.js';
import { LINKERD_VERSION, substituteVersion } from '../../versions.js';
import { mergeValues, type ValueTree } from '../tree.js';
import type { UnknownValuesOptions } from '../unknown-keys.js';
import { meshDefaults } from './defaults.js';
import { MESH_HA_OVERLAY } from './ha.js';
import type { MeshValues } from './types.js';
import { validateMeshValues } from './validate.js';

export interface ResolveMeshValuesInput extends UnknownValuesOptions {
  /** The user's values (files merged and `--set` applied, as `userValues()` builds them). @default {} */
  readonly user?: ValueTree;
  /** Apply the HA overlay before the user's values, as `--ha` does. @default false */
  readonly ha?: boolean;
  /**
   * Resolve for the CRD phase only (`install --crds`): the identity material the control plane
   * requires is not checked, as upstream's CRD chart does not read it.
   * @default false
   */
  readonly crdsOnly?: boolean;
}

/** The `linkerd.io/created-by` style value a CLI render records. */
export const DEFAULT_CLI_VERSION = `linkerd/cli ${LINKERD_VERSION}`;

/**
 * A stable heartbeat schedule. Upstream's CLI picks "install time + 5 minutes", which would make every
 * render differ; we need identical output for identical input, and spreading clusters' heartbeats
 * across the day is all the schedule is for. Hashing the trust anchors gives each cluster (each trust
 * root) its own fixed minute and hour.
 */
export function deterministicHeartbeatSchedule(trustAnchorsPem: string): string {
  const digest = createHash('sha256').update(trustAnchorsPem).digest();
  const minute = digest.readUInt16BE(0) % 60;
  const hour = digest.readUInt16BE(2) % 24;
  return `${minute} ${hour} * * *`;
}

/** Merges, substitutes and validates; throws one MeshformError listing every problem. */
export function resolveMeshValues(input: ResolveMeshValuesInput = {}): MeshValues {
  const user = input.user ?? {};
  const base = mergeValues(meshDefaults(), input.ha ? (MESH_HA_OVERLAY as ValueTree) : {});
  const merged = mergeValues(base, user) as unknown as Record<string, unknown>;

  if (typeof merged.linkerdVersion === 'string') merged.linkerdVersion = substituteVersion(merged.linkerdVersion);
  // Only a key the user never mentioned gets the CLI's value: an explicit '' marks a Helm-style render.
  if (!Object.prototype.hasOwnProperty.call(user, 'cliVersion')) merged.cliVersion = DEFAULT_CLI_VERSION;
  if (merged.heartbeatSchedule === undefined || merged.heartbeatSchedule === null || merged.heartbeatSchedule === '') {
    const anchors = typeof merged.identityTrustAnchorsPEM === 'string' ? merged.identityTrustAnchorsPEM : '';
    merged.heartbeatSchedule = deterministicHeartbeatSchedule(anchors);
  }

  const values = merged as unknown as MeshValues;
  const issues = validateMeshValues(values, user, { identity: !input.crdsOnly, allowUnknownValues: input.allowUnknownValues, warn: input.warn });
  if (issues.length) throw new MeshformError('invalid values', issues);
  return values;
}
