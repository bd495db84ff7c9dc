/**
 * Route filter lists (`rules[].filters`, `rules[].backendRefs[].filters`) for HTTP and gRPC routes:
 * a discriminated union on `type`, with one optional member per filter type.
 */
import { backendObjectReference } from './backend-refs.js';
import { group, kind, objectName } from './fields.js';
import { headerModifier } from './header-modifier.js';
import { list, object, rule, string, type Rule, type Schema } from './primitives.js';
import { requestRedirect, urlRewrite } from './redirect-rewrite.js';

export type FilterType = 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'RequestRedirect' | 'URLRewrite' | 'ExtensionRef';

/** The union member carrying each filter type's configuration. */
const MEMBER: Readonly<Record<FilterType, string>> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
};

/** `LocalObjectReference` to an implementation-specific filter: no defaults, all parts required. */
function extensionRef(): Schema {
  return object({ group: group(), kind: kind(), name: objectName() }, { required: ['group', 'kind', 'name'] });
}

const BODY: Readonly<Record<FilterType, () => Schema>> = {
  RequestHeaderModifier: headerModifier,
  ResponseHeaderModifier: headerModifier,
  RequestMirror: () => object({ backendRef: backendObjectReference() }, { required: ['backendRef'] }),
  RequestRedirect: requestRedirect,
  URLRewrite: urlRewrite,
  ExtensionRef: extensionRef,
};

/** A union member is set exactly when `type` names it. */
function memberRules(types: readonly FilterType[]): Rule[] {
  return types.flatMap((type) => {
    const m = MEMBER[type];
    return [
      rule(`filter.${m} must be nil if the filter.type is not ${type}`, `!(has(self.${m}) && self.type != '${type}')`),
      rule(`filter.${m} must be specified for ${type} filter.type`, `!(!has(self.${m}) && self.type == '${type}')`),
    ];
  });
}

/** List-level rule: a filter type may appear at most once. */
export function notRepeated(type: FilterType): Rule {
  return rule(`${type} filter cannot be repeated`, `self.filter(f, f.type == '${type}').size() <= 1`);
}

export interface FilterListOptions {
  /** Supported filter types, in the order upstream lists their members and rules. */
  readonly types: readonly FilterType[];
  /** Order of the `type` enum, which upstream does not always keep in line with `types`. @default types */
  readonly enumOrder?: readonly FilterType[];
  /** Rules on the whole list. @default - none */
  readonly listRules?: readonly Rule[];
}

/** A `filters` list supporting the given types. */
export function filterList(options: FilterListOptions): Schema {
  const properties: Record<string, Schema> = { type: string({ enum: options.enumOrder ?? options.types }) };
  for (const type of options.types) properties[MEMBER[type]] = BODY[type]();
  const filter = object(properties, { required: ['type'], rules: memberRules(options.types) });
  return list(filter, { maxItems: 16, rules: options.listRules });
}
