/** Bodies of the `requestRedirect` and `urlRewrite` filters, and the path modifier they share. */
import { portNumber, preciseHostname } from './fields.js';
import { integer, object, rule, string, type Rule, type Schema } from './primitives.js';

type PathModifierType = 'ReplaceFullPath' | 'ReplacePrefixMatch';

/** The member named after the type must be set exactly when that type is chosen. */
function pathModifierRules(): Rule[] {
  const field = (type: PathModifierType) => (type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch');
  return (['ReplaceFullPath', 'ReplacePrefixMatch'] as const).flatMap((type) => [
    rule(`${field(type)} must be specified when type is set to '${type}'`, `self.type == '${type}' ? has(self.${field(type)}) : true`),
    rule(`type must be '${type}' when ${field(type)} is set`, `has(self.${field(type)}) ? self.type == '${type}' : true`),
  ]);
}

/** `HTTPPathModifier`. */
export function pathModifier(): Schema {
  return object(
    {
      replaceFullPath: string({ maxLength: 1024 }),
      replacePrefixMatch: string({ maxLength: 1024 }),
      type: string({ enum: ['ReplaceFullPath', 'ReplacePrefixMatch'] }),
    },
    { required: ['type'], rules: pathModifierRules() },
  );
}

/** `HTTPRequestRedirectFilter`. */
export function requestRedirect(): Schema {
  return object({
    hostname: preciseHostname(),
    path: pathModifier(),
    port: portNumber(),
    scheme: string({ enum: ['http', 'https'] }),
    statusCode: integer({ default: 302, enum: [301, 302] }),
  });
}

/** `HTTPURLRewriteFilter`. */
export function urlRewrite(): Schema {
  return object({ hostname: preciseHostname(), path: pathModifier() });
}
