/**
 * cert-manager's objects as the charts place them, without cdk8s: the CLI renders from these
 * directly (a cold `meshform install` does not load cdk8s), the charts add them as ApiObjects.
 */
import { MeshformError } from '../../lib/errors.js';
import type { ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { certManagerControlPlaneObjects, certManagerVizObjects, type CertManagerObject } from '../../lib/identity/cert-manager.js';
import type { KubeObject } from '../../lib/manifest.js';

/** cert-manager's typed objects are plain JSON; the charts take them as `KubeObject`s. */
export function certManagerKubeObjects(objects: readonly CertManagerObject[]): KubeObject[] {
  return objects.map((o) => o as unknown as KubeObject);
}

/** The namespaced Certificates each chart carries, by the resolved options' namespace field. */
const NAMESPACED = {
  controlPlaneNamespace: { owner: 'the control plane', build: certManagerControlPlaneObjects },
  vizNamespace: { owner: 'viz', build: certManagerVizObjects },
} as const;

/**
 * The cert-manager Certificates of one chart's namespace (none without cert-manager), for the
 * control-plane and viz charts to place right after their Namespace. Refuses options resolved for
 * another namespace: the Certificates' DNS names and `injectCaFrom` would not match the chart.
 */
export function namespacedCertificates(
  certManager: ResolvedCertManagerIdentity | undefined,
  field: keyof typeof NAMESPACED,
  namespace: string,
): KubeObject[] {
  if (!certManager) return [];
  const { owner, build } = NAMESPACED[field];
  if (certManager[field] !== namespace) {
    throw new MeshformError(`cert-manager identity does not match ${owner}`, [
      { path: `certManager.${field}`, value: certManager[field], message: `must be ${owner}'s namespace (${namespace})` },
    ]);
  }
  return certManagerKubeObjects(build(certManager));
}
