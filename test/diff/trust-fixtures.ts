/** Trust-anchor renders for the diff tests: the trust-roots ConfigMap and the issuer Secret of real certificates. */
import { buildCert, type BuiltCert } from '../helpers/cert-builder.js';

export async function anchor(cn: string): Promise<BuiltCert> {
  return buildCert({ cn });
}

export async function issuer(signer: BuiltCert): Promise<BuiltCert> {
  return buildCert({ cn: 'identity.linkerd.cluster.local', pathLen: 0 }, signer);
}

/** The two objects a PEM-mode render carries its trust in. */
export function trustObjects(anchors: readonly BuiltCert[], issuerCert: BuiltCert): Record<string, unknown>[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'linkerd-identity-trust-roots', namespace: 'linkerd', labels: { 'linkerd.io/control-plane-ns': 'linkerd' } },
      data: { 'ca-bundle.crt': anchors.map((a) => a.pem.trim()).join('\n') },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd', labels: { 'linkerd.io/control-plane-ns': 'linkerd' } },
      data: { 'crt.pem': b64(issuerCert.pem), 'key.pem': b64(issuerCert.keyPem) },
    },
  ];
}
