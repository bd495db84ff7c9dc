/** `HTTPRouteTimeouts`: whole-request and per-backend-attempt timeouts. */
import { duration } from './fields.js';
import { object, rule, type Schema } from './primitives.js';

export function httpRouteTimeouts(): Schema {
  return object(
    { backendRequest: duration(), request: duration() },
    {
      // A zero request timeout means "no timeout", so it does not bound the backend timeout.
      rules: [
        rule(
          'backendRequest timeout cannot be longer than request timeout',
          "!(has(self.request) && has(self.backendRequest) && duration(self.request) != duration('0s') && duration(self.backendRequest) > duration(self.request))",
        ),
      ],
    },
  );
}
