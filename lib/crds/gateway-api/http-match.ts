/** `HTTPRouteMatch`: path, headers, query parameters and method. */
import { celRaw, headerMatches, nameValueMatches } from './matches.js';
import { list, object, rule, string, type JsonValue, type Rule, type Schema } from './primitives.js';

/** What an unmatched rule matches: every path. */
export const DEFAULT_PATH_MATCH: JsonValue = { type: 'PathPrefix', value: '/' };

/** RFC 3986 path characters, or percent-encoded octets. */
const PATH_CHARACTERS = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";

/** Exact and prefix paths must be normalized absolute paths; regexes are left to the implementation. */
function pathRules(): Rule[] {
  const when = "when type one of ['Exact', 'PathPrefix']";
  const literal = (check: string) => `(self.type in ['Exact','PathPrefix']) ? ${check} : true`;
  const notContaining = ['//', '/./', '/../', '%2f', '%2F', '#'].map((s) =>
    rule(`must not contain '${s}' ${when}`, literal(`!self.value.contains('${s}')`)),
  );
  const notEnding = ['/..', '/.'].map((s) => rule(`must not end with '${s}' ${when}`, literal(`!self.value.endsWith('${s}')`)));
  return [
    rule(`value must be an absolute path and start with '/' ${when}`, literal("self.value.startsWith('/')")),
    ...notContaining,
    ...notEnding,
    rule(
      "type must be one of ['Exact', 'PathPrefix', 'RegularExpression']",
      "self.type in ['Exact','PathPrefix'] || self.type == 'RegularExpression'",
    ),
    rule(
      `must only contain valid characters (matching ${PATH_CHARACTERS}) for types ['Exact', 'PathPrefix']`,
      literal(`self.value.matches(${celRaw(PATH_CHARACTERS)})`),
    ),
  ];
}

/** `HTTPPathMatch`. */
function pathMatch(): Schema {
  return object(
    {
      type: string({ default: 'PathPrefix', enum: ['Exact', 'PathPrefix', 'RegularExpression'] }),
      value: string({ default: '/', maxLength: 1024 }),
    },
    { default: DEFAULT_PATH_MATCH, rules: pathRules() },
  );
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

/** `rules[].matches` of an HTTPRoute; an empty list matches every request. */
export function httpRouteMatches(): Schema {
  const match = object({
    headers: headerMatches(),
    method: string({ enum: HTTP_METHODS }),
    path: pathMatch(),
    queryParams: nameValueMatches(1024),
  });
  return list(match, { default: [{ path: DEFAULT_PATH_MATCH }], maxItems: 8 });
}
