/**
 * Identity checks: the trust anchors and the issuer certificate/key.
 *
 * Text containing a `-----BEGIN` block is always parsed strictly. A value with no PEM block at all is an
 * error for CLI-style renders, but upstream's Helm chart renders whatever string it is given without
 * validation, so for Helm-style renders (`cliVersion: ''`) it is only a warning (upstream's own Helm
 * golden passes placeholders such as `test-trust-anchor`).
 */
import type { X509Certificate } from 'node:crypto';
import type { ValidationIssue } from '../../errors.js';
import {
  containsPem,
  describeKeyAlgorithm,
  isEcdsaP256,
  keyMatchesCertificate,
  parseCertificatesPem,
  parsePrivateKeyPem,
} from '../../identity/pem.js';
import type { MeshValues } from './types.js';

const ANCHORS = 'identityTrustAnchorsPEM';
const CRT = 'identity.issuer.tls.crtPEM';
const KEY = 'identity.issuer.tls.keyPEM';

/** A Helm-style render: upstream's Helm chart does no certificate validation. */
export function isHelmStyleRender(values: MeshValues): boolean {
  return values.cliVersion === '';
}

function needsIssuer(values: MeshValues): boolean {
  return values.identity?.issuer?.scheme === 'linkerd.io/tls' && values.identity?.externalCA !== true;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

interface Finding {
  readonly issues: ValidationIssue[];
  readonly warnings: string[];
}

function analyse(values: MeshValues): Finding {
  const issues: ValidationIssue[] = [];
  const warnings: string[] = [];
  const helm = isHelmStyleRender(values);
  const externalCA = values.identity?.externalCA === true;

  /** Common handling of a PEM-bearing value; returns true when it should be parsed. */
  const present = (path: string, value: unknown, required: boolean, what: string): boolean => {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      issues.push({ path, value, message: `must be a PEM string (${what})` });
      return false;
    }
    const s = text(value);
    if (s.trim() === '') {
      if (required) issues.push({ path, value, message: `is required: ${what}` });
      return false;
    }
    if (containsPem(s)) return true;
    if (helm) {
      warnings.push(`${path}: not PEM; accepted without validation because this is a Helm-style render (cliVersion is "")`);
    } else {
      issues.push({ path, value, message: `must be PEM-encoded (-----BEGIN ...-----): ${what}` });
    }
    return false;
  };

  let anchors: X509Certificate[] = [];
  const anchorText = values.identityTrustAnchorsPEM;
  if (present(ANCHORS, anchorText, !externalCA, 'one or more trust-anchor certificates (ECDSA), unless identity.externalCA is true')) {
    const parsed = parseCertificatesPem(text(anchorText));
    if (parsed.ok) anchors = parsed.value;
    else issues.push({ path: ANCHORS, value: anchorText, message: `must be X.509 certificates in PEM: ${parsed.error}` });
  }

  const tls = values.identity?.issuer?.tls;
  const required = needsIssuer(values);
  let issuerCert: X509Certificate | undefined;
  if (present(CRT, tls?.crtPEM, required, 'the issuer certificate (ECDSA P-256) when identity.issuer.scheme is linkerd.io/tls')) {
    const parsed = parseCertificatesPem(text(tls?.crtPEM));
    if (!parsed.ok) {
      issues.push({ path: CRT, value: tls?.crtPEM, message: `must be an X.509 certificate in PEM: ${parsed.error}` });
    } else {
      issuerCert = parsed.value[0];
      const alg = describeKeyAlgorithm(issuerCert.publicKey);
      if (!isEcdsaP256(issuerCert.publicKey)) {
        issues.push({ path: CRT, value: tls?.crtPEM, message: `must be ECDSA P-256 (the certificate's key is ${alg})` });
        issuerCert = undefined;
      }
    }
  }
  if (present(KEY, tls?.keyPEM, required, 'the issuer private key (ECDSA P-256) when identity.issuer.scheme is linkerd.io/tls')) {
    const parsed = parsePrivateKeyPem(text(tls?.keyPEM));
    if (!parsed.ok) {
      issues.push({ path: KEY, value: '(private key)', message: `must be a private key in PEM: ${parsed.error}` });
    } else if (!isEcdsaP256(parsed.value)) {
      issues.push({ path: KEY, value: '(private key)', message: `must be ECDSA P-256 (got ${describeKeyAlgorithm(parsed.value)})` });
    } else if (issuerCert && !keyMatchesCertificate(issuerCert, parsed.value)) {
      issues.push({ path: KEY, value: '(private key)', message: `does not match the certificate in ${CRT}` });
    }
  }

  // Upstream's install verifies the issuer chains to a trust anchor; validity dates are left to
  // `meshform check` so a render never depends on the clock.
  if (issuerCert && anchors.length && !anchors.some((a) => signedBy(issuerCert, a))) {
    issues.push({ path: CRT, value: tls?.crtPEM, message: `must be signed by a certificate in ${ANCHORS}` });
  }
  return { issues, warnings };
}

function signedBy(cert: X509Certificate, anchor: X509Certificate): boolean {
  try {
    return cert.checkIssued(anchor) && cert.verify(anchor.publicKey);
  } catch {
    return false;
  }
}

export function validateMeshIdentity(values: MeshValues): ValidationIssue[] {
  return analyse(values).issues;
}

/** Non-fatal findings (placeholders accepted in Helm-style renders). */
export function meshValueWarnings(values: MeshValues): string[] {
  return analyse(values).warnings;
}
