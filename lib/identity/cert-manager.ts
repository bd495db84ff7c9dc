/**
 * The cert-manager identity mode as plain objects: everything needed so that no private key ever
 * passes through a render.
 *
 * - cert-manager namespace: a self-signed `Issuer`; per trust-anchor generation a CA `Certificate`
 *   and a `ClusterIssuer` over its Secret; the webhook CA `Certificate` and its `ClusterIssuer`.
 * - cluster: trust-manager's `Bundle` `linkerd-identity-trust-roots`, which writes the anchors'
 *   certificates (every generation, oldest first) into a ConfigMap of that name in the control-plane
 *   namespace (selected by its `linkerd.io/is-control-plane: "true"` label).
 * - control-plane namespace: the identity issuer `Certificate` (Secret `linkerd-identity-issuer`,
 *   read by identity with `identity.issuer.scheme: kubernetes.io/tls`) and the three webhook serving
 *   `Certificate`s; viz namespace: `tap` and `tap-injector`.
 * - values overlays telling the charts to render neither the issuer Secret, nor the trust-roots
 *   ConfigMap, nor the webhook Secrets, and to let cert-manager's CA injector fill in the CA bundles.
 *
 * Object names are fixed: rotation checks find the objects by them.
 */
import { TRUST_ROOTS_CONFIGMAP, TRUST_ROOTS_KEY } from '../k8s/names.js';
import type { ValueTree } from '../values/tree.js';
import { trustAnchorName, type ResolvedCertManagerIdentity } from './cert-manager-options.js';
import { CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS, type WebhookSpec } from './webhook-certs.js';
import { CONTROL_PLANE_COMPONENT_LABEL, CONTROL_PLANE_NS_LABEL, EXTENSION_LABEL, ISSUER_SCHEME_KUBERNETES, IS_CONTROL_PLANE_LABEL } from '../k8s/labels.js';

export const CERT_MANAGER_API_VERSION = 'cert-manager.io/v1';
export const TRUST_MANAGER_API_VERSION = 'trust.cert-manager.io/v1alpha1';
export const CERT_MANAGER_GROUP = 'cert-manager.io';

/** The self-signed Issuer (cert-manager namespace) that signs the trust anchors and the webhook CA. */
export const SELF_SIGNED_ISSUER = 'linkerd-self-signed';
/** The webhook CA: Certificate, Secret and ClusterIssuer of that name. */
export const WEBHOOK_CA = 'linkerd-webhook-ca';
/** The identity issuer: Certificate and Secret (control-plane namespace). */
export const IDENTITY_ISSUER = 'linkerd-identity-issuer';
/** The label on the control-plane namespace that the Bundle's target selects. */

/** A webhook's Certificate name (its Service's name) and Secret (`<name>-k8s-tls`, which the charts mount). */
export function webhookCertificateName(webhook: WebhookSpec): string {
  return webhook.serviceName;
}
export function webhookSecretName(webhook: WebhookSpec): string {
  return `${webhook.serviceName}-k8s-tls`;
}

// ---- object types (the fields meshform sets; cert-manager's and trust-manager's CRDs have more) ----

export type LabelMap = Readonly<Record<string, string>>;

export interface CertManagerObjectMeta {
  readonly name: string;
  /** Absent for cluster-scoped kinds (ClusterIssuer, Bundle). */
  readonly namespace?: string;
  readonly labels: LabelMap;
  readonly annotations?: LabelMap;
}

export interface IssuerReference {
  readonly name: string;
  readonly kind: 'Issuer' | 'ClusterIssuer';
  readonly group: typeof CERT_MANAGER_GROUP;
}

export interface CertificatePrivateKey {
  readonly algorithm: 'ECDSA' | 'RSA' | 'Ed25519';
  readonly size: number;
  /** `Never` keeps the key across renewals; `Always` makes a new one each time. */
  readonly rotationPolicy: 'Never' | 'Always';
}

export type KeyUsage = 'cert sign' | 'crl sign' | 'server auth' | 'client auth' | 'digital signature' | 'key encipherment';

export interface CertificateSpec {
  readonly secretName: string;
  readonly isCA?: boolean;
  readonly commonName?: string;
  readonly dnsNames?: readonly string[];
  readonly duration: string;
  readonly renewBefore?: string;
  readonly privateKey: CertificatePrivateKey;
  readonly usages: readonly KeyUsage[];
  readonly issuerRef: IssuerReference;
}

export interface Certificate {
  readonly apiVersion: typeof CERT_MANAGER_API_VERSION;
  readonly kind: 'Certificate';
  readonly metadata: CertManagerObjectMeta;
  readonly spec: CertificateSpec;
}

export interface IssuerSpec {
  /** A self-signed issuer (`{}`). */
  readonly selfSigned?: Readonly<Record<string, never>>;
  /** A CA issuer over a `kubernetes.io/tls` Secret holding the CA and its key. */
  readonly ca?: { readonly secretName: string };
}

export interface Issuer {
  readonly apiVersion: typeof CERT_MANAGER_API_VERSION;
  readonly kind: 'Issuer';
  readonly metadata: CertManagerObjectMeta;
  readonly spec: IssuerSpec;
}

export interface ClusterIssuer {
  readonly apiVersion: typeof CERT_MANAGER_API_VERSION;
  readonly kind: 'ClusterIssuer';
  readonly metadata: CertManagerObjectMeta;
  readonly spec: IssuerSpec;
}

export interface BundleSource {
  /** A key of a Secret in trust-manager's trust namespace. */
  readonly secret: { readonly name: string; readonly key: string };
}

export interface BundleTarget {
  readonly configMap: { readonly key: string };
  readonly namespaceSelector: { readonly matchLabels: LabelMap };
}

export interface Bundle {
  readonly apiVersion: typeof TRUST_MANAGER_API_VERSION;
  readonly kind: 'Bundle';
  readonly metadata: CertManagerObjectMeta;
  readonly spec: { readonly sources: readonly BundleSource[]; readonly target: BundleTarget };
}

export type CertManagerObject = Certificate | Issuer | ClusterIssuer | Bundle;

// ---- labels ----

/**
 * `app.kubernetes.io/part-of: Linkerd`, the extra labels (a component), the control plane's
 * namespace, then the user's labels, which win on a clash (as `commonLabels` do in the charts).
 */
function labelsFor(r: ResolvedCertManagerIdentity, extra: LabelMap = {}): LabelMap {
  return { 'app.kubernetes.io/part-of': 'Linkerd', ...extra, [CONTROL_PLANE_NS_LABEL]: r.controlPlaneNamespace, ...r.labels };
}

const identityLabels = (r: ResolvedCertManagerIdentity): LabelMap => labelsFor(r, { [CONTROL_PLANE_COMPONENT_LABEL]: 'identity' });
const webhookLabels = (r: ResolvedCertManagerIdentity, component: string): LabelMap =>
  labelsFor(r, { [CONTROL_PLANE_COMPONENT_LABEL]: component });
const vizLabels = (r: ResolvedCertManagerIdentity, component: string): LabelMap => labelsFor(r, { [EXTENSION_LABEL]: 'viz', component });

/** The control-plane component serving a webhook (the validators run in the destination pod). */
function webhookComponent(webhook: WebhookSpec): string {
  return webhook.name === 'proxy-injector' ? 'proxy-injector' : 'destination';
}

// ---- builders ----

const ecdsa = (rotationPolicy: CertificatePrivateKey['rotationPolicy']): CertificatePrivateKey => ({ algorithm: 'ECDSA', size: 256, rotationPolicy });
const issuerRef = (name: string, kind: IssuerReference['kind']): IssuerReference => ({ name, kind, group: CERT_MANAGER_GROUP });

function certificate(metadata: CertManagerObjectMeta, spec: CertificateSpec): Certificate {
  return { apiVersion: CERT_MANAGER_API_VERSION, kind: 'Certificate', metadata, spec };
}

function clusterIssuer(name: string, labels: LabelMap, secretName: string): ClusterIssuer {
  return { apiVersion: CERT_MANAGER_API_VERSION, kind: 'ClusterIssuer', metadata: { name, labels }, spec: { ca: { secretName } } };
}

export interface IdentityIssuerCertificateArgs {
  /** The control-plane namespace (where identity reads the Secret). */
  readonly namespace: string;
  readonly trustDomain: string;
  /** The CA that signs the issuer: a trust anchor's (Cluster)Issuer. */
  readonly issuerRef: { readonly name: string; readonly kind: IssuerReference['kind'] };
  /** @default '48h' */
  readonly duration?: string;
  /** @default '25h' */
  readonly renewBefore?: string;
  readonly labels: LabelMap;
  /** @default - none */
  readonly annotations?: LabelMap;
}

/**
 * The identity issuer `Certificate` (Secret `linkerd-identity-issuer` with `tls.crt`, `tls.key`,
 * `ca.crt`): an intermediate CA for `identity.linkerd.<trustDomain>` with a fresh key at each renewal.
 * Shared by the cdk8s constructs and the Pulumi stack's cert-manager mode.
 */
export function identityIssuerCertificate(args: IdentityIssuerCertificateArgs): Certificate {
  const cn = `identity.linkerd.${args.trustDomain}`;
  return certificate(
    { name: IDENTITY_ISSUER, namespace: args.namespace, labels: { ...args.labels }, ...(args.annotations ? { annotations: { ...args.annotations } } : {}) },
    {
      secretName: IDENTITY_ISSUER,
      isCA: true,
      commonName: cn,
      dnsNames: [cn],
      duration: args.duration ?? '48h',
      renewBefore: args.renewBefore ?? '25h',
      privateKey: ecdsa('Always'),
      usages: ['cert sign', 'crl sign', 'server auth', 'client auth'],
      issuerRef: issuerRef(args.issuerRef.name, args.issuerRef.kind),
    },
  );
}

/**
 * Objects in cert-manager's namespace plus the cluster-scoped ones, in apply order: the self-signed
 * Issuer, each trust-anchor generation (Certificate, ClusterIssuer), the webhook CA (Certificate,
 * ClusterIssuer), then the trust Bundle.
 */
export function certManagerClusterObjects(r: ResolvedCertManagerIdentity): CertManagerObject[] {
  const labels = identityLabels(r);
  const selfSigned: Issuer = {
    apiVersion: CERT_MANAGER_API_VERSION,
    kind: 'Issuer',
    metadata: { name: SELF_SIGNED_ISSUER, namespace: r.namespace, labels },
    spec: { selfSigned: {} },
  };
  // Anchors rotate explicitly, by generations: the key never changes under a generation.
  const anchors = r.trustAnchors.flatMap((g) =>
    selfSignedCa(r, trustAnchorName(g), `root.linkerd.${r.trustDomain}`, r.trustAnchorDuration, 'Never', labels),
  );
  // Shared by the control plane's webhooks and viz's (no component label). Safe to re-key: each
  // webhook's CA bundle is injected from its own Secret's ca.crt.
  const webhookCa = selfSignedCa(r, WEBHOOK_CA, `webhook.linkerd.${r.trustDomain}`, r.webhookCaDuration, 'Always', labelsFor(r));
  const bundle: Bundle = {
    apiVersion: TRUST_MANAGER_API_VERSION,
    kind: 'Bundle',
    // Named as the ConfigMap it writes (trust-manager names the target after the Bundle).
    metadata: { name: TRUST_ROOTS_CONFIGMAP, labels },
    spec: {
      sources: r.trustAnchors.map((g) => ({ secret: { name: trustAnchorName(g), key: 'tls.crt' } })),
      target: { configMap: { key: TRUST_ROOTS_KEY }, namespaceSelector: { matchLabels: { [IS_CONTROL_PLANE_LABEL]: 'true' } } },
    },
  };
  return [selfSigned, ...anchors, ...webhookCa, bundle];
}

/** A CA Certificate in cert-manager's namespace, signed by the self-signed Issuer, and the ClusterIssuer over its Secret. */
function selfSignedCa(
  r: ResolvedCertManagerIdentity,
  name: string,
  commonName: string,
  duration: string,
  rotationPolicy: CertificatePrivateKey['rotationPolicy'],
  labels: LabelMap,
): [Certificate, ClusterIssuer] {
  return [
    certificate(
      { name, namespace: r.namespace, labels },
      {
        secretName: name,
        isCA: true,
        commonName,
        duration,
        privateKey: ecdsa(rotationPolicy),
        usages: ['cert sign', 'crl sign'],
        issuerRef: issuerRef(SELF_SIGNED_ISSUER, 'Issuer'),
      },
    ),
    clusterIssuer(name, labels, name),
  ];
}

function webhookCertificate(r: ResolvedCertManagerIdentity, webhook: WebhookSpec, namespace: string, labels: LabelMap): Certificate {
  return certificate(
    { name: webhookCertificateName(webhook), namespace, labels },
    {
      secretName: webhookSecretName(webhook),
      dnsNames: [`${webhook.serviceName}.${namespace}.svc`],
      duration: r.webhookDuration,
      renewBefore: r.webhookRenewBefore,
      privateKey: ecdsa('Always'),
      usages: ['server auth'],
      issuerRef: issuerRef(WEBHOOK_CA, 'ClusterIssuer'),
    },
  );
}

/** Control-plane namespace: the identity issuer Certificate, then the three webhook Certificates. */
export function certManagerControlPlaneObjects(r: ResolvedCertManagerIdentity): Certificate[] {
  return [
    identityIssuerCertificate({
      namespace: r.controlPlaneNamespace,
      trustDomain: r.trustDomain,
      issuerRef: { name: trustAnchorName(r.signingTrustAnchor), kind: 'ClusterIssuer' },
      duration: r.issuerDuration,
      renewBefore: r.issuerRenewBefore,
      labels: identityLabels(r),
    }),
    ...CONTROL_PLANE_WEBHOOKS.map((w) => webhookCertificate(r, w, r.controlPlaneNamespace, webhookLabels(r, webhookComponent(w)))),
  ];
}

/** viz namespace: the `tap` and `tap-injector` serving Certificates. */
export function certManagerVizObjects(r: ResolvedCertManagerIdentity): Certificate[] {
  return VIZ_WEBHOOKS.map((w) => webhookCertificate(r, w, r.vizNamespace, vizLabels(r, w.name)));
}

function externalWebhookValues(webhooks: readonly WebhookSpec[], namespace: string): ValueTree {
  const out: ValueTree = {};
  for (const w of webhooks) out[w.valuesKey] = { externalSecret: true, injectCaFrom: `${namespace}/${webhookCertificateName(w)}` };
  return out;
}

/**
 * Control-plane values: identity reads the cert-manager Secret (`kubernetes.io/tls`), the trust
 * roots come from trust-manager (`externalCA`), and the webhooks use cert-manager's Secrets and CA
 * injection. Merge it under the user's values so theirs still win.
 */
export function certManagerControlPlaneValues(r: ResolvedCertManagerIdentity): ValueTree {
  return {
    identity: { issuer: { scheme: ISSUER_SCHEME_KUBERNETES }, externalCA: true },
    ...externalWebhookValues(CONTROL_PLANE_WEBHOOKS, r.controlPlaneNamespace),
  };
}

/** viz values: tap and tap-injector use cert-manager's Secrets and CA injection. */
export function certManagerVizValues(r: ResolvedCertManagerIdentity): ValueTree {
  return externalWebhookValues(VIZ_WEBHOOKS, r.vizNamespace);
}
