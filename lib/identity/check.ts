/**
 * Upstream's `linkerd check` identity checks (category `linkerd-identity`), offline: the same check
 * names, order, 60-day warning threshold and rules, run on PEM text instead of cluster objects.
 *
 * One deliberate difference: upstream stops at the first failing *fatal* check; here every check whose
 * inputs parsed still runs, so an expired anchor and an expired issuer are both reported in one pass.
 * Only checks that cannot be evaluated (their certificate did not parse) are left out.
 *
 * Pure functions of their input; `now` is injectable so tests are independent of the clock.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import { certDates, formatDate } from './cert-dates.js';
import { identityName } from './identity-name.js';
import { describeKeyAlgorithm, isEcdsaP256, keyMatchesCertificate, parseCertificatesPem, parsePrivateKeyPem } from './pem.js';
import { parseGoCertificate } from './x509-parse.js';
import { verifyCertificate, type VerifyResult } from './x509-verify.js';

export { certDates, formatDate } from './cert-dates.js';

export type FindingCategory = 'linkerd-identity' | 'linkerd-webhooks-and-apisvc-tls' | 'linkerd-viz';
export type FindingSeverity = 'ok' | 'warning' | 'error';

/** The outcome of one upstream check. */
export interface Finding {
  /** Upstream's check category, e.g. `linkerd-identity`. */
  readonly category: FindingCategory;
  /** Upstream's check description, e.g. `trust anchors are within their validity period`. */
  readonly check: string;
  /** `warning` does not fail `meshform check`; `error` does. */
  readonly severity: FindingSeverity;
  /** What was found, naming the certificate (subject CN, position in a bundle) and dates. */
  readonly message: string;
  /**
   * Upstream's troubleshooting page for this check.
   * @default - none
   */
  readonly hint?: string;
}

/** Upstream's check descriptions for `linkerd-identity`, in upstream's order. */
export const IDENTITY_CHECKS = {
  configValid: 'certificate config is valid',
  anchorsAlgorithm: 'trust anchors are using supported crypto algorithm',
  anchorsValidity: 'trust anchors are within their validity period',
  anchorsExpiringSoon: 'trust anchors are valid for at least 60 days',
  issuerAlgorithm: 'issuer cert is using supported crypto algorithm',
  issuerValidity: 'issuer cert is within its validity period',
  issuerExpiringSoon: 'issuer cert is valid for at least 60 days',
  issuedByAnchor: 'issuer cert is issued by the trust anchor',
} as const;

const HINT_ANCHORS: Record<keyof typeof IDENTITY_CHECKS, string> = {
  configValid: 'l5d-identity-cert-config-valid',
  anchorsAlgorithm: 'l5d-identity-trustAnchors-use-supported-crypto',
  anchorsValidity: 'l5d-identity-trustAnchors-are-time-valid',
  anchorsExpiringSoon: 'l5d-identity-trustAnchors-not-expiring-soon',
  issuerAlgorithm: 'l5d-identity-issuer-cert-uses-supported-crypto',
  issuerValidity: 'l5d-identity-issuer-cert-is-time-valid',
  issuerExpiringSoon: 'l5d-identity-issuer-cert-not-expiring-soon',
  issuedByAnchor: 'l5d-identity-issuer-cert-issued-by-trust-anchor',
};

/** Upstream's `pkg/issuercerts.expirationWarningThresholdInDays`. */
export const EXPIRY_WARNING_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface IdentityCheckInput {
  /** `identityTrustAnchorsPEM`: one or more CERTIFICATE blocks. */
  readonly trustAnchorsPem: string;
  /**
   * `identity.issuer.tls.crtPEM`.
   * @default - none: an error unless `externalIssuer`
   */
  readonly issuerCertificatePem?: string;
  /**
   * `identity.issuer.tls.keyPEM`.
   * @default - none: an error unless `externalIssuer`
   */
  readonly issuerKeyPem?: string;
  /** `identityTrustDomain`, or `clusterDomain` when that is empty. */
  readonly trustDomain: string;
  /**
   * The issuer comes from a cert-manager Secret (`identity.issuer.scheme: kubernetes.io/tls`), so a
   * missing issuer is expected and the issuer checks are skipped.
   * @default false
   */
  readonly externalIssuer?: boolean;
  /**
   * The time the certificates are checked at.
   * @default - the current time
   */
  readonly now?: Date;
}

/** Runs upstream's `linkerd-identity` checks on the given PEM material. */
export function checkIdentity(input: IdentityCheckInput): Finding[] {
  const now = input.now ?? new Date();
  const findings: Finding[] = [];
  const add = (key: keyof typeof IDENTITY_CHECKS, problems: readonly string[], okMessage: string, failAs: FindingSeverity = 'error') =>
    findings.push(finding('linkerd-identity', IDENTITY_CHECKS[key], HINT_ANCHORS[key], problems, okMessage, failAs));

  // "certificate config is valid": everything parses and the issuer key belongs to the issuer cert.
  const configProblems: string[] = [];
  const anchorsParsed = input.trustAnchorsPem.trim() ? parseCertificatesPem(input.trustAnchorsPem) : undefined;
  if (!anchorsParsed) configProblems.push('no trust anchors given (identityTrustAnchorsPEM is empty)');
  else if (!anchorsParsed.ok) configProblems.push(`trust anchors (identityTrustAnchorsPEM) ${anchorsParsed.error}`);
  const anchors = anchorsParsed?.ok ? anchorsParsed.value : undefined;

  const issuerCertText = input.issuerCertificatePem?.trim() ? input.issuerCertificatePem : undefined;
  const issuerKeyText = input.issuerKeyPem?.trim() ? input.issuerKeyPem : undefined;
  let issuer: X509Certificate | undefined;
  let intermediates: X509Certificate[] = [];
  let issuerKey: KeyObject | undefined;
  if (issuerCertText) {
    const parsed = parseCertificatesPem(issuerCertText);
    if (!parsed.ok) configProblems.push(`issuer certificate (identity.issuer.tls.crtPEM) ${parsed.error}`);
    // Upstream's DecodePEMCrt: the first block is the issuer, the others its chain to the anchors.
    else [issuer, ...intermediates] = parsed.value;
  } else if (!input.externalIssuer) {
    configProblems.push('no issuer certificate given (identity.issuer.tls.crtPEM is empty)');
  }
  if (issuerKeyText) {
    const parsed = parsePrivateKeyPem(issuerKeyText);
    if (!parsed.ok) configProblems.push(`issuer private key (identity.issuer.tls.keyPEM) ${parsed.error}`);
    else issuerKey = parsed.value;
  } else if (!input.externalIssuer || issuerCertText) {
    configProblems.push('no issuer private key given (identity.issuer.tls.keyPEM is empty)');
  }
  if (issuer && issuerKey && !keyMatchesCertificate(issuer, issuerKey)) {
    configProblems.push(`issuer private key does not match issuer certificate ${certName(issuer)} (serial ${issuer.serialNumber})`);
  }
  if (issuer && !issuer.ca) {
    // Not an upstream check: a non-CA issuer parses fine but every workload certificate it signs is rejected.
    configProblems.push(`issuer certificate ${certName(issuer)} is not a CA (basicConstraints CA:TRUE is required to sign workload certificates)`);
  }
  const okConfig = issuer
    ? `${plural(anchors?.length ?? 0, 'trust anchor')} and the issuer certificate and key parse; the key matches the certificate`
    : `${plural(anchors?.length ?? 0, 'trust anchor')} parse; the issuer is external (identity.issuer.scheme kubernetes.io/tls), its checks are skipped`;
  add('configValid', configProblems, okConfig);

  if (anchors) {
    const label = (i: number) => anchorLabel(anchors, i);
    add(
      'anchorsAlgorithm',
      anchors.flatMap((a, i) => {
        const problem = trustAnchorAlgorithmProblem(a.publicKey);
        return problem ? [`${label(i)} ${problem}`] : [];
      }),
      `${plural(anchors.length, 'trust anchor')}: ${[...new Set(anchors.map((a) => describeKeyAlgorithm(a.publicKey)))].join(', ')}`,
    );
    add(
      'anchorsValidity',
      anchors.flatMap((a, i) => {
        const problem = validityProblem(a, now);
        return problem ? [`${label(i)} ${problem}`] : [];
      }),
      `${plural(anchors.length, 'trust anchor')} valid until ${anchors.map((a) => formatDate(certDates(a).notAfter)).join(', ')}`,
    );
    add(
      'anchorsExpiringSoon',
      anchors.flatMap((a, i) => {
        const problem = expiringSoonProblem(a, now);
        return problem ? [`${label(i)} ${problem}`] : [];
      }),
      `${plural(anchors.length, 'trust anchor')} valid for at least ${EXPIRY_WARNING_DAYS} days`,
      'warning',
    );
  }

  if (issuer) {
    const name = `issuer certificate ${certName(issuer)}`;
    const algorithm = [issuerAlgorithmProblem(issuer.publicKey), issuerSignatureAlgorithmProblem(issuer)].filter((p) => p !== undefined);
    add('issuerAlgorithm', algorithm.map((p) => `${name} ${p}`), `${name}: ECDSA P-256, signed with ${signatureAlgorithmName(issuer)}`);
    const validity = validityProblem(issuer, now);
    add('issuerValidity', validity ? [`${name} ${validity}`] : [], `${name} valid until ${formatDate(certDates(issuer).notAfter)}`);
    const soon = expiringSoonProblem(issuer, now);
    add('issuerExpiringSoon', soon ? [`${name} ${soon}`] : [], `${name} valid for at least ${EXPIRY_WARNING_DAYS} days`, 'warning');
    if (anchors) {
      const verified = verifyIssuer(issuer, intermediates, anchors, now);
      const problems = verified.ok ? [] : verified.problems;
      const naming = issuerNameProblem(issuer, input.trustDomain);
      const ok = `${name} ${verified.ok ? chainDescription(verified.chain, anchors) : 'is signed by a trust anchor'}`;
      // Upstream verifies the chain without a DNS name, so a name outside the trust domain only warns.
      if (problems.length || !naming) add('issuedByAnchor', naming ? [...problems, naming] : problems, `${ok} and named ${identityName(input.trustDomain)}`);
      else add('issuedByAnchor', [naming], ok, 'warning');
    }
  }
  return findings;
}

/**
 * Upstream's `Cred.Verify(anchors, "")` (Go's x509 Verify), minus the issuer's and anchors' validity
 * periods, which their own checks report. Upstream's install, identity controller and check pass no
 * DNS name: the issuer is a CA, not a leaf.
 */
function verifyIssuer(issuer: X509Certificate, intermediates: readonly X509Certificate[], anchors: readonly X509Certificate[], now: Date): VerifyResult {
  const label = (c: X509Certificate): string => {
    if (c === issuer) return `issuer certificate ${certName(issuer)}`;
    const a = anchors.indexOf(c);
    if (a >= 0) return anchorLabel(anchors, a);
    return anchorLabel(intermediates, intermediates.indexOf(c), 'intermediate certificate in identity.issuer.tls.crtPEM');
  };
  return verifyCertificate(issuer, { roots: anchors, intermediates, now, validityReportedElsewhere: [issuer, ...anchors], label });
}

/** "is signed by trust anchor (…)" or "chains through 1 intermediate to trust anchor (…)". */
function chainDescription(chain: readonly X509Certificate[], anchors: readonly X509Certificate[]): string {
  const root = chain[chain.length - 1];
  const anchor = anchors.indexOf(root);
  const rootLabel = anchor >= 0 ? anchorLabel(anchors, anchor) : 'a trust anchor';
  if (chain.length === 1) return `is a trust anchor itself: ${rootLabel}`;
  const via = chain.length - 2;
  return via ? `chains through ${plural(via, 'intermediate')} of identity.issuer.tls.crtPEM to ${rootLabel}` : `is signed by ${rootLabel}`;
}

/**
 * Not an upstream refusal: workload certificates still verify when the issuer is named otherwise, but
 * `linkerd identity` and operators expect `identity.linkerd.<trust domain>`, so it is worth a warning.
 */
export function issuerNameProblem(issuer: X509Certificate, trustDomain: string): string | undefined {
  const expected = identityName(trustDomain);
  const names = dnsNames(issuer);
  if (names.includes(expected) || (!names.length && certName(issuer) === expected)) return undefined;
  const has = names.length ? `its DNS names: ${names.join(', ')}` : `no DNS name, CN ${certName(issuer)}`;
  return `issuer certificate ${certName(issuer)} is not named ${expected} (${has}); upstream names the issuer identity.linkerd.<trust domain>, trust domain ${trustDomain}`;
}

/**
 * Index of the certificate in `candidates` that `cert` verifies against as Go's x509 Verify accepts
 * it (validity periods aside) — its signer, or `cert` itself when it is one of them — or -1.
 */
export function findSigner(cert: X509Certificate, candidates: readonly X509Certificate[]): number {
  const verified = verifyCertificate(cert, { roots: candidates, label: certName });
  return verified.ok ? candidates.indexOf(verified.chain[verified.chain.length - 1]) : -1;
}

/**
 * Upstream accepts trust anchors with ECDSA P-256 keys or RSA keys of 2048 or 4096 bits (an RSA root
 * may sign an ECDSA issuer); everything else is refused.
 */
export function trustAnchorAlgorithmProblem(key: KeyObject): string | undefined {
  if (isEcdsaP256(key)) return undefined;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType === 'rsa' && (bits === 2048 || bits === 4096)) return undefined;
  return `uses ${describeKeyAlgorithm(key)}: must be ECDSA P-256 or RSA 2048/4096`;
}

/**
 * Upstream's issuer algorithm check also reads how the issuer itself is signed: ECDSA with SHA-256
 * (an ECDSA anchor) or SHA-256 with RSA (an RSA anchor).
 */
export function issuerSignatureAlgorithmProblem(issuer: X509Certificate): string | undefined {
  const algorithm = signatureAlgorithmName(issuer);
  return algorithm === 'ECDSA-SHA256' || algorithm === 'SHA256-RSA' ? undefined : `is signed with ${algorithm}: must be signed with ECDSA-SHA256 or SHA256-RSA`;
}

/** Go's name of the algorithm a certificate is signed with, e.g. `ECDSA-SHA256`. */
export function signatureAlgorithmName(cert: X509Certificate): string {
  const parsed = parseGoCertificate(cert);
  return parsed.ok ? parsed.value.signatureAlgorithm : 'an unreadable algorithm';
}

/** The issuer signs workload certificates with its own key, which the proxies require to be ECDSA P-256. */
export function issuerAlgorithmProblem(key: KeyObject): string | undefined {
  return isEcdsaP256(key) ? undefined : `uses ${describeKeyAlgorithm(key)}: must be ECDSA P-256`;
}

/** Upstream's `CheckCertValidityPeriod`: "expired on …" or "is not valid before …", else undefined. */
export function validityProblem(cert: X509Certificate, now: Date): string | undefined {
  const { notBefore, notAfter } = certDates(cert);
  if (notBefore.getTime() > now.getTime()) return `is not valid before ${formatDate(notBefore)}`;
  if (notAfter.getTime() < now.getTime()) return `expired on ${formatDate(notAfter)}`;
  return undefined;
}

/** Upstream's `CheckExpiringSoon`: expires within `EXPIRY_WARNING_DAYS` of `now` (or already has). */
export function expiringSoonProblem(cert: X509Certificate, now: Date): string | undefined {
  const { notAfter } = certDates(cert);
  const left = notAfter.getTime() - now.getTime();
  if (left >= EXPIRY_WARNING_DAYS * DAY_MS) return undefined;
  if (left < 0) return `expired on ${formatDate(notAfter)}`;
  const days = Math.floor(left / DAY_MS);
  return `will expire on ${formatDate(notAfter)} (in ${plural(days, 'day')})`;
}

/** The subject CN, else the whole subject: how messages name a certificate. */
export function certName(cert: X509Certificate): string {
  const cn = cert.subject.split('\n').find((part) => part.startsWith('CN='));
  return cn ? cn.slice(3) : oneLine(cert.subject) || '(empty subject)';
}

/** DNS names in the subject alternative name extension. */
export function dnsNames(cert: X509Certificate): string[] {
  const san = cert.subjectAltName;
  if (!san) return [];
  return san
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4).replace(/^"(.*)"$/, '$1'));
}

/** "trust anchor 2 of 3 (identity.linkerd.cluster.local, serial 01)": which certificate in a bundle. */
export function anchorLabel(anchors: readonly X509Certificate[], index: number, noun = 'trust anchor'): string {
  const a = anchors[index];
  const position = anchors.length === 1 ? noun : `${noun} ${index + 1} of ${anchors.length}`;
  return `${position} (${certName(a)}, serial ${a.serialNumber})`;
}

/** Builds one finding: `ok` with `okMessage` when there are no problems, else all problems, one a line. */
export function finding(
  category: FindingCategory,
  check: string,
  hintAnchor: string,
  problems: readonly string[],
  okMessage: string,
  failAs: FindingSeverity = 'error',
): Finding {
  const failed = problems.length > 0;
  return {
    category,
    check,
    severity: failed ? failAs : 'ok',
    message: failed ? problems.join('\n') : okMessage,
    hint: `https://linkerd.io/2/checks/#${hintAnchor}`,
  };
}

function oneLine(subject: string): string {
  return subject.split('\n').join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
