/**
 * The Gateway API's shared scalar types (upstream `apis/v1/shared_types.go`, `object_reference_types.go`),
 * each as a schema builder. Kinds reuse these rather than repeating patterns and bounds.
 */
import { API_GROUP, API_KIND, DNS_LABEL, DNS_SUBDOMAIN, WILDCARD_HOSTNAME } from '../schema/patterns.js';
import { integer, list, string, type Schema } from './primitives.js';

/** API group: a DNS subdomain or empty (the core group). */
export function group(defaultValue?: string): Schema {
  return string({ default: defaultValue, maxLength: 253, pattern: API_GROUP });
}

/** Resource kind, CamelCase. */
export function kind(defaultValue?: string): Schema {
  return string({ default: defaultValue, maxLength: 63, minLength: 1, pattern: API_KIND });
}

/** Name of a referenced object. */
export function objectName(): Schema {
  return string({ maxLength: 253, minLength: 1 });
}

/** Namespace: an RFC 1123 label. */
export function namespace(): Schema {
  return string({ maxLength: 63, minLength: 1, pattern: DNS_LABEL });
}

/** TCP/UDP port number. */
export function portNumber(): Schema {
  return integer({ format: 'int32', maximum: 65535, minimum: 1 });
}

/** Listener section name. */
export function sectionName(): Schema {
  return string({ maxLength: 253, minLength: 1, pattern: DNS_SUBDOMAIN });
}

/** Hostname that may start with a `*.` wildcard label. */
export function hostname(): Schema {
  return string({ maxLength: 253, minLength: 1, pattern: WILDCARD_HOSTNAME });
}

/** Hostname without wildcard (redirect and rewrite targets). */
export function preciseHostname(): Schema {
  return string({ maxLength: 253, minLength: 1, pattern: DNS_SUBDOMAIN });
}

/** `spec.hostnames` of HTTP, gRPC and TLS routes. */
export function hostnames(): Schema {
  return list(hostname(), { maxItems: 16 });
}

/** HTTP header (and query parameter) name: an RFC 7230 token; `\x60` is the backtick. */
export function headerName(): Schema {
  return string({ maxLength: 256, minLength: 1, pattern: "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$" });
}

/** Gateway API duration: up to four `<digits><unit>` groups, e.g. `1h30m`. */
export function duration(): Schema {
  return string({ pattern: '^([0-9]{1,5}(h|m|s|ms)){1,4}$' });
}
