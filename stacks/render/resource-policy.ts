/**
 * Per-object Pulumi resource options that make a real engine behave (issue #14):
 * - CRDs are retained on delete (`retainOnDelete`) unless the caller opts out: deleting a CRD
 *   deletes every custom resource of it — every user's Server, HTTPRoute, ServiceProfile.
 * - Objects another controller takes over in another identity mode are retained on delete: the
 *   issuer Secret and webhook `*-k8s-tls` Secrets (cert-manager writes them from Certificates) and
 *   the trust-roots ConfigMap (trust-manager's Bundle target). When the mode switches, the stack
 *   stops managing them instead of deleting what cert-manager / trust-manager now own. On destroy
 *   they still go: they live in the control-plane namespace, which is deleted.
 * - The multicluster gateway Service may opt out of awaiting (`pulumi.com/skipAwait`) or get a
 *   shorter await: a `LoadBalancer` Service waits for an address, 10 minutes by default, which a
 *   cluster without a load-balancer controller never assigns.
 * Pure data, tested without Pulumi.
 */
import type { KubeObject } from '../../lib/manifest.js';
import { IDENTITY_ISSUER } from '../../lib/identity/cert-manager.js';
import { TRUST_ROOTS_CONFIGMAP } from '../../lib/k8s/names.js';

/** pulumi-kubernetes' annotation that skips a resource's await logic. */
export const SKIP_AWAIT_ANNOTATION = 'pulumi.com/skipAwait';

export interface GatewayAwait {
  /** The gateway Service. */
  readonly namespace: string;
  readonly name: string;
  /** Wait for the Service to be ready (a `LoadBalancer` for its address). @default true */
  readonly await?: boolean;
  /** Await timeout; 0 is the provider's (10 minutes). @default 0 */
  readonly timeoutSeconds?: number;
}

export interface ResourcePolicyOptions {
  /** Keep CRDs (and so every custom resource) when the stack deletes them. @default true */
  readonly retainCrds?: boolean;
  /** The multicluster gateway Service's await. @default - awaited like any Service */
  readonly gateway?: GatewayAwait;
}

/** The Pulumi options for one object, and the object with any annotation they need. */
export interface ObjectPolicy {
  readonly object: KubeObject;
  /** @default false */
  readonly retainOnDelete?: boolean;
  /** @default - the provider's timeouts */
  readonly customTimeouts?: { readonly create: string; readonly update: string };
}

const TLS_SECRET_TYPE = 'kubernetes.io/tls';

/** True for an object cert-manager or trust-manager writes in another identity mode. */
export function handedOverInOtherModes(obj: KubeObject): boolean {
  const name = obj.metadata?.name ?? '';
  if (obj.apiVersion !== 'v1') return false;
  if (obj.kind === 'ConfigMap') return name === TRUST_ROOTS_CONFIGMAP;
  return obj.kind === 'Secret' && obj.type === TLS_SECRET_TYPE && (name === IDENTITY_ISSUER || name.endsWith('-k8s-tls'));
}

const isCrd = (obj: KubeObject): boolean => obj.kind === 'CustomResourceDefinition' && obj.apiVersion.startsWith('apiextensions.k8s.io/');

function withAnnotation(obj: KubeObject, key: string, value: string): KubeObject {
  const metadata = obj.metadata ?? {};
  const annotations = { ...((metadata.annotations as Record<string, unknown> | undefined) ?? {}), [key]: value };
  return { ...obj, metadata: { ...metadata, annotations } };
}

export function objectPolicy(obj: KubeObject, options: ResourcePolicyOptions = {}): ObjectPolicy {
  const retain = (isCrd(obj) && options.retainCrds !== false) || handedOverInOtherModes(obj);
  const g = options.gateway;
  const isGateway = g !== undefined && obj.apiVersion === 'v1' && obj.kind === 'Service' && obj.metadata?.namespace === g.namespace && obj.metadata?.name === g.name;
  if (!isGateway) return { object: obj, ...(retain ? { retainOnDelete: true } : {}) };
  if (g.await === false) return { object: withAnnotation(obj, SKIP_AWAIT_ANNOTATION, 'true') };
  const timeout = g.timeoutSeconds ? `${g.timeoutSeconds}s` : undefined;
  return { object: obj, ...(timeout ? { customTimeouts: { create: timeout, update: timeout } } : {}) };
}
