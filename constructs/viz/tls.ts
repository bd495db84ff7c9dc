/**
 * Serving TLS of the tap API server (behind the APIService) and the tap-injector webhook: the
 * `*-k8s-tls` Secret unless external, and how the API server learns the CA (a `caBundle`, or a
 * cert-manager CA-injector annotation). Validation guarantees the PEMs needed here are present.
 */
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { CERT_MANAGER_CA_INJECTION } from '../../lib/k8s/labels.js';
import type { KubeObject } from '../../lib/manifest.js';
import type { StringMap, VizWebhookTlsValues } from '../../lib/values/viz/types.js';
import { createdBy, kube, objectLabels, type VizContext } from './context.js';

const b64 = (pem: string): string => Buffer.from(pem.trim(), 'utf8').toString('base64');

export function tlsSecret(ctx: VizContext, name: string, labels: StringMap, tls: VizWebhookTlsValues): KubeObject[] {
  if (tls.externalSecret) return [];
  const secret: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: ctx.namespace, labels: objectLabels(ctx, labels), annotations: createdBy(ctx) },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': b64(tls.crtPEM), 'tls.key': b64(tls.keyPEM) },
  };
  return [kube(secret)];
}

const injected = (tls: VizWebhookTlsValues): boolean => Boolean(tls.injectCaFrom?.trim() || tls.injectCaFromSecret?.trim());

/** cert-manager's CA injector fills in the bundle when one of these is set. */
export function caInjectionAnnotations(tls: VizWebhookTlsValues): Record<string, string> | undefined {
  if (!injected(tls)) return undefined;
  return {
    ...(tls.injectCaFrom ? { [CERT_MANAGER_CA_INJECTION.fromCertificate]: tls.injectCaFrom } : {}),
    ...(tls.injectCaFromSecret ? { [CERT_MANAGER_CA_INJECTION.fromSecret]: tls.injectCaFromSecret } : {}),
  };
}

/** `{ caBundle }` unless cert-manager injects it. */
export function caBundleField(tls: VizWebhookTlsValues): { caBundle?: string } {
  return injected(tls) ? {} : { caBundle: b64(tls.caBundle) };
}
