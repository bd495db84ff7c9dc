/** Backend references: the object reference (also the mirror target) and the weighted `backendRefs` list. */
import { group, kind, namespace, objectName, portNumber } from './fields.js';
import { integer, list, object, rule, type Schema } from './primitives.js';

/** A Service (the default kind, in the core group) is only addressable with a port. */
function portForService() {
  return rule('Must have port for Service reference', "(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true");
}

/** Properties of `BackendObjectReference`. */
function backendObjectProperties(): Record<string, Schema> {
  return { group: group(''), kind: kind('Service'), name: objectName(), namespace: namespace(), port: portNumber() };
}

/** `BackendObjectReference`: the RequestMirror filter's target. */
export function backendObjectReference(): Schema {
  return object(backendObjectProperties(), { required: ['name'], rules: [portForService()] });
}

export interface BackendRefsOptions {
  /** Per-backend `filters` list (HTTP and gRPC routes). @default - no per-backend filters */
  readonly filters?: Schema;
  /** TLS and TCP routes need at least one backend. @default - none required */
  readonly minItems?: number;
}

/** `rules[].backendRefs`: weighted backend references. */
export function backendRefs(options: BackendRefsOptions = {}): Schema {
  const properties: Record<string, Schema> = {
    ...backendObjectProperties(),
    weight: integer({ default: 1, format: 'int32', maximum: 1000000, minimum: 0 }),
  };
  if (options.filters) properties.filters = options.filters;
  const item = object(properties, { required: ['name'], rules: [portForService()] });
  return list(item, { maxItems: 16, minItems: options.minItems });
}
