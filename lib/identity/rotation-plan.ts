/**
 * The trust-anchor rotation planner for PEM material (the local store, generated or provided values):
 * from the current anchors and issuer and a new anchor and issuer, the values of the three steps
 * (`bundle`, `issuer`, `prune`), each of which passes `checkRotationStep` against the one before.
 *
 * Pure, apart from `generateNextTrustAnchor`, which makes new keys with generate.ts.
 */
import type { X509Certificate } from 'node:crypto';
import { MeshformError } from '../errors.js';
import type { ValueTree } from '../values/tree.js';
import { findSigner } from './check.js';
import { generateIssuer, generateTrustAnchor, type CertificateAndKey } from './generate.js';
import { parseCertificatesPem } from './pem.js';
import { certificateId, certificateLabel, checkRotationStep, trustStateFromPem, type RotationCheckOptions, type RotationPhase } from './rotation.js';

/** The PEM identity values a step deploys. */
export interface PemIdentityMaterial {
  /** `identityTrustAnchorsPEM`: one or more CERTIFICATE blocks. */
  readonly trustAnchorsPem: string;
  /** `identity.issuer.tls.crtPEM` / `keyPEM`. */
  readonly issuer: CertificateAndKey;
}

/** The anchor to rotate to, and an issuer it signed. */
export interface NextTrustAnchor {
  /** The new anchor's certificate (PEM). Its private key is only needed to sign `issuer`, not here. */
  readonly trustAnchorPem: string;
  /** The new issuer, signed by the new anchor. */
  readonly issuer: CertificateAndKey;
}

/** One deployment of the rotation. */
export interface RotationStep extends PemIdentityMaterial {
  readonly phase: RotationPhase;
  /** What to do once the step is applied, before the next one. */
  readonly then: string;
}

export interface RotationPlan {
  /** Step 1: anchors = current + new, issuer unchanged. */
  readonly bundle: RotationStep;
  /** Step 2: the new issuer, signed by the new anchor; anchors unchanged. */
  readonly issuer: RotationStep;
  /** Step 3: anchors = new only. */
  readonly prune: RotationStep;
  /** The three steps in order. */
  readonly steps: readonly [RotationStep, RotationStep, RotationStep];
}

/**
 * Plans the three steps from `current` to `next`. Throws a `MeshformError` when the material does not
 * parse, the current issuer is not signed by a current anchor, or the new issuer is not signed by the
 * new anchor. A current bundle that already holds the new anchor (step 1 deployed) is fine.
 */
export function planTrustAnchorRotation(current: PemIdentityMaterial, next: NextTrustAnchor, opts: RotationCheckOptions = {}): RotationPlan {
  const lifetime = opts.issuanceLifetime ?? '24h0m0s';
  const anchors = certificates(current.trustAnchorsPem, 'current trust anchors');
  const currentIssuer = certificates(current.issuer.certificatePem, 'current issuer certificate')[0];
  if (findSigner(currentIssuer, anchors) < 0) {
    throw new MeshformError(
      `current issuer ${certificateLabel(currentIssuer)} is not signed by any current trust anchor (${anchors.map(certificateLabel).join('; ')}): ` +
        'fix the deployed identity before rotating',
    );
  }
  const newAnchor = certificates(next.trustAnchorPem, 'new trust anchor')[0];
  const newIssuer = certificates(next.issuer.certificatePem, 'new issuer certificate')[0];
  if (findSigner(newIssuer, [newAnchor]) < 0) {
    throw new MeshformError(`new issuer ${certificateLabel(newIssuer)} is not signed by the new trust anchor ${certificateLabel(newAnchor)}`);
  }

  const newId = certificateId(newAnchor);
  const both = [...anchors.filter((a) => certificateId(a) !== newId), newAnchor];
  const bundle: RotationStep = {
    phase: 'bundle',
    trustAnchorsPem: pemBundle(both),
    issuer: current.issuer,
    then: 'restart all meshed workloads (kubectl rollout restart) so every proxy trusts the new anchor, then apply step 2 (issuer)',
  };
  const issuer: RotationStep = {
    phase: 'issuer',
    trustAnchorsPem: bundle.trustAnchorsPem,
    issuer: next.issuer,
    then: `wait at least issuanceLifetime (${lifetime}) so every workload certificate is re-issued by the new issuer, then apply step 3 (prune)`,
  };
  const prune: RotationStep = {
    phase: 'prune',
    trustAnchorsPem: pemBundle([newAnchor]),
    issuer: next.issuer,
    then: 'the rotation is complete; the old anchor and issuer keys can be destroyed',
  };

  // Defensive: the plan must pass its own check, step by step.
  let previous = trustStateFromPem(current.trustAnchorsPem, current.issuer.certificatePem);
  for (const step of [bundle, issuer, prune]) {
    const proposed = trustStateFromPem(step.trustAnchorsPem, step.issuer.certificatePem);
    const errors = checkRotationStep(previous, proposed, opts).filter((f) => f.severity === 'error');
    if (errors.length) throw new MeshformError(`planned step ${step.phase} fails its rotation check: ${errors.map((f) => f.message).join('; ')}`);
    previous = proposed;
  }
  return { bundle, issuer, prune, steps: [bundle, issuer, prune] };
}

/** Generates a new trust anchor and an issuer it signs, for `planTrustAnchorRotation`. Keys stay with the caller. */
export async function generateNextTrustAnchor(opts: { readonly trustDomain: string }): Promise<{ anchor: CertificateAndKey; next: NextTrustAnchor }> {
  const anchor = await generateTrustAnchor({ trustDomain: opts.trustDomain });
  const issuer = await generateIssuer({ anchor, trustDomain: opts.trustDomain });
  return { anchor, next: { trustAnchorPem: anchor.certificatePem, issuer } };
}

/** The control-plane values a step deploys (`identityTrustAnchorsPEM`, `identity.issuer.tls`). */
export function rotationStepValues(step: PemIdentityMaterial): ValueTree {
  return {
    identityTrustAnchorsPEM: step.trustAnchorsPem,
    identity: { issuer: { tls: { crtPEM: step.issuer.certificatePem, keyPEM: step.issuer.privateKeyPem } } },
  };
}

/** Certificates as one PEM bundle, one block after the other, newline-terminated. */
export function pemBundle(certs: readonly X509Certificate[]): string {
  return certs.map((c) => c.toString().trim()).join('\n') + '\n';
}

function certificates(pem: string, what: string): X509Certificate[] {
  const parsed = parseCertificatesPem(pem);
  if (!parsed.ok) throw new MeshformError(`${what}: ${parsed.error}`);
  return parsed.value;
}
