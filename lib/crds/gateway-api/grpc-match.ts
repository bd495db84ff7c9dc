/** `GRPCRouteMatch`: method (service and/or method name) and headers. */
import { celRaw, exactOrRegex, headerMatches } from './matches.js';
import { list, object, rule, string, type Rule, type Schema } from './primitives.js';

/** A fully-qualified protobuf service name (case-insensitive, optional leading dot). */
const SERVICE_NAME = '^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$';
/** A protobuf method name. */
const METHOD_NAME = '^[A-Za-z_][A-Za-z_0-9]*$';

/** Exact matches must be valid protobuf names; a match needs a service or a method. */
function methodRules(): Rule[] {
  const validName = (field: 'service' | 'method', pattern: string) =>
    rule(
      `${field} must only contain valid characters (matching ${pattern})`,
      `(!has(self.type) || self.type == 'Exact') && has(self.${field}) ? self.${field}.matches(${celRaw(pattern)}): true`,
    );
  return [
    rule("One or both of 'service' or 'method' must be specified", 'has(self.type) ? has(self.service) || has(self.method) : true'),
    validName('service', SERVICE_NAME),
    validName('method', METHOD_NAME),
  ];
}

/** `GRPCMethodMatch`. */
function methodMatch(): Schema {
  return object(
    { method: string({ maxLength: 1024 }), service: string({ maxLength: 1024 }), type: exactOrRegex() },
    { rules: methodRules() },
  );
}

/** `rules[].matches` of a GRPCRoute. */
export function grpcRouteMatches(): Schema {
  return list(object({ headers: headerMatches(), method: methodMatch() }), { maxItems: 8 });
}
