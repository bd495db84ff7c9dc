/**
 * `MeshIdentity`: the mesh's trust anchor and identity issuer, as the control plane (rendered with
 * `identity.issuer.scheme: kubernetes.io/tls`, `identity.externalCA: true`) expects them:
 * the `linkerd-identity-trust-roots` ConfigMap (`ca-bundle.crt`) and the `linkerd-identity-issuer`
 * Secret (`tls.crt`, `tls.key`, `ca.crt`). Three sources:
 * - `generated`: `@pulumi/tls` keys and certificates (ECDSA P-256; anchor ~10y with certSign/crlSign,
 *   issuer ~1y CA signed by it, both CN `identity.linkerd.<trustDomain>`). Keys stay secret Outputs.
 * - `provided`: PEMs from the caller (the issuer key should be a secret Output, e.g. `requireSecret`).
 * - `external-issuer`: a CA `Issuer` over the user's trust-anchor Secret and a `Certificate` that keeps
 *   `linkerd-identity-issuer` renewed; only the anchor's public certificate passes through the stack.
 * The trust-roots ConfigMap and the issuer Secret are retained on delete (render/resource-policy.ts):
 * in another identity mode cert-manager / trust-manager write them, so a mode switch must not delete them.
 */
import * as pulumi from '@pulumi/pulumi';
import * as tls from '@pulumi/tls';
import { IDENTITY_ISSUER, identityIssuerCertificate } from '../../lib/identity/cert-manager.js';
import { TRUST_ROOTS_CONFIGMAP } from '../../lib/k8s/names.js';
import type { IdentityMode } from '../config.js';
import { createPolicedKubeResource, type KubeManifest } from './kube-resource.js';

export interface ProvidedIdentity {
  readonly trustAnchorPem: pulumi.Input<string>;
  readonly issuerCertPem: pulumi.Input<string>;
  /** Should be secret; it is made secret regardless. */
  readonly issuerKeyPem: pulumi.Input<string>;
}

export interface CertManagerIdentity {
  /** The trust anchor's certificate (public), published in the trust-roots ConfigMap. */
  readonly trustAnchorPem: pulumi.Input<string>;
  /** Existing `kubernetes.io/tls` Secret in the control-plane namespace holding the anchor and its key. @default 'linkerd-trust-anchor' */
  readonly caSecretName?: string;
  /** Issuer certificate lifetime. @default '48h' (upstream's cert-manager guide) */
  readonly duration?: string;
  /** @default '25h' */
  readonly renewBefore?: string;
}

/**
 * The modes whose identity the stack creates. `cert-manager` is not one: there cert-manager and
 * trust-manager provision identity in-cluster, from the construct's `cert-manager-identity` chart.
 */
export type StackIdentityMode = Exclude<IdentityMode, 'cert-manager'>;

export interface MeshIdentityArgs {
  readonly mode: StackIdentityMode;
  /** Control-plane namespace. */
  readonly namespace: string;
  readonly trustDomain: string;
  /** Labels and annotations of the identity objects (the control plane's own). @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default {} */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Required for `provided`. @default - none */
  readonly provided?: ProvidedIdentity;
  /** Required for `external-issuer`. @default - none */
  readonly certManager?: CertManagerIdentity;
  /** Trust-anchor validity (`generated`). @default 87600 (10 years) */
  readonly trustAnchorValidityHours?: number;
  /** Issuer validity (`generated`). @default 8760 (1 year) */
  readonly issuerValidityHours?: number;
  /** Prefix of the child resource names. @default - the component's name */
  readonly namePrefix?: string;
}

export const ISSUER_SECRET = IDENTITY_ISSUER;
export { TRUST_ROOTS_CONFIGMAP };

const b64 = (text: string): string => Buffer.from(text.trim(), 'utf8').toString('base64');

interface IssuerMaterial {
  readonly trustAnchorPem: pulumi.Output<string>;
  /** Absent with cert-manager, which writes the Secret itself. */
  readonly issuer?: { readonly certPem: pulumi.Output<string>; readonly keyPem: pulumi.Output<string> };
}

export class MeshIdentity extends pulumi.ComponentResource {
  /** Trust-anchor certificate PEM (public). */
  readonly trustAnchorPem: pulumi.Output<string>;
  /** Issuer certificate PEM (public); unknown with cert-manager, which renews it in-cluster. */
  readonly issuerCertPem?: pulumi.Output<string>;
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: MeshIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:MeshIdentity', name, {}, opts);
    const prefix = args.namePrefix ?? name;
    const child = { parent: this };
    const cn = `identity.linkerd.${args.trustDomain}`;
    const material = this.material(prefix, args, cn, child);
    const metadata = (objName: string) => ({
      name: objName,
      namespace: args.namespace,
      labels: { ...args.labels },
      ...(args.annotations ? { annotations: { ...args.annotations } } : {}),
    });

    const objects: KubeManifest[] = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(TRUST_ROOTS_CONFIGMAP), data: { 'ca-bundle.crt': material.trustAnchorPem.apply((p) => p.trim()) } },
    ];
    if (material.issuer) {
      const { certPem, keyPem } = material.issuer;
      objects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: metadata(ISSUER_SECRET),
        data: pulumi.secret(
          pulumi.all([certPem, keyPem, material.trustAnchorPem]).apply(([c, k, a]) => ({ 'tls.crt': b64(c), 'tls.key': b64(k), 'ca.crt': b64(a) })),
        ),
      });
    } else {
      objects.push(...certManagerObjects(args, metadata));
    }
    // The policy retains the objects cert-manager / trust-manager take over in another identity mode.
    this.resources = objects.map((o) => createPolicedKubeResource(prefix, o, child));
    this.trustAnchorPem = material.trustAnchorPem;
    this.issuerCertPem = material.issuer?.certPem;
    this.registerOutputs({ trustAnchorPem: this.trustAnchorPem, issuerCertPem: this.issuerCertPem });
  }

  private material(prefix: string, args: MeshIdentityArgs, cn: string, opts: pulumi.CustomResourceOptions): IssuerMaterial {
    switch (args.mode) {
      case 'provided': {
        const p = args.provided;
        if (!p) throw new Error("identity mode 'provided' needs the trust anchor, issuer certificate and issuer key");
        return {
          trustAnchorPem: pulumi.output(p.trustAnchorPem),
          issuer: { certPem: pulumi.output(p.issuerCertPem), keyPem: pulumi.secret(p.issuerKeyPem) },
        };
      }
      case 'external-issuer': {
        const c = args.certManager;
        if (!c) throw new Error("identity mode 'external-issuer' needs the trust anchor's certificate");
        return { trustAnchorPem: pulumi.output(c.trustAnchorPem) };
      }
      case 'generated':
        return generate(prefix, args, cn, opts);
    }
  }
}

function generate(prefix: string, args: MeshIdentityArgs, cn: string, opts: pulumi.CustomResourceOptions): IssuerMaterial {
  const ecdsa = { algorithm: 'ECDSA', ecdsaCurve: 'P256' };
  const anchorKey = new tls.PrivateKey(`${prefix}-trust-anchor-key`, ecdsa, opts);
  const anchor = new tls.SelfSignedCert(
    `${prefix}-trust-anchor`,
    {
      privateKeyPem: anchorKey.privateKeyPem,
      subject: { commonName: cn },
      dnsNames: [cn],
      isCaCertificate: true,
      maxPathLength: 1,
      validityPeriodHours: args.trustAnchorValidityHours ?? 87600,
      allowedUses: ['cert_signing', 'crl_signing'],
    },
    opts,
  );
  const issuerKey = new tls.PrivateKey(`${prefix}-issuer-key`, ecdsa, opts);
  const request = new tls.CertRequest(
    `${prefix}-issuer-request`,
    { privateKeyPem: issuerKey.privateKeyPem, subject: { commonName: cn }, dnsNames: [cn] },
    opts,
  );
  const issuer = new tls.LocallySignedCert(
    `${prefix}-issuer`,
    {
      certRequestPem: request.certRequestPem,
      caCertPem: anchor.certPem,
      caPrivateKeyPem: pulumi.secret(anchorKey.privateKeyPem),
      isCaCertificate: true,
      maxPathLength: 0,
      validityPeriodHours: args.issuerValidityHours ?? 8760,
      // Replaced on the next `pulumi up` within 30 days of expiry.
      earlyRenewalHours: 720,
      allowedUses: ['cert_signing', 'crl_signing'],
    },
    opts,
  );
  return { trustAnchorPem: anchor.certPem, issuer: { certPem: issuer.certPem, keyPem: pulumi.secret(issuerKey.privateKeyPem) } };
}

/**
 * cert-manager objects: a CA `Issuer` over the anchor Secret and the issuer `Certificate` (the same
 * definition as the cdk8s cert-manager mode's, from `identityIssuerCertificate`).
 */
function certManagerObjects(args: MeshIdentityArgs, metadata: (name: string) => KubeManifest['metadata']): KubeManifest[] {
  const c = args.certManager as CertManagerIdentity;
  const anchorIssuer = 'linkerd-trust-anchor';
  const certificate = identityIssuerCertificate({
    namespace: args.namespace,
    trustDomain: args.trustDomain,
    issuerRef: { name: anchorIssuer, kind: 'Issuer' },
    duration: c.duration,
    renewBefore: c.renewBefore,
    labels: args.labels ?? {},
    annotations: args.annotations,
  });
  return [
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Issuer',
      metadata: metadata(anchorIssuer),
      spec: { ca: { secretName: c.caSecretName ?? 'linkerd-trust-anchor' } },
    },
    { ...certificate, metadata: { ...certificate.metadata } },
  ];
}
