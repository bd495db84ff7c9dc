/**
 * `ProxyConfig` → pod-template annotations, in the exact text the proxy injector parses (booleans as
 * `true`/`false`, await and admin-shutdown as `enabled`/`disabled`, port sets comma-joined, the env
 * list as JSON).
 */
import { ADDITIONAL_ENV_ANNOTATION, PROXY_CONFIG_FIELDS, TRACE_ATTRIBUTE_PREFIX, type FieldKind } from './fields.js';
import type { PortSet, ProxyConfig } from './types.js';
import { portSetText, validateProxyConfig } from './validate.js';

function render(kind: FieldKind, value: unknown): string {
  switch (kind) {
    case 'enabledDisabled':
      return value ? 'enabled' : 'disabled';
    case 'ports':
    case 'portsOrNames':
      return portSetText(value as PortSet);
    case 'cidrs':
      return (value as readonly string[]).join(',');
    default:
      return String(value);
  }
}

/**
 * The annotations for `config`, validated first (throws a `MeshformError` naming each bad field).
 * Keys come out in a fixed order so renders are deterministic.
 */
export function proxyConfigAnnotations(config: ProxyConfig, path = 'proxyConfig'): Record<string, string> {
  validateProxyConfig(config, path);
  const out: Record<string, string> = {};
  for (const spec of PROXY_CONFIG_FIELDS) {
    const value = config[spec.field];
    if (value !== undefined) out[spec.annotation] = render(spec.kind, value);
  }
  if (config.additionalEnv?.length) out[ADDITIONAL_ENV_ANNOTATION] = JSON.stringify(config.additionalEnv);
  for (const label of Object.keys(config.traceAttributes ?? {}).sort()) {
    out[`${TRACE_ATTRIBUTE_PREFIX}${label}`] = config.traceAttributes![label];
  }
  return out;
}
