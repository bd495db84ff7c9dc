/**
 * Finding private keys in a render, so a GitOps tree never carries one unless asked: a Secret with a
 * key-named entry (`tls.key`, `key.pem`, ...) or any object holding a PEM private key, in plain
 * text or in a Secret's base64 `data`. Only where a key is, never its contents, is reported.
 */
import type { KubeObject } from '../manifest.js';

const KEY_ENTRY = /(^|[.-])key(\.pem)?$/i;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** The `data`/`stringData` entries (and fields) of `object` that hold a private key. */
export function privateKeyFields(object: KubeObject): string[] {
  const found: string[] = [];
  if (object.kind === 'Secret' && object.apiVersion === 'v1') {
    for (const field of ['data', 'stringData'] as const) {
      const entries = (object[field] ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(entries)) {
        const text = typeof value === 'string' ? (field === 'data' ? Buffer.from(value, 'base64').toString('utf8') : value) : '';
        if (KEY_ENTRY.test(key) || PEM_PRIVATE_KEY.test(text)) found.push(`${field}.${key}`);
      }
    }
  }
  if (!found.length && PEM_PRIVATE_KEY.test(JSON.stringify(object))) found.push('(a PEM private key)');
  return found;
}
