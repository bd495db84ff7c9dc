/**
 * What manual injection (`inject --manual`, `meshWorkload` in manual mode) needs from the mesh values
 * that annotation mode leaves to the cluster's proxy injector: the trust anchors, written inline into
 * every proxy's environment.
 */
import type { ValidationIssue } from '../errors.js';
import type { MeshValues } from '../values/mesh/types.js';

export function manualInjectionIssues(values: MeshValues): ValidationIssue[] {
  if (values.identityTrustAnchorsPEM?.trim()) return [];
  const message = values.identity?.externalCA
    ? 'is required for manual injection: with identity.externalCA (e.g. cert-manager and trust-manager) the anchors exist only in ' +
      'the cluster (ConfigMap linkerd-identity-trust-roots); mesh the workload in annotation mode, where the proxy injector adds them, ' +
      'or give the anchors in identityTrustAnchorsPEM'
    : 'is required for manual injection: pass the installed mesh values (-f on the command line) holding the anchors it was installed with ' +
      '(for identity meshform generated, the store\'s trust-anchor.crt, by default .meshform/identity/trust-anchor.crt)';
  return [{ path: 'identityTrustAnchorsPEM', value: undefined, message }];
}
