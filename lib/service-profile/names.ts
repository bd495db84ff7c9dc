/**
 * The names a ServiceProfile hangs on, checked with apimachinery's rules and messages (lib/k8s/name-rules),
 * which `linkerd profile` prints verbatim: the Service a DNS-1035 label, the namespace a DNS-1123
 * label, the profile's name the FQDN `<service>.<namespace>.svc.<clusterDomain>`.
 */
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors } from '../k8s/name-rules.js';
import { DEFAULT_CLUSTER_DOMAIN, type ProfileTarget } from './types.js';

// Part of the ServiceProfile API (`meshform/model`): `linkerd profile` refuses names with these messages.
export { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors };

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
