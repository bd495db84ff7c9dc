/**
 * Certificate generation for Linkerd's identity (trust anchor and issuer) and for the admission
 * webhooks' serving certificates, with @peculiar/x509 over node's WebCrypto.
 *
 * The identity certificates mirror upstream's fixed test certificates extension for extension
 * (`../shared/linkerd/certs/valid-*.pem`): ECDSA P-256 keys signed with ecdsa-with-SHA256, subject
 * CN and DNS SAN `identity.linkerd.<trustDomain>`, keyUsage certSign + cRLSign (critical),
 * basicConstraints CA:TRUE (critical) with pathLen 1 for the anchor and 0 for the issuer, and a
 * subject key identifier. The issuer also carries an authority key identifier so chain building picks
 * the right anchor when a bundle holds several (an addition over the test certificates, harmless to
 * Go's and rustls' verifiers). Keys are SEC1 `EC PRIVATE KEY` PEM, the format of upstream's test keys.
 *
 * This is the only place that makes keys; it returns them to the caller and never writes them.
 */
import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
// Must precede @peculiar/x509: its dependency tsyringe needs Reflect metadata at load time.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { identityName } from './identity-name.js';

/** A certificate and its private key, both PEM. */
export interface CertificateAndKey {
  /** The certificate, PEM (`-----BEGIN CERTIFICATE-----`). */
  readonly certificatePem: string;
  /** The private key, PEM (SEC1 `-----BEGIN EC PRIVATE KEY-----`). Secret: store it with care. */
  readonly privateKeyPem: string;
}

/** A webhook's serving certificate, its key, and the CA bundle the API server verifies it with. */
export interface WebhookCertificate extends CertificateAndKey {
  /** The self-signed CA that signed `certificatePem`, PEM: the webhook configuration's `caBundle`. */
  readonly caBundlePem: string;
}

export interface TrustAnchorOptions {
  /**
   * The mesh's trust domain (`identityTrustDomain`, else `clusterDomain`).
   * @default 'cluster.local'
   */
  readonly trustDomain?: string;
  /**
   * Days the anchor is valid for, counted from `notBefore`.
   * @default 3650
   */
  readonly validityDays?: number;
  /**
   * Start of validity. Backdated from "now" by the clock skew allowance when omitted.
   * @default - now minus 20 seconds
   */
  readonly notBefore?: Date;
}

export interface IssuerOptions {
  /** The trust anchor that signs the issuer (certificate and private key PEM). */
  readonly anchor: CertificateAndKey;
  /**
   * The mesh's trust domain; must be the anchor's.
   * @default 'cluster.local'
   */
  readonly trustDomain?: string;
  /**
   * Days the issuer is valid for, counted from `notBefore`.
   * @default 365
   */
  readonly validityDays?: number;
  /**
   * Start of validity.
   * @default - now minus 20 seconds
   */
  readonly notBefore?: Date;
}

export interface WebhookCertOptions {
  /** The webhook's Service, e.g. `linkerd-proxy-injector` or `tap-injector`. */
  readonly serviceName: string;
  /** The Service's namespace, e.g. `linkerd` or `linkerd-viz`. */
  readonly namespace: string;
  /**
   * Days the CA and serving certificate are valid for (Helm's charts use 365).
   * @default 365
   */
  readonly validityDays?: number;
  /**
   * Start of validity.
   * @default - now minus 20 seconds
   */
  readonly notBefore?: Date;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Upstream's default `identity.issuer.clockSkewAllowance`: certificates start this far in the past. */
const CLOCK_SKEW_MS = 20 * 1000;

// Passed explicitly to every call instead of setting x509.cryptoProvider, so importing this module
// never changes global state other code may rely on.
const cryptoImpl = webcrypto as unknown as Crypto;

export { identityName };


/** Generates a self-signed trust anchor (root CA) for the mesh. */
export async function generateTrustAnchor(options: TrustAnchorOptions = {}): Promise<CertificateAndKey> {
  const name = identityName(options.trustDomain ?? 'cluster.local');
  const keys = await generateKeys();
  const { notBefore, notAfter } = validity(options.notBefore, options.validityDays ?? 3650);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: `CN=${name}`,
      notBefore,
      notAfter,
      signingAlgorithm: SIGNING,
      keys,
      extensions: [...(await caExtensions(keys.publicKey, 1)), new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }])],
    },
    cryptoImpl,
  );
  return { certificatePem: cert.toString('pem') + '\n', privateKeyPem: await exportKey(keys.privateKey) };
}

/** Generates the identity issuer (intermediate CA, pathLen 0) signed by `anchor`. */
export async function generateIssuer(options: IssuerOptions): Promise<CertificateAndKey> {
  const name = identityName(options.trustDomain ?? 'cluster.local');
  const anchorCert = new x509.X509Certificate(options.anchor.certificatePem);
  const anchorKey = await importSigningKey(options.anchor.privateKeyPem);
  const keys = await generateKeys();
  const { notBefore, notAfter } = validity(options.notBefore, options.validityDays ?? 365);
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: `CN=${name}`,
      issuer: anchorCert.subjectName,
      notBefore,
      notAfter,
      signingAlgorithm: SIGNING,
      publicKey: keys.publicKey,
      signingKey: anchorKey,
      extensions: [
        ...(await caExtensions(keys.publicKey, 0)),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }]),
        await x509.AuthorityKeyIdentifierExtension.create(anchorCert.publicKey, false, cryptoImpl),
      ],
    },
    cryptoImpl,
  );
  return { certificatePem: cert.toString('pem') + '\n', privateKeyPem: await exportKey(keys.privateKey) };
}

/**
 * Generates a webhook's TLS material the way Helm's `genCA` + `genSignedCert` do: a self-signed CA
 * (the `caBundle`) and a serving certificate for `<service>.<namespace>.svc` signed by it. ECDSA P-256
 * rather than Helm's RSA 2048: the API server accepts both and EC keys are fast to make.
 */
export async function generateWebhookCert(options: WebhookCertOptions): Promise<WebhookCertificate> {
  const host = `${options.serviceName}.${options.namespace}.svc`;
  const { notBefore, notAfter } = validity(options.notBefore, options.validityDays ?? 365);
  const caKeys = await generateKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: `CN=${host}-ca`,
      notBefore,
      notAfter,
      signingAlgorithm: SIGNING,
      keys: caKeys,
      extensions: await caExtensions(caKeys.publicKey, 0),
    },
    cryptoImpl,
  );
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: `CN=${host}`,
      issuer: ca.subjectName,
      notBefore,
      notAfter,
      signingAlgorithm: SIGNING,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        new x509.BasicConstraintsExtension(false, undefined, true),
        await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey, false, cryptoImpl),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: host }]),
      ],
    },
    cryptoImpl,
  );
  return {
    caBundlePem: ca.toString('pem') + '\n',
    certificatePem: cert.toString('pem') + '\n',
    privateKeyPem: await exportKey(keys.privateKey),
  };
}

/** keyUsage, basicConstraints and subject key id, in the order upstream's test certificates carry them. */
async function caExtensions(publicKey: CryptoKey, pathLength: number): Promise<x509.Extension[]> {
  return [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    new x509.BasicConstraintsExtension(true, pathLength, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey, false, cryptoImpl),
  ];
}

async function generateKeys(): Promise<CryptoKeyPair> {
  // Extractable so the private key can be exported as PEM for the caller.
  return (await cryptoImpl.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function exportKey(privateKey: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await cryptoImpl.subtle.exportKey('pkcs8', privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return key.export({ format: 'pem', type: 'sec1' }).toString();
}

/** Imports a PEM private key (SEC1 or PKCS#8) as a WebCrypto ECDSA P-256 signing key. */
async function importSigningKey(pem: string): Promise<CryptoKey> {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new Error(`trust anchor private key is not a valid PEM private key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('trust anchor private key must be ECDSA P-256 to sign a Linkerd issuer');
  }
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  return cryptoImpl.subtle.importKey('pkcs8', pkcs8, EC_P256, false, ['sign']);
}

function validity(start: Date | undefined, days: number): { notBefore: Date; notAfter: Date } {
  if (!Number.isFinite(days) || days <= 0) throw new Error(`validityDays must be a positive number of days, got ${days}`);
  const notBefore = start ?? new Date(Date.now() - CLOCK_SKEW_MS);
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * DAY_MS) };
}

/** A random positive 128-bit serial (RFC 5280 allows up to 20 octets; the top bit clear keeps it positive). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return bytes.toString('hex');
}
