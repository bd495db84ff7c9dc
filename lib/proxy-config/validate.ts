/**
 * Checks a `ProxyConfig` before it becomes annotations. The webhook silently ignores a malformed
 * annotation (it only logs), so a typo would quietly fall back to the mesh default; catching it at
 * synth time, with every problem at once and the field named, is the point of typing the config.
 */
import { IssueCollector, joinPath, type ValidationIssue } from '../errors.js';
import {
  cidr,
  DEFAULT_INBOUND_POLICIES,
  duration,
  integerInRange,
  LOG_FORMATS,
  oneOf,
  port,
  portList,
  proxyLogLevel,
  quantity,
  userId,
} from '../values/checks.js';
import { PROXY_CONFIG_FIELDS, type FieldKind } from './fields.js';
import type { PortSet, ProxyConfig } from './types.js';

/** Joins a `PortSet` into upstream's comma-separated form. */
export function portSetText(value: PortSet): string {
  return typeof value === 'string' ? value : value.map(String).join(',');
}

const portSet = (allowNames: boolean) => (v: unknown): string | undefined => {
  if (typeof v !== 'string' && !Array.isArray(v)) return portList(v, allowNames);
  const text = portSetText(v as PortSet);
  return text === '' ? 'must list at least one port' : portList(text, allowNames);
};

const CHECKS: Readonly<Record<FieldKind, (v: unknown) => string | undefined>> = {
  text: (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string'),
  pullPolicy: (v) => oneOf(v, ['Always', 'IfNotPresent', 'Never']),
  bool: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  enabledDisabled: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  port,
  ports: portSet(false),
  portsOrNames: portSet(true),
  cidrs: (v) =>
    Array.isArray(v) && v.length > 0 && v.every((c) => cidr(c) === undefined)
      ? undefined
      : 'must be a non-empty list of CIDRs such as 10.0.0.0/8 or fd00::/8',
  quantity: (v) => (v === '' ? 'must be a Kubernetes quantity such as 100m or 250Mi' : quantity(v)),
  ratio: (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'must be a number in (0, 1]'),
  userId,
  logLevel: proxyLogLevel,
  logFormat: (v) => oneOf(v, LOG_FORMATS),
  logHttpHeaders: (v) => oneOf(v, ['off', 'insecure']),
  accessLog: (v) => oneOf(v, ['apache', 'json']),
  inboundPolicy: (v) => oneOf(v, DEFAULT_INBOUND_POLICIES),
  duration: (v) => duration(v),
  seconds: (v) => integerInRange(v, 0),
};

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** The name part of a qualified annotation key. */
const KEY_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const KNOWN_FIELDS = new Set<string>([...PROXY_CONFIG_FIELDS.map((s) => s.field), 'additionalEnv', 'traceAttributes']);

/** Every problem with `config`, each under `<path>.<field>` (e.g. `proxyConfig.adminPort`). */
export function proxyConfigIssues(config: ProxyConfig, path = 'proxyConfig'): ValidationIssue[] {
  const issues = new IssueCollector();
  // Plain-JS callers (and `as` casts) can slip unknown keys past the type; they would be dropped silently.
  for (const key of Object.keys(config)) {
    if (!KNOWN_FIELDS.has(key)) issues.add(joinPath(path, key), (config as Record<string, unknown>)[key], 'is not a ProxyConfig field');
  }
  for (const spec of PROXY_CONFIG_FIELDS) {
    const value = config[spec.field];
    if (value !== undefined) issues.check(joinPath(path, spec.field), value, CHECKS[spec.kind](value));
  }
  (config.additionalEnv ?? []).forEach((env, i) => {
    const p = `${joinPath(path, 'additionalEnv')}[${i}].name`;
    issues.check(p, env.name, typeof env.name === 'string' && ENV_NAME.test(env.name) ? undefined : 'must be a valid environment variable name');
  });
  for (const [label, value] of Object.entries(config.traceAttributes ?? {})) {
    const p = joinPath(joinPath(path, 'traceAttributes'), label);
    issues.check(p, label, KEY_NAME.test(label) ? undefined : 'must be a valid annotation name (alphanumerics, -, _, ., at most 63)');
    issues.check(p, value, typeof value === 'string' ? undefined : 'must be a string');
  }
  return [...issues.issues];
}

/** Throws one `MeshformError` listing every problem. */
export function validateProxyConfig(config: ProxyConfig, path = 'proxyConfig'): void {
  const issues = new IssueCollector();
  issues.addAll(proxyConfigIssues(config, path));
  issues.throwIfAny('invalid proxy config');
}
