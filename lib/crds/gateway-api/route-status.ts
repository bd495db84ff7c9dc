/** `RouteStatus`: per-parent conditions written by the controllers that reconcile a route. */
import { parentReference } from './parent-refs.js';
import { integer, list, object, string, type Schema } from './primitives.js';

/** `metav1.Condition`, as controller-gen renders it. */
function condition(): Schema {
  return object(
    {
      lastTransitionTime: string({ format: 'date-time' }),
      message: string({ maxLength: 32768 }),
      observedGeneration: integer({ format: 'int64', minimum: 0 }),
      reason: string({ maxLength: 1024, minLength: 1, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' }),
      status: string({ enum: ['True', 'False', 'Unknown'] }),
      type: string({
        maxLength: 316,
        pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
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
        pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$",
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
