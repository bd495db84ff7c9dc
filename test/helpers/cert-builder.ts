/**
 * Builds certificates with exactly the properties a verification test needs (basic constraints, key
 * usages, name constraints, critical extensions, signature hash, key type), with @peculiar/x509.
 */
import { webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints, id_ce_nameConstraints } from '@peculiar/asn1-x509';

const cryptoImpl = webcrypto as unknown as Crypto;
const DAY = 86_400_000;

export interface CertSpec {
  readonly cn: string;
  /** DNS SANs. @default [cn] */
  readonly dns?: readonly string[];
  /** basicConstraints CA flag; 'absent' leaves the extension out. @default true */
  readonly ca?: boolean | 'absent';
  /** @default - no path length */
  readonly pathLen?: number;
  /** keyUsage flags; 'absent' leaves the extension out. @default certSign + cRLSign */
  readonly keyUsage?: number | 'absent';
  /** Extended key usage OIDs. @default - no extension */
  readonly eku?: readonly string[];
  /** DNS name constraints of a CA. @default - none */
  readonly permittedDns?: readonly string[];
  readonly excludedDns?: readonly string[];
  /** Additional extensions, e.g. an unknown critical one. @default - none */
  readonly extra?: readonly x509.Extension[];
  /** @default 'SHA-256' */
  readonly hash?: 'SHA-1' | 'SHA-256' | 'SHA-384';
  /** @default 'ec' (P-256) */
  readonly key?: 'ec' | 'ec384' | 'rsa2048';
  /** @default - one day ago */
  readonly notBefore?: Date;
  /** @default - a year after notBefore */
  readonly notAfter?: Date;
  /** Hex serial. @default - random, positive */
  readonly serial?: string;
}

export interface BuiltCert {
  readonly cert: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly pem: string;
  readonly keyPem: string;
  readonly algorithm: EcKeyImportParams | RsaHashedImportParams;
}

function keyAlgorithm(key: CertSpec['key'], hash: string): EcKeyGenParams | RsaHashedKeyGenParams {
  if (key === 'rsa2048') return { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash };
  return { name: 'ECDSA', namedCurve: key === 'ec384' ? 'P-384' : 'P-256' };
}

function nameConstraints(permitted: readonly string[] = [], excluded: readonly string[] = []): x509.Extension {
  const subtrees = (names: readonly string[]) => new GeneralSubtrees(names.map((n) => new GeneralSubtree({ base: new GeneralName({ dNSName: n }) })));
  const value = new NameConstraints({
    ...(permitted.length ? { permittedSubtrees: subtrees(permitted) } : {}),
    ...(excluded.length ? { excludedSubtrees: subtrees(excluded) } : {}),
  });
  return new x509.Extension(id_ce_nameConstraints, true, AsnConvert.serialize(value));
}

/** A certificate for `spec`, self-signed unless `signer` is given. */
export async function buildCert(spec: CertSpec, signer?: BuiltCert): Promise<BuiltCert> {
  const hash = spec.hash ?? 'SHA-256';
  const algorithm = keyAlgorithm(spec.key, hash);
  const keys = (await cryptoImpl.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = spec.notBefore ?? new Date(Date.now() - DAY);
  const extensions: x509.Extension[] = [];
  if (spec.ca !== 'absent') extensions.push(new x509.BasicConstraintsExtension(spec.ca ?? true, spec.pathLen, true));
  const usage = spec.keyUsage ?? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
  if (usage !== 'absent') extensions.push(new x509.KeyUsagesExtension(usage, true));
  if (spec.eku) extensions.push(new x509.ExtendedKeyUsageExtension([...spec.eku], false));
  const dns = spec.dns ?? [spec.cn];
  if (dns.length) extensions.push(new x509.SubjectAlternativeNameExtension(dns.map((value) => ({ type: 'dns' as const, value }))));
  if (spec.permittedDns || spec.excludedDns) extensions.push(nameConstraints(spec.permittedDns, spec.excludedDns));
  extensions.push(...(spec.extra ?? []));
  const signingKey = signer?.keys.privateKey ?? keys.privateKey;
  const signerAlgorithm = signer?.algorithm ?? algorithm;
  const signingAlgorithm = signerAlgorithm.name === 'ECDSA' ? { name: 'ECDSA', hash } : { name: 'RSASSA-PKCS1-v1_5', hash };
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: spec.serial ?? `01${Buffer.from(cryptoImpl.getRandomValues(new Uint8Array(8))).toString('hex')}`,
      subject: `CN=${spec.cn}`,
      issuer: signer ? signer.cert.subjectName : `CN=${spec.cn}`,
      notBefore,
      notAfter: spec.notAfter ?? new Date(notBefore.getTime() + 365 * DAY),
      signingAlgorithm,
      publicKey: keys.publicKey,
      signingKey,
      extensions,
    },
    cryptoImpl,
  );
  const pkcs8 = Buffer.from(await cryptoImpl.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { cert, keys, pem: `${cert.toString('pem')}\n`, keyPem, algorithm: algorithm as EcKeyImportParams | RsaHashedImportParams };
}

/** An extension with an OID no verifier knows. */
export function unknownExtension(critical: boolean): x509.Extension {
  return new x509.Extension('1.3.6.1.4.1.99999.1', critical, new Uint8Array([0x05, 0x00]).buffer);
}
