/**
 * Linkerd mesh identities read back into what they name: `<sa>.<ns>.serviceaccount.identity.<cp-ns>.<td>`
 * is one ServiceAccount, `*.<ns>.serviceaccount.identity.<cp-ns>.<td>` every ServiceAccount of a
 * namespace, `*` any meshed client (TRAFFIC.md §1.4, §5.2). The identity domain (trust domain and
 * control-plane namespace) is computed here once, for the policy builders and the checks alike.
 */
import { joinPath, type IssueCollector } from '../errors.js';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../k8s/name-rules.js';
import { DEFAULT_CONTROL_PLANE_NAMESPACE } from '../mesh-reference/from-values.js';
import type { MeshReference } from '../mesh-reference/types.js';

/** Where the mesh's identity domain comes from: its reference, or a bare trust domain. */
export interface IdentityDomainSource {
  /**
   * The installed mesh (`Mesh.reference`, `meshReferenceFromManifests`): its trust domain (else its
   * cluster domain) and control-plane namespace.
   * @default - none: `trustDomain`, and the control plane in 'linkerd'
   */
  readonly mesh?: MeshReference;
  /**
   * The identity trust domain (`identityTrustDomain`), when no `mesh` is given.
   * @default - the mesh's, else 'cluster.local'
   */
  readonly trustDomain?: string;
}

/** The mesh whose identities are read or written. */
export interface MeshIdentityContext extends IdentityDomainSource {
  /**
   * The control plane's namespace (part of every identity), when no `mesh` is given.
   * @default - the mesh's, else 'linkerd'
   */
  readonly controlPlaneNamespace?: string;
}

/** The part of every identity the mesh decides. */
export interface IdentityDomain {
  readonly trustDomain: string;
  readonly controlPlaneNamespace: string;
}

export const DEFAULT_TRUST_DOMAIN = 'cluster.local';

/** The identity domain of `source`: what it gives, else its mesh's, else upstream's defaults. */
export function identityDomain(source: MeshIdentityContext = {}): IdentityDomain {
  const { mesh } = source;
  return {
    trustDomain: source.trustDomain ?? mesh?.trustDomain ?? mesh?.clusterDomain ?? DEFAULT_TRUST_DOMAIN,
    controlPlaneNamespace: source.controlPlaneNamespace ?? mesh?.controlPlaneNamespace ?? DEFAULT_CONTROL_PLANE_NAMESPACE,
  };
}

/**
 * `identityDomain`, with the given parts checked under `at`: a trust domain that is no DNS-1123
 * subdomain, a namespace that is no DNS-1123 label, or either contradicting the mesh's, is an issue.
 */
export function identityDomainOf(source: MeshIdentityContext, at: string, issues: IssueCollector): IdentityDomain {
  const fromMesh = source.mesh ? identityDomain({ mesh: source.mesh }) : undefined;
  const checkPart = (key: keyof IdentityDomain, value: string | undefined, problem: (v: unknown) => string | undefined, what: string) => {
    if (value === undefined) return;
    issues.check(joinPath(at, key), value, problem(value));
    if (fromMesh && fromMesh[key] !== value) {
      issues.add(joinPath(at, key), value, `contradicts the mesh's ${what} "${fromMesh[key]}": give mesh or ${key}, not both`);
    }
  };
  checkPart('trustDomain', source.trustDomain, dns1123SubdomainProblem, 'trust domain');
  checkPart('controlPlaneNamespace', source.controlPlaneNamespace, dns1123LabelProblem, 'control-plane namespace');
  return identityDomain(source);
}

export type ParsedIdentity =
  | { readonly kind: 'any' }
  | { readonly kind: 'serviceAccount'; readonly name: string; readonly namespace: string }
  | { readonly kind: 'namespace'; readonly namespace: string }
  /** Names a Linkerd identity of another mesh (trust domain or control-plane namespace differ). */
  | { readonly kind: 'foreign'; readonly suffix: string }
  /** Not a Linkerd ServiceAccount identity (SPIFFE ID, another suffix wildcard, ...): not resolvable here. */
  | { readonly kind: 'other' };

const MARKER = '.serviceaccount.identity.';

export function meshIdentitySuffix(ctx: MeshIdentityContext = {}): string {
  const domain = identityDomain(ctx);
  return `serviceaccount.identity.${domain.controlPlaneNamespace}.${domain.trustDomain}`;
}

export function parseIdentity(identity: string, ctx: MeshIdentityContext = {}): ParsedIdentity {
  if (identity === '*') return { kind: 'any' };
  const at = identity.indexOf(MARKER);
  if (at < 0) return { kind: 'other' };
  const suffix = identity.slice(at + 1);
  if (suffix !== meshIdentitySuffix(ctx)) return { kind: 'foreign', suffix };
  const head = identity.slice(0, at).split('.');
  if (head.length === 2 && head[0] === '*') return { kind: 'namespace', namespace: head[1] };
  if (head.length === 2 && head.every((part) => part && part !== '*')) return { kind: 'serviceAccount', name: head[0], namespace: head[1] };
  return { kind: 'other' };
}

/** The identity a ServiceAccount's pods present. */
export function serviceAccountIdentity(name: string, namespace: string, ctx: MeshIdentityContext = {}): string {
  return `${name}.${namespace}.${meshIdentitySuffix(ctx)}`;
}

/** Linkerd's identity match: exact, `*`, or `*.<suffix>` on dot-separated labels. */
export function identityMatches(pattern: string, identity: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.') && !pattern.startsWith('**')) return identity.endsWith(pattern.slice(1)) && identity.length > pattern.length - 1;
  return pattern === identity;
}
