/** What every cross-object check reads: the indexed set, its pod templates, the mesh and the sink. */
import type { IssueCollector } from '../errors.js';
import type { IdentityDomain } from './identity.js';
import { fieldPath, type IndexedObject, type ObjectIndex, type ObjectKey } from './objects.js';
import type { PodTemplate } from './workloads.js';

export interface CheckContext {
  readonly index: ObjectIndex;
  readonly templates: readonly PodTemplate[];
  readonly mesh: IdentityDomain;
  readonly issues: IssueCollector;
}

/** `Kind namespace/name` as messages spell a reference. */
export function describeKey(key: ObjectKey): string {
  const kind = key.group && key.group !== 'policy.linkerd.io' && key.group !== 'gateway.networking.k8s.io' ? `${key.kind}.${key.group}` : key.kind;
  return key.namespace ? `${kind} ${key.namespace}/${key.name}` : `${kind} ${key.name}`;
}

/**
 * Records an issue when `key` names nothing in the set and nothing declared external; returns the
 * object when it is in the set.
 */
export function resolveRef(ctx: CheckContext, entry: IndexedObject, path: ReadonlyArray<string | number>, key: ObjectKey, value: unknown): IndexedObject | undefined {
  const found = ctx.index.get(key);
  if (!found && !ctx.index.isExternal(key)) {
    ctx.issues.add(fieldPath(entry, ...path), value, `names ${describeKey(key)}, which is not in the app: add it, or declare it external (externals option)`);
  }
  return found;
}
