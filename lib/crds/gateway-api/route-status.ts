/** `RouteStatus`: per-parent conditions written by the controllers that reconcile a route. */
import { CONDITION_REASON, CONDITION_TYPE, CONTROLLER_NAME } from '../schema/patterns.js';
import { parentReference } from './parent-refs.js';
import { integer, list, object, string, type Schema } from './primitives.js';

/** `metav1.Condition`, as controller-gen renders it. */
function condition(): Schema {
  return object(
    {
      lastTransitionTime: string({ format: 'date-time' }),
      message: string({ maxLength: 32768 }),
      observedGeneration: integer({ format: 'int64', minimum: 0 }),
      reason: string({ maxLength: 1024, minLength: 1, pattern: CONDITION_REASON }),
      status: string({ enum: ['True', 'False', 'Unknown'] }),
      type: string({
        maxLength: 316,
        pattern: CONDITION_TYPE,
      }),
    },
    { required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'] },
  );
}

/** `RouteParentStatus`: one parent, the controller speaking for it, and its conditions. */
function parentStatus(): Schema {
  return object(
    {
      conditions: list(condition(), { listType: 'map', mapKeys: ['type'], maxItems: 8, minItems: 1 }),
      controllerName: string({
        maxLength: 253,
        minLength: 1,
        // A domain-prefixed path, e.g. `linkerd.io/policy-controller`.
        pattern: CONTROLLER_NAME,
      }),
      parentRef: parentReference(),
    },
    { required: ['controllerName', 'parentRef'] },
  );
}

/** The `status` schema of every route kind. */
export function routeStatus(): Schema {
  return object({ parents: list(parentStatus(), { maxItems: 32 }) }, { required: ['parents'] });
}
