/**
 * Regular expressions Kubernetes and the Gateway API use for names. Composed from apimachinery's
 * label and subdomain formats (lib/k8s/name-rules) so the relationship between them stays visible.
 */
import { DNS1123_LABEL_FORMAT as LABEL, DNS1123_SUBDOMAIN_FORMAT as SUBDOMAIN } from '../../k8s/name-rules.js';

/** RFC 1123 label: namespaces, service-account and Server names. */
export const DNS_LABEL = `^${LABEL}$`;

/** RFC 1123 subdomain: section names, precise hostnames. */
export const DNS_SUBDOMAIN = `^${SUBDOMAIN}$`;

/** An API group: empty (the core group) or a subdomain. */
export const API_GROUP = `^$|^${SUBDOMAIN}$`;

/** An API kind. */
export const API_KIND = '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$';

/** A hostname that may start with a `*.` wildcard label. */
export const WILDCARD_HOSTNAME = `^(\\*\\.)?${SUBDOMAIN}$`;

/** A mesh identity (ServerAuthorization): dot-separated labels where the first may be `*`. */
export const MESH_IDENTITY = `^(\\*|${LABEL})(\\.${LABEL})*$`;

/**
 * An RFC 7230 header field name (token). Upstream spells the backtick as the literal `\x60` escape,
 * which the API server's regex engine understands; keep that spelling.
 */
export const HTTP_HEADER_NAME = "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$";

/** metav1.Condition `type`: an optional subdomain prefix and a qualified name. */
export const CONDITION_TYPE = `^(${SUBDOMAIN}/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$`;

/** metav1.Condition `reason`: CamelCase identifier. */
export const CONDITION_REASON = '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$';

/** Gateway API controller name: `<domain>/<path>`. */
export const CONTROLLER_NAME = `^${SUBDOMAIN}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`;

/** A resource.Quantity such as `100m`, `1Gi` or `2e3`. */
const DECIMAL = '(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))';
export const QUANTITY = `^(\\+|-)?${DECIMAL}(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?${DECIMAL}))?$`;
