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

/** One of apimachinery's name rules: length, regex, and the message with its examples. */
interface NameRule {
  readonly max: number;
  readonly format: string;
  readonly message: string;
  readonly examples: readonly string[];
}

const DNS1035_LABEL: NameRule = {
  max: LABEL_MAX,
  format: DNS1035_FORMAT,
  message: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  examples: ['my-name', 'abc-123'],
};
const DNS1123_LABEL: NameRule = {
  max: LABEL_MAX,
  format: DNS1123_LABEL_FORMAT,
  message: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  examples: ['my-name', '123-abc'],
};
const DNS1123_SUBDOMAIN: NameRule = {
  max: SUBDOMAIN_MAX,
  format: DNS1123_SUBDOMAIN_FORMAT,
  message: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  examples: ['example.com'],
};

/** apimachinery's MaxLenError and RegexError, double space included (`'my-name',  or 'abc-123'`). */
function errorsOf(rule: NameRule, value: string): string[] {
  const errors: string[] = [];
  if (value.length > rule.max) errors.push(`must be no more than ${rule.max} characters`);
  if (!new RegExp(`^${rule.format}$`).test(value)) {
    errors.push(`${rule.message} (e.g. ${rule.examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${rule.format}')`);
  }
  return errors;
}

/** apimachinery's IsDNS1035Label: the messages, empty when valid. */
export const dns1035LabelErrors = (value: string): string[] => errorsOf(DNS1035_LABEL, value);
/** apimachinery's IsDNS1123Label. */
export const dns1123LabelErrors = (value: string): string[] => errorsOf(DNS1123_LABEL, value);
/** apimachinery's IsDNS1123Subdomain (a cluster domain, a profile's full name). */
export const dns1123SubdomainErrors = (value: string): string[] => errorsOf(DNS1123_SUBDOMAIN, value);

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
