/**
 * Trust-anchor rotation as code: what the proxies trust (`TrustState`), and the check that refuses a
 * rotation step that would break running proxies (`checkRotationStep`).
 *
 * Proxies load the trust-anchor bundle when they start and verify every peer's workload certificate
 * against it; the identity issuer signs those certificates, which live `issuanceLifetime` (24h). So
 * replacing an anchor safely takes three deployments:
 *
 * 1. `bundle`: anchors = old + new, issuer unchanged; then restart meshed workloads so every proxy
 *    trusts both anchors;
 * 2. `issuer`: a new issuer signed by the new anchor; wait `issuanceLifetime` so every workload
 *    certificate is re-issued by it;
 * 3. `prune`: anchors = new only.
 *
 * The state is mode-independent: anchors are identified by the SHA-256 fingerprint of their DER for
 * PEM material (`sha256:<hex>`) and by their generation for cert-manager (`generation:<g>`). Reading
 * states from rendered manifests is in `trust-state-manifests.ts`; the PEM planner in `rotation-plan.ts`.
 *
 * Pure functions of their input.
 */
import type { X509Certificate } from 'node:crypto';
import { MeshformError } from '../errors.js';
import { certName, findSigner, type Finding, type FindingSeverity } from './check.js';
import { parseCertificatesPem } from './pem.js';

/** How the identity material is managed: PEM values (store, generated, provided) or cert-manager. */
export type TrustMode = 'pem' | 'cert-manager';

/** One anchor the proxies trust. */
export interface TrustAnchorRef {
  /** Stable across renders: `sha256:<hex of the DER>` for PEM, `generation:<g>` for cert-manager. */
  readonly id: string;
  /** How messages name it, e.g. `identity.linkerd.cluster.local, serial 3f…` or `generation 2 (Secret linkerd-trust-anchor-2)`. */
  readonly label: string;
}

/** The identity issuer, as far as trust is concerned. */
export interface IssuerRef {
  /** Stable across renders: `sha256:<hex>` of the certificate, or `certificate:<namespace>/<name>` for cert-manager. */
  readonly id: string;
  /** How messages name it. */
  readonly label: string;
  /**
   * The id of the anchor that signs the issuer. PEM: found by verifying the issuer against the bundle's
   * anchors. cert-manager: the generation its `issuerRef` names (which may be missing from the bundle).
   * @default - not determined: a PEM issuer none of the bundle's anchors signed, or an `issuerRef`
   *   that is not a trust-anchor generation
   */
  readonly signerId?: string;
  /** How messages name the signer: the anchor's label, or what is known about it (the issuer's issuer name, the issuerRef). */
  readonly signerLabel: string;
}

/** The trust the mesh is (or would be) deployed with. */
export interface TrustState {
  readonly mode: TrustMode;
  /** The anchors proxies trust, in bundle order. */
  readonly anchors: readonly TrustAnchorRef[];
  /**
   * The identity issuer.
   * @default - unknown (e.g. an external issuer Secret managed outside the render)
   */
  readonly issuer?: IssuerRef;
}

/** The three steps of an anchor rotation, in order. */
export type RotationPhase = 'bundle' | 'issuer' | 'prune';

export interface RotationCheckOptions {
  /**
   * `identity.issuer.issuanceLifetime`, for the instruction to wait before pruning.
   * @default '24h0m0s'
   */
  readonly issuanceLifetime?: string;
}

/** The rotation checks' category and descriptions. */
export const ROTATION_CATEGORY = 'linkerd-identity' as const;
export const ROTATION_CHECKS = {
  issuerInBundle: 'trust-anchor rotation: the issuer is signed by an anchor in the bundle',
  issuerTrusted: 'trust-anchor rotation: running proxies trust the issuer',
  anchorsInUse: 'trust-anchor rotation: anchors in use stay in the bundle',
} as const;
/** Upstream's task page for rotating the trust anchor. */
export const ROTATION_HINT = 'https://linkerd.io/2/tasks/manually-rotating-control-plane-tls-credentials/';

const SHA256 = 'sha256:';

/** `sha256:<lowercase hex>` of the certificate's DER: the anchor's id for PEM material. */
export function certificateId(cert: X509Certificate): string {
  return SHA256 + cert.fingerprint256.replace(/:/g, '').toLowerCase();
}

/** `identity.linkerd.cluster.local, serial 3f…`: names a certificate independently of its bundle position. */
export function certificateLabel(cert: X509Certificate): string {
  return `${certName(cert)}, serial ${cert.serialNumber}`;
}

/**
 * The trust state of PEM material: `identityTrustAnchorsPEM` and `identity.issuer.tls.crtPEM`.
 * Throws a `MeshformError` when the PEM does not parse (run `checkIdentity` for the details).
 */
export function trustStateFromPem(anchorsPem: string, issuerCertPem?: string): TrustState {
  const anchors = parseCertificates(anchorsPem, 'trust anchors (identityTrustAnchorsPEM)');
  const refs = anchorRefs(anchors);
  if (!issuerCertPem?.trim()) return { mode: 'pem', anchors: refs };
  const issuer = parseCertificates(issuerCertPem, 'issuer certificate (identity.issuer.tls.crtPEM)')[0];
  return { mode: 'pem', anchors: refs, issuer: issuerRef(issuer, anchors, refs) };
}

/** Ids and labels of parsed anchors, duplicates (the same certificate twice) dropped. */
export function anchorRefs(anchors: readonly X509Certificate[]): TrustAnchorRef[] {
  const refs: TrustAnchorRef[] = [];
  for (const a of anchors) {
    const id = certificateId(a);
    if (!refs.some((r) => r.id === id)) refs.push({ id, label: certificateLabel(a) });
  }
  return refs;
}

/** The issuer's ref, its signer looked up among `anchors` (whose refs are `refs`, same order). */
export function issuerRef(issuer: X509Certificate, anchors: readonly X509Certificate[], refs: readonly TrustAnchorRef[]): IssuerRef {
  const signer = findSigner(issuer, anchors);
  const signerRef = signer >= 0 ? refs.find((r) => r.id === certificateId(anchors[signer])) : undefined;
  return {
    id: certificateId(issuer),
    label: `issuer ${certificateLabel(issuer)}`,
    signerId: signerRef?.id,
    signerLabel: signerRef ? `trust anchor ${signerRef.label}` : `its signer (issuer name ${issuer.issuer.split('\n').join(', ')})`,
  };
}

/**
 * Compares the trust a render would deploy (`proposed`) with the one deployed now (`deployed`,
 * undefined for a first install) and returns one finding per rotation check: errors for a step that
 * would make running proxies reject certificates, warnings with the operational instruction a
 * legitimate step needs, `ok` otherwise.
 */
export function checkRotationStep(deployed: TrustState | undefined, proposed: TrustState, opts: RotationCheckOptions = {}): Finding[] {
  const lifetime = opts.issuanceLifetime ?? '24h0m0s';
  const findings: Finding[] = [];
  const add = (check: string, severity: FindingSeverity, message: string) =>
    findings.push({ category: ROTATION_CATEGORY, check, severity, message, hint: ROTATION_HINT });
  const inProposed = (id: string | undefined) => id !== undefined && proposed.anchors.some((a) => a.id === id);
  const bundleText = (s: TrustState) => (s.anchors.length ? s.anchors.map((a) => a.label).join('; ') : 'no anchors');

  // (a) The proposed issuer must chain to the proposed bundle, or no proxy accepts its certificates.
  const issuer = proposed.issuer;
  if (!issuer) {
    add(ROTATION_CHECKS.issuerInBundle, 'ok', 'the issuer is managed outside the render: not checked');
  } else if (!inProposed(issuer.signerId)) {
    add(
      ROTATION_CHECKS.issuerInBundle,
      'error',
      `${issuer.label} is signed by ${issuer.signerLabel}, which is not in the trust-anchor bundle it is deployed with (${bundleText(proposed)}): ` +
        `no proxy would accept the certificates it issues. Keep the issuer's anchor in the bundle, or use an issuer signed by one of the bundle's anchors`,
    );
  } else {
    add(ROTATION_CHECKS.issuerInBundle, 'ok', `${issuer.label} is signed by ${issuer.signerLabel}, which is in the bundle`);
  }

  if (!deployed) {
    add(ROTATION_CHECKS.issuerTrusted, 'ok', 'nothing deployed yet (first install): no running proxies to keep working');
    add(ROTATION_CHECKS.anchorsInUse, 'ok', 'nothing deployed yet (first install)');
    return findings;
  }
  if (deployed.mode !== proposed.mode) {
    const message =
      `the deployed identity is ${describeMode(deployed.mode)} and the render's is ${describeMode(proposed.mode)}: their anchors cannot be compared. ` +
      `Make sure the new bundle contains every deployed anchor (${bundleText(deployed)}) and the new issuer chains to one of them, then rotate as usual`;
    add(ROTATION_CHECKS.issuerTrusted, 'warning', message);
    add(ROTATION_CHECKS.anchorsInUse, 'warning', message);
    return findings;
  }

  const inDeployed = (id: string | undefined) => id !== undefined && deployed.anchors.some((a) => a.id === id);
  const deployedSigner = deployed.issuer?.signerId;
  const newAnchors = proposed.anchors.filter((a) => !inDeployed(a.id));

  // (b) A new issuer signed by an anchor the running proxies do not trust yet: step 1 was skipped.
  if (issuer && inProposed(issuer.signerId) && issuer.signerId !== deployedSigner && !inDeployed(issuer.signerId)) {
    add(
      ROTATION_CHECKS.issuerTrusted,
      'error',
      `${issuer.label} is signed by ${issuer.signerLabel}, which the deployed bundle (${bundleText(deployed)}) does not contain: ` +
        `running proxies would reject every certificate it issues. Deploy step 1 (bundle) first: the deployed anchors plus the new one, ` +
        `keeping the deployed issuer${deployed.issuer ? ` (${deployed.issuer.label})` : ''}` +
        `${proposed.mode === 'cert-manager' ? ' (cert-manager: add the generation but keep signingTrustAnchor on the deployed one)' : ''}; ` +
        'restart all meshed workloads; then switch the issuer',
    );
  } else if (issuer && deployed.issuer && issuer.signerId !== undefined && deployedSigner !== undefined && issuer.signerId !== deployedSigner) {
    add(
      ROTATION_CHECKS.issuerTrusted,
      'warning',
      `step 2 (issuer): the issuer switches from ${deployed.issuer.signerLabel} to ${issuer.signerLabel}, which the deployed bundle already contains. ` +
        `Before applying, make sure every meshed workload was restarted since that bundle went out (kubectl rollout restart), ` +
        `or proxies started earlier will reject the new certificates. After applying, wait at least issuanceLifetime (${lifetime}) before removing the old anchor`,
    );
  } else if (newAnchors.length) {
    add(
      ROTATION_CHECKS.issuerTrusted,
      'ok',
      `step 1 (bundle): adds ${newAnchors.map((a) => `trust anchor ${a.label}`).join(', ')} while the issuer stays with ${issuer?.signerLabel ?? 'its anchor'}. ` +
        `After applying, restart all meshed workloads so every proxy trusts the new anchor, then switch the issuer`,
    );
  } else {
    add(ROTATION_CHECKS.issuerTrusted, 'ok', issuer ? `running proxies trust ${issuer.signerLabel}, which signs the issuer` : 'the issuer is managed outside the render');
  }

  // (c) Removing the anchor of the deployed issuer breaks the workload certificates it issued.
  const removed = deployed.anchors.filter((a) => !inProposed(a.id));
  const removedInUse = removed.filter((a) => a.id === deployedSigner);
  if (removedInUse.length) {
    const keep = removedInUse.map((a) => `trust anchor ${a.label}`).join(', ');
    add(
      ROTATION_CHECKS.anchorsInUse,
      'error',
      `${keep} is removed from the bundle but signs the deployed ${deployed.issuer?.label ?? 'issuer'}: the workload certificates it issued ` +
        `(valid up to issuanceLifetime, ${lifetime}) would be rejected. Keep ${keep} in the bundle: switch to an issuer signed by an anchor ` +
        `the running proxies trust (step 2), wait at least issuanceLifetime, then remove it (step 3)`,
    );
  } else if (removed.length) {
    add(
      ROTATION_CHECKS.anchorsInUse,
      'warning',
      `step 3 (prune): removes ${removed.map((a) => `trust anchor ${a.label}`).join(', ')}. Apply only once at least issuanceLifetime (${lifetime}) ` +
        `has passed since the issuer switch went out, so every workload certificate has been re-issued by ${issuer?.signerLabel ?? 'the current issuer'}`,
    );
  } else {
    add(ROTATION_CHECKS.anchorsInUse, 'ok', `every deployed anchor stays in the bundle (${bundleText(proposed)})`);
  }
  return findings;
}

function describeMode(mode: TrustMode): string {
  return mode === 'pem' ? 'PEM values (identityTrustAnchorsPEM)' : 'cert-manager generations';
}

function parseCertificates(pem: string, what: string): X509Certificate[] {
  const parsed = parseCertificatesPem(pem);
  if (!parsed.ok) throw new MeshformError(`${what} ${parsed.error}`);
  return parsed.value;
}
