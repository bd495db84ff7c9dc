/**
 * The names a ServiceProfile hangs on, checked with apimachinery's rules and messages
 * (`k8s.io/apimachinery/pkg/util/validation`), which `linkerd profile` prints verbatim:
 * the Service a DNS-1035 label, the namespace a DNS-1123 label, the profile's name the FQDN
 * `<service>.<namespace>.svc.<clusterDomain>`.
 */
import { DEFAULT_CLUSTER_DOMAIN, type ProfileTarget } from './types.js';

const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;
const DNS1035_FORMAT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;

/** apimachinery's RegexError, double space included (`'my-name',  or 'abc-123'`). */
function regexError(message: string, format: string, ...examples: string[]): string {
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

function check(value: string, max: number, format: string, problem: string): string[] {
  const errors: string[] = [];
  if (value.length > max) errors.push(`must be no more than ${max} characters`);
  if (!new RegExp(`^${format}$`).test(value)) errors.push(problem);
  return errors;
}

/** apimachinery's IsDNS1035Label: the messages, empty when valid. */
export function dns1035LabelErrors(value: string): string[] {
  const problem = regexError(
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
    DNS1035_FORMAT,
    'my-name',
    'abc-123',
  );
  return check(value, LABEL_MAX, DNS1035_FORMAT, problem);
}

/** apimachinery's IsDNS1123Label. */
export function dns1123LabelErrors(value: string): string[] {
  const problem = regexError(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    DNS1123_LABEL_FORMAT,
    'my-name',
    '123-abc',
  );
  return check(value, LABEL_MAX, DNS1123_LABEL_FORMAT, problem);
}

/** apimachinery's IsDNS1123Subdomain (a cluster domain, a profile's full name). */
export function dns1123SubdomainErrors(value: string): string[] {
  const problem = regexError(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    DNS1123_SUBDOMAIN_FORMAT,
    'example.com',
  );
  return check(value, SUBDOMAIN_MAX, DNS1123_SUBDOMAIN_FORMAT, problem);
}

/** `<service>.<namespace>.svc.<clusterDomain>`: the only name Linkerd looks a profile up by. */
export function serviceProfileName(target: ProfileTarget): string {
  return `${target.service}.${target.namespace}.svc.${target.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN}`;
}

/** The Service a profile name stands for, or undefined when the name is not `<svc>.<ns>.svc.<domain>`. */
export function profiledService(name: string): Required<ProfileTarget> | undefined {
  const m = /^([^.]+)\.([^.]+)\.svc\.(.+)$/.exec(name);
  if (!m || dns1035LabelErrors(m[1]).length || dns1123LabelErrors(m[2]).length || dns1123SubdomainErrors(m[3]).length) return undefined;
  return { service: m[1], namespace: m[2], clusterDomain: m[3] };
}
