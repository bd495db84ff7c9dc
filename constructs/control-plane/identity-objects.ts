/**
 * Identity's non-workload objects: the issuer Secret (only for the `linkerd.io/tls` scheme: with
 * `kubernetes.io/tls`, cert-manager owns the Secret) and the trust-roots ConfigMap (unless
 * `identity.externalCA`, where it exists already).
 */
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { MeshformError } from '../../lib/errors.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';

export const ISSUER_SCHEME_LINKERD = 'linkerd.io/tls';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function identityIssuerSecret(ctx: ControlPlaneContext): ISecret[] {
  const { issuer } = ctx.values.identity;
  if (issuer.scheme !== ISSUER_SCHEME_LINKERD) return [];
  const crt = (issuer.tls.crtPEM ?? '').trim();
  const key = (issuer.tls.keyPEM ?? '').trim();
  // Upstream's template `required`s both; report both at once.
  const missing = [
    ...(crt ? [] : [{ path: 'identity.issuer.tls.crtPEM', value: undefined, message: 'Please provide the identity issuer certificate' }]),
    ...(key ? [] : [{ path: 'identity.issuer.tls.keyPEM', value: undefined, message: 'Please provide the identity issuer private key' }]),
  ];
  if (missing.length) throw new MeshformError('identity issuer is incomplete', missing);
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'linkerd-identity-issuer',
        namespace: ctx.namespace,
        labels: controlPlaneLabels(ctx, { component: 'identity' }),
        annotations: createdByAnnotations(ctx),
      },
      data: { 'crt.pem': b64(crt), 'key.pem': b64(key) },
    },
  ];
}

export function identityTrustRoots(ctx: ControlPlaneContext): IConfigMap[] {
  if (ctx.values.identity.externalCA) return [];
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'linkerd-identity-trust-roots',
        namespace: ctx.namespace,
        labels: controlPlaneLabels(ctx, { component: 'identity' }),
        annotations: createdByAnnotations(ctx),
      },
      data: { 'ca-bundle.crt': (ctx.values.identityTrustAnchorsPEM ?? '').trim() },
    },
  ];
}
