/** Certificate validity dates, read and printed without locale dependence. */
import type { X509Certificate } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/** The certificate's validity window, read exactly from its DER (no locale-dependent date parsing). */
export function certDates(cert: X509Certificate): { readonly notBefore: Date; readonly notAfter: Date } {
  const parsed = new x509.X509Certificate(cert.raw);
  return { notBefore: parsed.notBefore, notAfter: parsed.notAfter };
}

/** RFC 3339 in UTC without fractions, as Go's `time.RFC3339` prints certificate dates. */
export function formatDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
