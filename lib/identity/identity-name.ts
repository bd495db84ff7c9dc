/**
 * The identity name Linkerd's identity controller serves and proxies verify: `identity.linkerd.<td>`.
 * Its own module so the checks read it without loading the certificate generator (@peculiar/x509).
 */
export function identityName(trustDomain: string): string {
  return `identity.linkerd.${trustDomain}`;
}
