/**
 * Name and number checks shared by the policy builders. Each returns `undefined` when the value is
 * fine, or a message saying what is allowed (the caller adds the path and the value).
 */
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../k8s/name-rules.js';
import { portNumberProblem } from '../k8s/ports.js';

/** IANA service name, as container port names are (Kubernetes `IsValidPortName`). */
const PORT_NAME_RE = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** An object name: an RFC 1123 subdomain of at most 253 characters (apimachinery's messages). */
export const objectName: (value: unknown) => string | undefined = dns1123SubdomainProblem;

/** A namespace or ServiceAccount-as-label name: an RFC 1123 label of at most 63 characters. */
export const labelName: (value: unknown) => string | undefined = dns1123LabelProblem;

/** A port: a number 1-65535 or a container port name (IANA service name, at most 15 characters). */
export function portNumberOrName(value: unknown): string | undefined {
  if (typeof value === 'number') return portNumberProblem(value);
  return typeof value === 'string' && value.length <= 15 && PORT_NAME_RE.test(value) && !value.includes('--')
    ? undefined
    : 'must be a port number (1-65535) or a container port name (lowercase letters, digits and "-", at most 15 characters, with a letter)';
}

/** A port number 1-65535 (lib/k8s's rule). */
export const portNumber: (value: unknown) => string | undefined = portNumberProblem;

/** A positive integer no larger than `max`. */
export function positiveInteger(value: unknown, max: number): string | undefined {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
    ? undefined
    : `must be a positive integer (1 to ${max})`;
}

/** Names given twice in one list: `[index, name]` of every repeat after the first. */
export function repeats(names: readonly string[]): [number, string][] {
  const seen = new Set<string>();
  const out: [number, string][] = [];
  names.forEach((name, i) => {
    if (seen.has(name)) out.push([i, name]);
    seen.add(name);
  });
  return out;
}
