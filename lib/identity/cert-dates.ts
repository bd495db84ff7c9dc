/** Certificate validity dates, read and printed without locale dependence. */
import type { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';

const cache = new WeakMap<X509Certificate, { readonly notBefore: Date; readonly notAfter: Date }>();

/**
 * The certificate's validity window, read exactly from its DER (no locale-dependent date parsing).
 * Read with the ASN.1 schema x509-parse already uses: @peculiar/x509 (and its reflect polyfill) is
 * then only loaded where certificates are generated.
 */
export function certDates(cert: X509Certificate): { readonly notBefore: Date; readonly notAfter: Date } {
  let dates = cache.get(cert);
  if (!dates) {
    const { validity } = AsnConvert.parse(cert.raw, Certificate).tbsCertificate;
    dates = { notBefore: validity.notBefore.getTime(), notAfter: validity.notAfter.getTime() };
    cache.set(cert, dates);
  }
  return dates;
}

/** RFC 3339 in UTC without fractions, as Go's `time.RFC3339` prints certificate dates. */
export function formatDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
