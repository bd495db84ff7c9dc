/** `SessionPersistence` (experimental): sticky sessions for HTTP and gRPC route rules. */
import { duration } from './fields.js';
import { object, rule, string, type Schema } from './primitives.js';

export function sessionPersistence(): Schema {
  return object(
    {
      absoluteTimeout: duration(),
      cookieConfig: object({ lifetimeType: string({ default: 'Session', enum: ['Permanent', 'Session'] }) }),
      idleTimeout: duration(),
      sessionName: string({ maxLength: 128 }),
      type: string({ default: 'Cookie', enum: ['Cookie', 'Header'] }),
    },
    {
      // A permanent cookie needs an expiry to write into it.
      rules: [
        rule(
          'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent',
          "!has(self.cookieConfig) || !has(self.cookieConfig.lifetimeType) || self.cookieConfig.lifetimeType != 'Permanent' || has(self.absoluteTimeout)",
        ),
      ],
    },
  );
}
