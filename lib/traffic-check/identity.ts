/**
 * Linkerd mesh identities read back into what they name: `<sa>.<ns>.serviceaccount.identity.<cp-ns>.<td>`
 * is one ServiceAccount, `*.<ns>.serviceaccount.identity.<cp-ns>.<td>` every ServiceAccount of a
 * namespace, `*` any meshed client (TRAFFIC.md §1.4, §5.2).
 */

/** The mesh whose identities are read. */
export interface MeshIdentityContext {
  /**
   * The identity trust domain (`identityTrustDomain`, else `clusterDomain`).
   * @default 'cluster.local'
   */
  readonly trustDomain?: string;
  /**
   * The control plane's namespace (part of every identity).
   * @default 'linkerd'
   */
  readonly controlPlaneNamespace?: string;
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
  return `serviceaccount.identity.${ctx.controlPlaneNamespace ?? 'linkerd'}.${ctx.trustDomain ?? 'cluster.local'}`;
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
