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
import { issuerSignatureAlgorithmProblem } from '../../identity/check.js';
import { verifyCertificate } from '../../identity/x509-verify.js';
import type { MeshValues } from './types.js';
import { ISSUER_SCHEME_LINKERD } from '../../k8s/labels.js';

const ANCHORS = 'identityTrustAnchorsPEM';
const CRT = 'identity.issuer.tls.crtPEM';
const KEY = 'identity.issuer.tls.keyPEM';

/** A Helm-style render: upstream's Helm chart does no certificate validation. */
export function isHelmStyleRender(values: MeshValues): boolean {
  return values.cliVersion === '';
}

function needsIssuer(values: MeshValues): boolean {
  return values.identity?.issuer?.scheme === ISSUER_SCHEME_LINKERD && values.identity?.externalCA !== true;
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
  let intermediates: X509Certificate[] = [];
  if (present(CRT, tls?.crtPEM, required, 'the issuer certificate (ECDSA P-256) when identity.issuer.scheme is linkerd.io/tls')) {
    const parsed = parseCertificatesPem(text(tls?.crtPEM));
    if (!parsed.ok) {
      issues.push({ path: CRT, value: tls?.crtPEM, message: `must be an X.509 certificate in PEM: ${parsed.error}` });
    } else {
      [issuerCert, ...intermediates] = parsed.value;
      const alg = describeKeyAlgorithm(issuerCert.publicKey);
      const signedWith = issuerSignatureAlgorithmProblem(issuerCert);
      if (!isEcdsaP256(issuerCert.publicKey)) {
        issues.push({ path: CRT, value: tls?.crtPEM, message: `must be ECDSA P-256 (the certificate's key is ${alg})` });
        issuerCert = undefined;
      } else if (signedWith) {
        issues.push({ path: CRT, value: tls?.crtPEM, message: `the issuer certificate ${signedWith}` });
      } else if (!issuerCert.ca) {
        // Upstream's identity controller refuses an issuer that is not a CA.
        issues.push({ path: CRT, value: tls?.crtPEM, message: 'must be a CA certificate (basicConstraints CA:TRUE): the issuer signs workload certificates' });
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

  // Upstream's install verifies the issuer chains to a trust anchor (Go's x509 Verify, no DNS name);
  // validity dates are left to `meshform check` and the CLI so a render never depends on the clock.
  if (issuerCert && anchors.length) {
    const issuer = issuerCert;
    const label = (c: X509Certificate): string =>
      c === issuer ? 'the issuer certificate' : anchors.includes(c) ? `${ANCHORS} certificate ${anchors.indexOf(c) + 1} of ${anchors.length}` : `${CRT} block ${intermediates.indexOf(c) + 2}`;
    const verified = verifyCertificate(issuer, { roots: anchors, intermediates, label, rootsName: `a certificate in ${ANCHORS}` });
    if (!verified.ok) issues.push({ path: CRT, value: tls?.crtPEM, message: `must chain to a trust anchor: ${verified.problems.join('; ')}` });
  }
  return { issues, warnings };
}

export function validateMeshIdentity(values: MeshValues): ValidationIssue[] {
  return analyse(values).issues;
}

/** Non-fatal findings (placeholders accepted in Helm-style renders). */
export function meshValueWarnings(values: MeshValues): string[] {
  return analyse(values).warnings;
}
