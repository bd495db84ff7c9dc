/**
 * Identity's non-workload objects: the issuer Secret (only for the `linkerd.io/tls` scheme: with
 * `kubernetes.io/tls`, cert-manager owns the Secret) and the trust-roots ConfigMap (unless
 * `identity.externalCA`, where it exists already).
 */
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { ISSUER_SCHEME_LINKERD } from '../../lib/k8s/labels.js';
import type { ControlPlaneContext } from './context.js';
import { controlPlaneLabels, createdByAnnotations } from './labels.js';

export { ISSUER_SCHEME_LINKERD };

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function identityIssuerSecret(ctx: ControlPlaneContext): ISecret[] {
  const { issuer } = ctx.values.identity;
  if (issuer.scheme !== ISSUER_SCHEME_LINKERD) return [];
  // Upstream's template `required`s both: refused before rendering (lib/assembly/render-checks.ts).
  const crt = (issuer.tls.crtPEM ?? '').trim();
  const key = (issuer.tls.keyPEM ?? '').trim();
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
