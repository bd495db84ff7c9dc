/**
 * PEM parsing for identity material (trust anchors, issuer certificate and key). Functions return data
 * or an error message instead of throwing, so validation can report every problem at once.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { goParseProblem } from './x509-parse.js';

export type PemResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** One `-----BEGIN LABEL----- ... -----END LABEL-----` block. */
export interface PemBlock {
  readonly label: string;
  /** The whole block including its BEGIN/END lines. */
  readonly text: string;
}

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

/** True when the text contains at least one PEM BEGIN line (the trigger for strict parsing). */
export function containsPem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}

/** Splits text into PEM blocks; unterminated or mismatched blocks are an error. */
export function pemBlocks(text: string): PemResult<PemBlock[]> {
  // One forward scan (not a backtracking regex): a large input of BEGIN lines without END lines must
  // fail fast rather than take quadratic time.
  const blocks: PemBlock[] = [];
  const begin = new RegExp(BEGIN.source, 'g');
  let pos = 0;
  for (let m = begin.exec(text); m; m = begin.exec(text)) {
    const endLine = `-----END ${m[1]}-----`;
    const end = text.indexOf(endLine, m.index + m[0].length);
    if (end < 0 || text.slice(m.index + m[0].length, end).includes('-----BEGIN ')) {
      return { ok: false, error: 'contains a PEM block without a matching END line' };
    }
    pos = end + endLine.length;
    blocks.push({ label: m[1], text: text.slice(m.index, pos) });
    begin.lastIndex = pos;
  }
  if (blocks.length === 0) return { ok: false, error: 'contains no PEM block (-----BEGIN ...-----)' };
  // Go's pem.Decode loop in upstream's DecodePEMCertificates fails on anything but whitespace after the
  // last block. The junk is not echoed: it may be key material.
  const trailing = text.slice(pos).trim();
  if (trailing) return { ok: false, error: `has ${trailing.length} characters of non-PEM text after the last PEM block` };
  return { ok: true, value: blocks };
}

/**
 * Parsed bundles by their text: one render reads the same anchors and issuer in the store, the value
 * checks and the chart, and the Go-rules parse of a certificate (x509-parse.ts, cached per
 * certificate object) is the slow part. Certificates are immutable, so sharing them is safe; the
 * bound keeps a long-lived process that reads many bundles from growing without limit.
 */
const parsedBundles = new Map<string, PemResult<readonly X509Certificate[]>>();
const PARSED_BUNDLES_KEPT = 64;

/** Parses one or more `CERTIFICATE` blocks (a bundle). */
export function parseCertificatesPem(text: string): PemResult<X509Certificate[]> {
  let result = parsedBundles.get(text);
  if (!result) {
    result = parseBundle(text);
    if (parsedBundles.size >= PARSED_BUNDLES_KEPT) parsedBundles.delete(parsedBundles.keys().next().value as string);
    parsedBundles.set(text, result);
  }
  // A fresh array each call: callers may sort or extend what they get.
  return result.ok ? { ok: true, value: [...result.value] } : result;
}

function parseBundle(text: string): PemResult<readonly X509Certificate[]> {
  const blocks = pemBlocks(text);
  if (!blocks.ok) return blocks;
  const certs: X509Certificate[] = [];
  for (const [i, block] of blocks.value.entries()) {
    if (block.label !== 'CERTIFICATE') {
      return { ok: false, error: `PEM block ${i + 1} is "${block.label}", expected "CERTIFICATE"` };
    }
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block.text);
    } catch (e) {
      return { ok: false, error: `PEM block ${i + 1} is not a valid X.509 certificate (${(e as Error).message})` };
    }
    const refused = goParseProblem(cert);
    if (refused) return { ok: false, error: `PEM block ${i + 1} ${refused}` };
    certs.push(cert);
  }
  return { ok: true, value: certs };
}

const KEY_LABELS = new Set(['EC PRIVATE KEY', 'PRIVATE KEY', 'RSA PRIVATE KEY']);

/** Parses a single private key (SEC1 `EC PRIVATE KEY`, PKCS#8 `PRIVATE KEY`, or PKCS#1 RSA). */
export function parsePrivateKeyPem(text: string): PemResult<KeyObject> {
  const blocks = pemBlocks(text);
  if (!blocks.ok) return blocks;
  if (blocks.value.length !== 1) return { ok: false, error: `expected one private key, found ${blocks.value.length} PEM blocks` };
  const block = blocks.value[0];
  if (!KEY_LABELS.has(block.label)) {
    return { ok: false, error: `PEM block is "${block.label}", expected "EC PRIVATE KEY" or "PRIVATE KEY"` };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(block.text);
  } catch (e) {
    return { ok: false, error: `is not a valid private key (${(e as Error).message})` };
  }
  // Upstream's DecodePEMKey takes ECDSA and RSA keys only.
  if (key.asymmetricKeyType !== 'ec' && key.asymmetricKeyType !== 'rsa') {
    return { ok: false, error: `is a ${describeKeyAlgorithm(key)} key: Linkerd reads ECDSA and RSA private keys only` };
  }
  return { ok: true, value: key };
}

/** A human description of a key's algorithm, e.g. `ECDSA P-256` or `RSA 2048`. */
export function describeKeyAlgorithm(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      return `ECDSA ${curveName(details.namedCurve)}`;
    case 'rsa':
    case 'rsa-pss':
      return `RSA${details.modulusLength ? ` ${details.modulusLength}` : ''}`;
    default:
      return String(key.asymmetricKeyType ?? 'unknown').toUpperCase();
  }
}

function curveName(nodeName: string | undefined): string {
  if (nodeName === 'prime256v1') return 'P-256';
  if (nodeName === 'secp384r1') return 'P-384';
  if (nodeName === 'secp521r1') return 'P-521';
  return nodeName ?? 'unknown curve';
}

/** Linkerd's identity requires ECDSA P-256 for the issuer (and the anchors it signs with). */
export function isEcdsaP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

/** True when `key` is the private key of `cert`. */
export function keyMatchesCertificate(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}
