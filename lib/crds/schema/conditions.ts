/** Status conditions (`metav1.Condition` and Linkerd's own slightly looser variants). */
import { CONDITION_REASON, CONDITION_TYPE } from './patterns.js';
import { arr, dateTime, enumStr, int64, obj, str, type Properties, type Schema } from './primitives.js';

/** Fields every condition schema shares. */
function conditionFields(): Properties {
  return {
    lastTransitionTime: dateTime(),
    status: enumStr(['True', 'False', 'Unknown']),
    type: str({ maxLength: 316, pattern: CONDITION_TYPE }),
    reason: str({ maxLength: 1024, minLength: 1, pattern: CONDITION_REASON }),
    message: str({ maxLength: 32768 }),
  };
}

/** The upstream `metav1.Condition` schema: all of its fields required except `observedGeneration`. */
export function metaCondition(): Schema {
  return obj(
    { ...conditionFields(), observedGeneration: int64({ minimum: 0 }) },
    ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
  );
}

/** Options of {@link linkerdCondition}. */
export interface LinkerdConditionOptions {
  /**
   * Include `lastProbeTime` (ExternalWorkload's conditions have it).
   * @default false
   */
  readonly lastProbeTime?: boolean;
}

/**
 * The `conditions` list Linkerd's own status-bearing CRDs (EgressNetwork, HTTPLocalRateLimitPolicy,
 * ExternalWorkload) declare: no `observedGeneration`, and `status`/`type` listed as required on the
 * array rather than on its items (an upstream slip that makes them unenforced; kept for parity).
 */
export function linkerdConditions(options: LinkerdConditionOptions = {}): Schema {
  const fields = { ...(options.lastProbeTime ? { lastProbeTime: dateTime() } : {}), ...conditionFields() };
  return arr(obj(fields), { required: ['status', 'type'] });
}
