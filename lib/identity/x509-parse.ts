/**
 * A certificate as Go's `crypto/x509` sees it: the fields its `Verify` and upstream's checks read
 * (raw names, basic constraints, key usages, SANs, name constraints, unhandled critical extensions,
 * signature algorithm), and the certificates Go's parser refuses although OpenSSL accepts them.
 *
 * Node's X509Certificate exposes neither raw names nor these extensions, so the DER is read with
 * @peculiar/asn1-x509 (the schema library @peculiar/x509 is built on).
 */
import type { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  GeneralName,
  KeyUsage,
  NameConstraints,
  SubjectAlternativeName,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_nameConstraints,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import type { PemResult } from './pem.js';

/** Go's `x509.SignatureAlgorithm` names, keyed by OID; `insecure` ones Go's Verify refuses. */
const SIGNATURE_ALGORITHMS: Readonly<Record<string, { readonly name: string; readonly key: 'rsa' | 'ec' | 'ed25519' | 'dsa'; readonly insecure?: true }>> = {
  '1.2.840.113549.1.1.2': { name: 'MD2-RSA', key: 'rsa', insecure: true },
  '1.2.840.113549.1.1.4': { name: 'MD5-RSA', key: 'rsa', insecure: true },
  '1.2.840.113549.1.1.5': { name: 'SHA1-RSA', key: 'rsa', insecure: true },
  '1.2.840.113549.1.1.11': { name: 'SHA256-RSA', key: 'rsa' },
  '1.2.840.113549.1.1.12': { name: 'SHA384-RSA', key: 'rsa' },
  '1.2.840.113549.1.1.13': { name: 'SHA512-RSA', key: 'rsa' },
  '1.2.840.113549.1.1.10': { name: 'RSA-PSS', key: 'rsa' },
  '1.2.840.10040.4.3': { name: 'DSA-SHA1', key: 'dsa', insecure: true },
  '2.16.840.1.101.3.4.3.2': { name: 'DSA-SHA256', key: 'dsa', insecure: true },
  '1.2.840.10045.4.1': { name: 'ECDSA-SHA1', key: 'ec', insecure: true },
  '1.2.840.10045.4.3.2': { name: 'ECDSA-SHA256', key: 'ec' },
  '1.2.840.10045.4.3.3': { name: 'ECDSA-SHA384', key: 'ec' },
  '1.2.840.10045.4.3.4': { name: 'ECDSA-SHA512', key: 'ec' },
  '1.3.101.112': { name: 'Ed25519', key: 'ed25519' },
};

/** Extensions Go's parser understands; any other one marked critical makes Verify fail. */
const HANDLED_EXTENSIONS = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName (unless it carries no name Go reads)
  '2.5.29.19', // basicConstraints
  '2.5.29.30', // nameConstraints (unless it constrains a name type Go does not)
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.36', // policyConstraints
  '2.5.29.37', // extKeyUsage
  '2.5.29.54', // inhibitAnyPolicy
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

/** Elliptic curves Go's parser accepts (node's names). */
const GO_CURVES = new Set(['secp224r1', 'prime256v1', 'secp384r1', 'secp521r1']);

export const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const EKU_ANY = '2.5.29.37.0';
/** Netscape and Microsoft server-gated crypto: Go accepts them in place of serverAuth. */
export const EKU_SERVER_GATED = ['2.16.840.1.113730.4.1', '1.3.6.1.4.1.311.10.3.3'];
/** keyUsage keyCertSign, in Go's bit order. */
export const KEY_USAGE_CERT_SIGN = 32;

/** The name kinds Go checks against name constraints. */
export interface NameSet {
  readonly dns: readonly string[];
  readonly email: readonly string[];
  readonly ip: readonly string[];
  readonly uri: readonly string[];
}

export interface GoCertificate {
  readonly cert: X509Certificate;
  /** DER of the subject and issuer names: Go links a chain by byte-equal names. */
  readonly rawSubject: Buffer;
  readonly rawIssuer: Buffer;
  /** 1, 2 or 3, as Go's `Certificate.Version`. */
  readonly version: number;
  /** Go's name for the algorithm the certificate is signed with, e.g. `ECDSA-SHA256`. */
  readonly signatureAlgorithm: string;
  /** The public-key type the signature algorithm needs; undefined for an algorithm Go does not know. */
  readonly signatureKeyType?: 'rsa' | 'ec' | 'ed25519' | 'dsa';
  /** MD2/MD5/SHA-1 or DSA: Go refuses to verify such a signature. */
  readonly insecureSignature: boolean;
  readonly basicConstraintsValid: boolean;
  readonly isCA: boolean;
  /** -1 when absent. */
  readonly maxPathLen: number;
  /** Go's KeyUsage bits; 0 when the extension is absent. */
  readonly keyUsage: number;
  /** Extended key usage OIDs; empty when the extension is absent. */
  readonly extKeyUsage: readonly string[];
  /** The SAN names, undefined when the certificate has no SAN extension. */
  readonly san?: NameSet;
  /** The DER value of the SAN extension (Go compares it to spot a certificate already in a chain). */
  readonly rawSan?: Buffer;
  readonly permitted?: NameSet;
  readonly excluded?: NameSet;
  readonly unhandledCriticalExtensions: readonly string[];
}

const cache = new WeakMap<X509Certificate, PemResult<GoCertificate>>();

/** Reads `cert` as Go's `x509.ParseCertificate` does; an error where Go's parser refuses it. */
export function parseGoCertificate(cert: X509Certificate): PemResult<GoCertificate> {
  let result = cache.get(cert);
  if (!result) {
    try {
      result = parse(cert);
    } catch (e) {
      result = { ok: false, error: `cannot be read as X.509 (${(e as Error).message})` };
    }
    cache.set(cert, result);
  }
  return result;
}

function parse(cert: X509Certificate): PemResult<GoCertificate> {
  const asn = AsnConvert.parse(cert.raw, Certificate);
  const tbs = asn.tbsCertificate;
  const serial = new Uint8Array(tbs.serialNumber);
  if (serial.length && serial[0] & 0x80) return { ok: false, error: 'has a negative serial number, which Go (and so Linkerd) refuses' };
  const key = cert.publicKey;
  if (key.asymmetricKeyType === 'ec' && !GO_CURVES.has(key.asymmetricKeyDetails?.namedCurve ?? '')) {
    return { ok: false, error: `uses the elliptic curve ${key.asymmetricKeyDetails?.namedCurve ?? 'unknown'}, which Go (and so Linkerd) cannot parse` };
  }
  const seen = new Set<string>();
  const extensions = tbs.extensions ?? [];
  for (const ext of extensions) {
    if (seen.has(ext.extnID)) return { ok: false, error: `carries extension ${ext.extnID} twice, which Go (and so Linkerd) refuses` };
    seen.add(ext.extnID);
  }
  const value = (oid: string) => extensions.find((e) => e.extnID === oid)?.extnValue.buffer;
  const unhandled = extensions.filter((e) => e.critical && !HANDLED_EXTENSIONS.has(e.extnID)).map((e) => e.extnID);

  const bcValue = value(id_ce_basicConstraints);
  const bc = bcValue ? AsnConvert.parse(bcValue, BasicConstraints) : undefined;
  const kuValue = value(id_ce_keyUsage);
  const ekuValue = value(id_ce_extKeyUsage);
  const sanValue = value(id_ce_subjectAltName);
  const san = sanValue ? names(AsnConvert.parse(sanValue, SubjectAlternativeName)) : undefined;
  if (san && !san.dns.length && !san.email.length && !san.ip.length && !san.uri.length) {
    // Go handles a SAN only when it carries a name it reads.
    if (extensions.find((e) => e.extnID === id_ce_subjectAltName)?.critical) unhandled.push(id_ce_subjectAltName);
  }
  const ncValue = value(id_ce_nameConstraints);
  const nc = ncValue ? AsnConvert.parse(ncValue, NameConstraints) : undefined;
  const permittedNames = nc?.permittedSubtrees?.map((s) => s.base) ?? [];
  const excludedNames = nc?.excludedSubtrees?.map((s) => s.base) ?? [];
  if (nc && [...permittedNames, ...excludedNames].some((n) => !n.dNSName && !n.rfc822Name && !n.iPAddress && !n.uniformResourceIdentifier)) {
    // Go enforces DNS, email, IP and URI constraints only; a critical extension constraining more is unhandled.
    if (extensions.find((e) => e.extnID === id_ce_nameConstraints)?.critical) unhandled.push(id_ce_nameConstraints);
  }
  const algorithm = SIGNATURE_ALGORITHMS[asn.signatureAlgorithm.algorithm];
  return {
    ok: true,
    value: {
      cert,
      rawSubject: Buffer.from(AsnConvert.serialize(tbs.subject)),
      rawIssuer: Buffer.from(AsnConvert.serialize(tbs.issuer)),
      version: tbs.version + 1,
      signatureAlgorithm: algorithm?.name ?? `unknown (${asn.signatureAlgorithm.algorithm})`,
      signatureKeyType: algorithm?.key,
      insecureSignature: algorithm?.insecure === true,
      basicConstraintsValid: bc !== undefined,
      isCA: bc?.cA === true,
      maxPathLen: bc?.pathLenConstraint ?? -1,
      keyUsage: kuValue ? AsnConvert.parse(kuValue, KeyUsage).toNumber() : 0,
      extKeyUsage: ekuValue ? [...AsnConvert.parse(ekuValue, ExtendedKeyUsage)] : [],
      san,
      rawSan: sanValue ? Buffer.from(sanValue) : undefined,
      permitted: nc ? names(permittedNames) : undefined,
      excluded: nc ? names(excludedNames) : undefined,
      unhandledCriticalExtensions: unhandled,
    },
  };
}

function names(list: readonly GeneralName[]): NameSet {
  const pick = (f: (n: GeneralName) => string | undefined) => list.map(f).filter((v): v is string => v !== undefined);
  return { dns: pick((n) => n.dNSName), email: pick((n) => n.rfc822Name), ip: pick((n) => n.iPAddress), uri: pick((n) => n.uniformResourceIdentifier) };
}

/** Why Go's parser refuses `cert`, or undefined. */
export function goParseProblem(cert: X509Certificate): string | undefined {
  const parsed = parseGoCertificate(cert);
  return parsed.ok ? undefined : parsed.error;
}
