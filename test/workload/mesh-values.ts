/**
 * Resolved mesh values for the workload tests. Validation parses the identity material, so real
 * certificates are generated, once per trust anchor name (cached: a test compares two meshes that
 * differ only in their anchors, or only in their proxy version).
 */
import { generateIssuer, generateTrustAnchor, type CertificateAndKey } from '../../lib/identity/generate.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';

interface Identity {
  readonly anchor: CertificateAndKey;
  readonly issuer: CertificateAndKey;
}

const identities = new Map<string, Promise<Identity>>();

function identity(name: string): Promise<Identity> {
  let found = identities.get(name);
  if (!found) {
    found = generateTrustAnchor().then(async (anchor) => ({ anchor, issuer: await generateIssuer({ anchor }) }));
    identities.set(name, found);
  }
  return found;
}

export interface TestMeshOptions {
  /** @default - the release's */
  readonly proxyVersion?: string;
  /** Name of a generated trust anchor; the same name gives the same anchor. @default 'a' */
  readonly anchors?: string;
}

export async function testMeshValues(options: TestMeshOptions = {}): Promise<MeshValues> {
  const id = await identity(options.anchors ?? 'a');
  return resolveMeshValues({
    user: {
      identityTrustAnchorsPEM: id.anchor.certificatePem,
      identity: { issuer: { tls: { crtPEM: id.issuer.certificatePem, keyPEM: id.issuer.privateKeyPem } } },
      ...(options.proxyVersion ? { proxy: { image: { version: options.proxyVersion } } } : {}),
    },
  });
}
