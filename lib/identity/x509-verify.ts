/**
 * Go's `(*x509.Certificate).Verify`, which upstream's identity checks call (`pkg/tls` `Cred.Verify`):
 * chains are built from the certificate through the intermediates (the extra blocks of a `crtPEM`) to
 * a root (a trust anchor or caBundle certificate), linked by byte-equal names and checked signatures,
 * with each link checked as Go does — basic constraints and keyUsage certSign of every signer, path
 * length, name constraints, unhandled critical extensions, insecure signature algorithms, validity
 * periods — and the chain's extended key usages must allow serverAuth (Go's default when no usage is
 * asked for). Go's KeyUsage leniency is kept: only a signer's certSign bit is looked at.
 *
 * Problems name certificates through the caller's `label`, never their PEM.
 */
import type { X509Certificate } from 'node:crypto';
import { certDates, formatDate } from './cert-dates.js';
import { nameConstraintProblem } from './name-constraints.js';
import { EKU_ANY, EKU_SERVER_AUTH, EKU_SERVER_GATED, KEY_USAGE_CERT_SIGN, parseGoCertificate, type GoCertificate } from './x509-parse.js';

export interface VerifyOptions {
  /** The trust anchors (Go's `Roots`). */
  readonly roots: readonly X509Certificate[];
  /**
   * Certificates that may link the leaf to a root (Go's `Intermediates`).
   * @default - none
   */
  readonly intermediates?: readonly X509Certificate[];
  /**
   * The time validity periods are checked at.
   * @default - validity periods are not checked (a render must not depend on the clock)
   */
  readonly now?: Date;
  /**
   * Certificates whose validity period is not checked here because another check reports it.
   * @default - none
   */
  readonly validityReportedElsewhere?: readonly X509Certificate[];
  /**
   * The DNS name the leaf must be valid for (webhooks); upstream passes none for the issuer.
   * @default - no name is checked
   */
  readonly dnsName?: string;
  /**
   * How a failure names the roots: "is not signed by <rootsName>".
   * @default - "the trust anchor", or "any of the N trust anchors"
   */
  readonly rootsName?: string;
  /** How a problem names a certificate, e.g. `trust anchor 2 of 3 (CN, serial 01)`. */
  readonly label: (cert: X509Certificate) => string;
}

export type VerifyResult = { readonly ok: true; readonly chain: readonly X509Certificate[] } | { readonly ok: false; readonly problems: readonly string[] };

/** Go's limit on signature checks while building chains (`maxChainSignatureChecks`). */
const MAX_SIGNATURE_CHECKS = 100;

type CertType = 'leaf' | 'intermediate' | 'root';

/** Verifies `leaf` as Go's `Verify` does; every reason a candidate chain failed when none is found. */
export function verifyCertificate(leaf: X509Certificate, opts: VerifyOptions): VerifyResult {
  const parse = (c: X509Certificate): GoCertificate | undefined => {
    const p = parseGoCertificate(c);
    return p.ok ? p.value : undefined;
  };
  const leafParsed = parseGoCertificate(leaf);
  if (!leafParsed.ok) return { ok: false, problems: [`${opts.label(leaf)} ${leafParsed.error}`] };
  const leafGo = leafParsed.value;
  const roots = opts.roots.map(parse).filter((c): c is GoCertificate => c !== undefined);
  const intermediates = (opts.intermediates ?? []).map(parse).filter((c): c is GoCertificate => c !== undefined);
  const skipValidity = new Set(opts.validityReportedElsewhere ?? []);
  const label = (c: GoCertificate) => opts.label(c.cert);

  const leafProblem = validProblem(leafGo, 'leaf', [], opts.now, skipValidity);
  if (leafProblem) return { ok: false, problems: [`${label(leafGo)} ${leafProblem}`] };
  if (opts.dnsName !== undefined && !matchesHostname(leafGo, opts.dnsName)) {
    const names = leafGo.san?.dns ?? [];
    return { ok: false, problems: [`${label(leafGo)} is not valid for ${opts.dnsName}: its DNS names are ${names.length ? names.join(', ') : '(none)'}`] };
  }

  let chains: GoCertificate[][];
  const failures: string[] = [];
  if (roots.some((r) => r.cert.raw.equals(leaf.raw))) {
    chains = [[leafGo]];
  } else {
    const budget = { checks: 0, comparisons: 0 };
    chains = buildChains([leafGo], roots, intermediates, opts.now, skipValidity, label, failures, budget);
    if (!chains.length) {
      const signers = opts.rootsName ?? (opts.roots.length === 1 ? 'the trust anchor' : `any of the ${opts.roots.length} trust anchors`);
      const head = `${label(leafGo)} (issuer name ${oneLine(leaf.issuer)}) is not signed by ${signers}${intermediates.length ? ' through the given intermediates' : ''}`;
      return { ok: false, problems: [failures.length ? `${head}: ${[...new Set(failures)].join('; ')}` : head] };
    }
  }
  const usable = chains.find(allowsServerAuth);
  if (!usable) {
    const culprit = chains[0].find((c) => !ekuAllowsServerAuth(c)) ?? leafGo;
    return {
      ok: false,
      problems: [
        `${label(culprit)} has extended key usages ${culprit.extKeyUsage.map(ekuName).join(', ')} without serverAuth: ` +
          "Go's Verify, which Linkerd uses, requires serverAuth (or any usage, or none) on every certificate of the chain",
      ],
    };
  }
  return { ok: true, chain: usable.map((c) => c.cert) };
}

function buildChains(
  current: GoCertificate[],
  roots: readonly GoCertificate[],
  intermediates: readonly GoCertificate[],
  now: Date | undefined,
  skipValidity: ReadonlySet<X509Certificate>,
  label: (c: GoCertificate) => string,
  failures: string[],
  budget: { checks: number; comparisons: number },
): GoCertificate[][] {
  const child = current[current.length - 1];
  const chains: GoCertificate[][] = [];
  const consider = (type: CertType, candidate: GoCertificate) => {
    if (alreadyInChain(candidate, current)) return;
    if (++budget.checks > MAX_SIGNATURE_CHECKS) {
      failures.push('the signature check limit was reached while building the chain');
      return;
    }
    const signature = signatureProblem(child, candidate, label);
    if (signature) {
      failures.push(signature);
      return;
    }
    const placement = validProblem(candidate, type, current, now, skipValidity, budget);
    if (placement) {
      failures.push(`${label(candidate)} ${placement}`);
      return;
    }
    if (type === 'root') chains.push([...current, candidate]);
    else chains.push(...buildChains([...current, candidate], roots, intermediates, now, skipValidity, label, failures, budget));
  };
  for (const root of roots.filter((r) => r.rawSubject.equals(child.rawIssuer))) consider('root', root);
  for (const intermediate of intermediates.filter((r) => r.rawSubject.equals(child.rawIssuer))) consider('intermediate', intermediate);
  return chains;
}

/** Go's `CheckSignatureFrom`: may `parent` sign, and does `child`'s signature verify with its key. */
function signatureProblem(child: GoCertificate, parent: GoCertificate, label: (c: GoCertificate) => string): string | undefined {
  if ((parent.version === 3 && !parent.basicConstraintsValid) || (parent.basicConstraintsValid && !parent.isCA)) {
    return `${label(parent)} is not a CA (basicConstraints CA:TRUE is required to sign ${label(child)})`;
  }
  if (parent.keyUsage !== 0 && (parent.keyUsage & KEY_USAGE_CERT_SIGN) === 0) {
    return `${label(parent)} has a keyUsage without certSign, so it may not sign ${label(child)}`;
  }
  const keyType = parent.cert.publicKey.asymmetricKeyType;
  if (!child.signatureKeyType) return `${label(child)} is signed with ${child.signatureAlgorithm}, which Go's x509 does not support`;
  if (child.insecureSignature) return `${label(child)} is signed with ${child.signatureAlgorithm}, which Go's x509 refuses as insecure`;
  const wanted = child.signatureKeyType === 'rsa' ? ['rsa', 'rsa-pss'] : [child.signatureKeyType];
  if (!wanted.includes(keyType ?? '')) return `${label(child)} is signed with ${child.signatureAlgorithm}, but ${label(parent)} has a ${keyType ?? 'unknown'} key`;
  const bits = parent.cert.publicKey.asymmetricKeyDetails?.modulusLength;
  if (wanted[0] === 'rsa' && bits !== undefined && bits < 1024) return `${label(parent)} has an RSA key of ${bits} bits; Go refuses RSA keys under 1024 bits`;
  let verified = false;
  try {
    verified = child.cert.verify(parent.cert.publicKey);
  } catch {
    verified = false;
  }
  return verified ? undefined : `the signature of ${label(child)} does not verify with the key of ${label(parent)}`;
}

/** Go's `isValid`: what a certificate must satisfy in its place in the chain. */
function validProblem(
  c: GoCertificate,
  type: CertType,
  current: readonly GoCertificate[],
  now: Date | undefined,
  skipValidity: ReadonlySet<X509Certificate>,
  budget: { comparisons: number } = { comparisons: 0 },
): string | undefined {
  if (c.unhandledCriticalExtensions.length) {
    return `has critical extensions Go's x509 does not handle (${c.unhandledCriticalExtensions.join(', ')}), so Linkerd rejects it`;
  }
  if (now && !skipValidity.has(c.cert)) {
    const { notBefore, notAfter } = certDates(c.cert);
    if (now.getTime() < notBefore.getTime()) return `is not valid before ${formatDate(notBefore)}`;
    if (now.getTime() > notAfter.getTime()) return `expired on ${formatDate(notAfter)}`;
  }
  if (type !== 'leaf') {
    for (const below of current) {
      const problem = nameConstraintProblem(c, below, budget);
      if (problem) return `has name constraints that refuse a name of a certificate it signs: ${problem}`;
    }
  }
  if (type === 'intermediate' && !(c.basicConstraintsValid && c.isCA)) return 'is not a CA, so it may not be an intermediate';
  if (c.basicConstraintsValid && c.maxPathLen >= 0 && current.length - 1 > c.maxPathLen) {
    return `has path length ${c.maxPathLen} but ${current.length - 1} intermediate${current.length === 2 ? '' : 's'} follow${current.length === 2 ? 's' : ''} it`;
  }
  return undefined;
}

function alreadyInChain(candidate: GoCertificate, chain: readonly GoCertificate[]): boolean {
  const key = (c: GoCertificate) => c.cert.publicKey.export({ type: 'spki', format: 'der' });
  return chain.some((c) => {
    if (!c.rawSubject.equals(candidate.rawSubject) || !key(c).equals(key(candidate))) return false;
    if (!c.rawSan || !candidate.rawSan) return !c.rawSan && !candidate.rawSan;
    return c.rawSan.equals(candidate.rawSan);
  });
}

function ekuAllowsServerAuth(c: GoCertificate): boolean {
  const eku = c.extKeyUsage;
  return !eku.length || eku.includes(EKU_ANY) || eku.includes(EKU_SERVER_AUTH) || eku.some((u) => EKU_SERVER_GATED.includes(u));
}

/** Go's `checkChainForKeyUsage` with its default usage, serverAuth. */
function allowsServerAuth(chain: readonly GoCertificate[]): boolean {
  return chain.every(ekuAllowsServerAuth);
}

const EKU_NAMES: Readonly<Record<string, string>> = {
  [EKU_SERVER_AUTH]: 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

function ekuName(oid: string): string {
  return EKU_NAMES[oid] ?? oid;
}

/** Go's `VerifyHostname` for DNS names: SANs only (never the CN), a wildcard for the first label. */
function matchesHostname(c: GoCertificate, host: string): boolean {
  const want = host.toLowerCase().replace(/\.$/, '').split('.');
  return (c.san?.dns ?? []).some((pattern) => {
    const parts = pattern.toLowerCase().split('.');
    return parts.length === want.length && parts.every((p, i) => (i === 0 && p === '*' && parts.length > 2) || p === want[i]);
  });
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}
