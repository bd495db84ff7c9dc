/**
 * The identity modes, named once for the library, the CLI and the Pulumi stack:
 * - `generated`: meshform generates the trust anchor and issuer (the CLI's local store, `cdk8s synth`'s
 *   identity folder, `@pulumi/tls` in a stack);
 * - `provided`: the trust anchors and issuer come from the user (files, values, stack config);
 * - `cert-manager`: cert-manager issues the anchors, the issuer and the webhook certificates in-cluster
 *   and trust-manager publishes the trust roots: no certificate or key is rendered
 *   (`Mesh` `identity.certManager`, CLI `--cert-manager`, docs/identity-cert-manager.md);
 * - `external-issuer`: cert-manager renews the issuer from a trust-anchor Secret the user creates
 *   (upstream's `identity.issuer.scheme: kubernetes.io/tls`; CLI `--identity-external-issuer`).
 */
export const IDENTITY_MODES = ['generated', 'provided', 'cert-manager', 'external-issuer'] as const;

export type IdentityMode = (typeof IDENTITY_MODES)[number];
