/**
 * Kubernetes' name rules with apimachinery's own messages (`k8s.io/apimachinery/pkg/util/validation`),
 * which `kubectl` and `linkerd profile` print verbatim: a Service name is a DNS-1035 label, a
 * namespace a DNS-1123 label, most object names a DNS-1123 subdomain.
 */

const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;

/** The formats, unanchored (CRD patterns compose them). */
export const DNS1035_LABEL_FORMAT = '[a-z]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;

/** One of apimachinery's name rules: length, regex, and the message with its examples. */
interface NameRule {
  readonly max: number;
  readonly pattern: RegExp;
  readonly format: string;
  readonly message: string;
  readonly examples: readonly string[];
}

const rule = (max: number, format: string, message: string, examples: readonly string[]): NameRule => ({
  max,
  pattern: new RegExp(`^${format}$`),
  format,
  message,
  examples,
});

const DNS1035_LABEL = rule(
  LABEL_MAX,
  DNS1035_LABEL_FORMAT,
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  ['my-name', 'abc-123'],
);
const DNS1123_LABEL = rule(
  LABEL_MAX,
  DNS1123_LABEL_FORMAT,
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  ['my-name', '123-abc'],
);
const DNS1123_SUBDOMAIN = rule(
  SUBDOMAIN_MAX,
  DNS1123_SUBDOMAIN_FORMAT,
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  ['example.com'],
);

/** apimachinery's MaxLenError and RegexError, double space included (`'my-name',  or 'abc-123'`). */
function errorsOf(nameRule: NameRule, value: string): string[] {
  const errors: string[] = [];
  if (value.length > nameRule.max) errors.push(`must be no more than ${nameRule.max} characters`);
  if (!nameRule.pattern.test(value)) {
    errors.push(`${nameRule.message} (e.g. ${nameRule.examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${nameRule.format}')`);
  }
  return errors;
}

/** apimachinery's IsDNS1035Label (a Service name): the messages, empty when valid. */
export const dns1035LabelErrors = (value: string): string[] => errorsOf(DNS1035_LABEL, value);
/** apimachinery's IsDNS1123Label (a namespace). */
export const dns1123LabelErrors = (value: string): string[] => errorsOf(DNS1123_LABEL, value);
/** apimachinery's IsDNS1123Subdomain (most object names, a cluster or trust domain). */
export const dns1123SubdomainErrors = (value: string): string[] => errorsOf(DNS1123_SUBDOMAIN, value);

/**
 * The rule's messages as one issue message (`IssueCollector.check`), undefined when `value` is a
 * valid name. A value that is no string fails the format.
 */
function problemOf(nameRule: NameRule, value: unknown): string | undefined {
  const errors = errorsOf(nameRule, typeof value === 'string' ? value : '');
  return errors.length ? errors.join('; ') : undefined;
}

/** A Service name's problem (DNS-1035 label), for `IssueCollector.check`. */
export const dns1035LabelProblem = (value: unknown): string | undefined => problemOf(DNS1035_LABEL, value);
/** A namespace's problem (DNS-1123 label), for `IssueCollector.check`. */
export const dns1123LabelProblem = (value: unknown): string | undefined => problemOf(DNS1123_LABEL, value);
/** An object name's problem (DNS-1123 subdomain), for `IssueCollector.check`. */
export const dns1123SubdomainProblem = (value: unknown): string | undefined => problemOf(DNS1123_SUBDOMAIN, value);

/**
 * The rule for a name meshform extends into a longer one (`controller-<name>`, `restart-<namespace>`):
 * the same format, with only the `max` characters the longer name leaves.
 */
export const dns1123LabelProblemUpTo =
  (max: number) =>
  (value: unknown): string | undefined =>
    problemOf({ ...DNS1123_LABEL, max: Math.min(max, LABEL_MAX) }, value);
/** The subdomain rule for a name meshform extends (`<name>-token`), `max` characters. */
export const dns1123SubdomainProblemUpTo =
  (max: number) =>
  (value: unknown): string | undefined =>
    problemOf({ ...DNS1123_SUBDOMAIN, max: Math.min(max, SUBDOMAIN_MAX) }, value);

/**
 * A DNS domain that is resolved or certified (the cluster domain, the identity trust domain): a
 * DNS-1123 subdomain whose labels DNS itself limits to 63 characters.
 */
export function dnsDomainProblem(value: unknown): string | undefined {
  const problem = dns1123SubdomainProblem(value);
  if (problem !== undefined) return problem;
  return (value as string).split('.').some((label) => label.length > LABEL_MAX) ? `each label must be no more than ${LABEL_MAX} characters` : undefined;
}
