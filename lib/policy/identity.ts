/**
 * Mesh TLS identities as the control plane computes them:
 * `<serviceaccount>.<namespace>.serviceaccount.identity.<control-plane-namespace>.<trust-domain>`,
 * and `*.<namespace>.serviceaccount.identity...` for every ServiceAccount of a namespace.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { MESH_IDENTITY } from '../crds/schema/patterns.js';
import { meshIdentitySuffix, serviceAccountIdentity, type IdentityDomain } from '../traffic-check/identity.js';
import { labelName, objectName } from './checks.js';

// The identity domain is computed once, with the identities the checks read back; public with the policy model.
export { DEFAULT_TRUST_DOMAIN, identityDomainOf, type IdentityDomain, type IdentityDomainSource } from '../traffic-check/identity.js';

/** A ServiceAccount (in `namespace`, else the policy's own namespace). */
export interface ServiceAccountClient {
  readonly serviceAccount: string;
  /** @default - the namespace of the object that names it */
  readonly namespace?: string;
}

/** Every ServiceAccount of a namespace. */
export interface NamespaceClient {
  readonly namespace: string;
  /** Never set: with it, the client is one ServiceAccount. @default - none */
  readonly serviceAccount?: never;
}

/** An identity string as written: `*` (any meshed client), `*.<suffix>`, an exact name or a SPIFFE ID. */
export interface RawIdentityClient {
  readonly identity: string;
}

/** A meshed client, named by ServiceAccount, namespace or identity. */
export type MeshClient = ServiceAccountClient | NamespaceClient | RawIdentityClient;

export const isServiceAccountClient = (c: MeshClient): c is ServiceAccountClient => typeof (c as ServiceAccountClient).serviceAccount === 'string';
export const isRawIdentityClient = (c: MeshClient): c is RawIdentityClient => typeof (c as RawIdentityClient).identity === 'string';

/** The suffix match for every ServiceAccount of `namespace`. */
export function namespaceIdentity(namespace: string, domain: IdentityDomain): string {
  return `*.${namespace}.${meshIdentitySuffix(domain)}`;
}

const DNS_IDENTITY_RE = new RegExp(MESH_IDENTITY);
const SPIFFE_RE = /^spiffe:\/\/[a-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** The webhook's identity rule: DNS-like (first label may be `*`) or a SPIFFE ID. */
export function rawIdentity(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be an identity string';
  if (DNS_IDENTITY_RE.test(value)) return undefined;
  if (SPIFFE_RE.test(value) && !value.split('/').slice(3).some((s) => s === '.' || s === '..')) return undefined;
  return 'must be "*", "*.<suffix>", an exact DNS-like identity (lowercase labels) or a SPIFFE ID such as spiffe://cluster.local/ns/x/sa/y';
}

/** Collects problems with one client; `at` names it. */
export function checkMeshClient(client: MeshClient, at: string, issues: IssueCollector): void {
  if (isRawIdentityClient(client)) {
    issues.check(joinPath(at, 'identity'), client.identity, rawIdentity(client.identity));
    return;
  }
  if (isServiceAccountClient(client)) {
    issues.check(joinPath(at, 'serviceAccount'), client.serviceAccount, objectName(client.serviceAccount));
    if (client.namespace !== undefined) issues.check(joinPath(at, 'namespace'), client.namespace, labelName(client.namespace));
    return;
  }
  const namespace = (client as NamespaceClient | undefined)?.namespace;
  if (namespace === undefined) {
    issues.add(at, client, 'must name a serviceAccount, a namespace or an identity');
    return;
  }
  issues.check(joinPath(at, 'namespace'), namespace, labelName(namespace));
}

/** The identity string the mesh gives `client` (`ownNamespace` for a ServiceAccount without one). */
export function clientIdentity(client: MeshClient, ownNamespace: string, domain: IdentityDomain): string {
  if (isRawIdentityClient(client)) return client.identity;
  if (isServiceAccountClient(client)) return serviceAccountIdentity(client.serviceAccount, client.namespace ?? ownNamespace, domain);
  return namespaceIdentity(client.namespace, domain);
}
