/**
 * Values as a diff line shows them: short, on one line, and never a secret. Secret data is never
 * shown; certificates appear as subject and fingerprint (the same anchor in two renders has the same
 * fingerprint whatever its PEM spelling); private keys are never shown, wherever they are found.
 */
import { isSecretField } from '../errors.js';
import { certName } from '../identity/check.js';
import { containsPem, parseCertificatesPem } from '../identity/pem.js';
import { certificateId } from '../identity/rotation.js';
import type { FieldChange } from './field-changes.js';

const MAX_SHOWN = 80;
const NOT_SHOWN = '(secret, not shown)';

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** `sha256:` and the first 16 hex digits: enough to tell anchors apart in a review. */
export function shortFingerprint(id: string): string {
  return id.startsWith('sha256:') ? `${id.slice(0, 7 + 16)}…` : id;
}

/** PEM text (or base64 of it, as webhook `caBundle`s hold it) described without its contents; undefined when it is no PEM. */
function describePem(text: string): string | undefined {
  let pem = text;
  if (!containsPem(pem) && /^[A-Za-z0-9+/=\s]{40,}$/.test(pem)) pem = Buffer.from(pem, 'base64').toString('utf8');
  if (!containsPem(pem)) return undefined;
  if (/PRIVATE KEY-----/.test(pem)) return '(private key, not shown)';
  const certs = parseCertificatesPem(pem);
  if (!certs.ok) return '(PEM that does not parse, not shown)';
  const names = certs.value.map((c) => `${certName(c)} ${shortFingerprint(certificateId(c))}`);
  return `(${certs.value.length === 1 ? 'certificate' : `${certs.value.length} certificates`}: ${names.join('; ')})`;
}

/** One value on one line. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const pem = describePem(value);
    if (pem) return pem;
    if (value.includes('\n')) return `(text, ${value.split('\n').length} lines)`;
    return clip(JSON.stringify(value));
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return clip(`[${value.map(showValue).join(', ')}]`);
    return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  }
  if (typeof value === 'object' && value !== null) return clip(`{${Object.keys(value).join(', ')}}`);
  return String(value);
}

/** Is the change inside data that must not be shown (a Secret's `data`/`stringData`, a key field)? */
export function isHiddenField(kind: string, path: string): boolean {
  return (kind === 'Secret' && /^(data|stringData)\b/.test(path)) || isSecretField(path.replace(/\["([^"]+)"\]/g, '.$1'));
}

const isScalarList = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null);

/** `spec.replicas: 1 → 3`, `spec.template.spec.containers[name=x]: added {...}`, secrets as not shown. */
export function describeChange(kind: string, c: FieldChange): string {
  const at = c.path || '(whole object)';
  if (c.change === 'reordered') return `${at}: order changed (${(c.before as string[]).join(', ')} → ${(c.after as string[]).join(', ')})`;
  if (isHiddenField(kind, c.path)) return `${at}: ${c.change} ${NOT_SHOWN}`;
  if (c.change === 'added') return `${at}: added ${showValue(c.after)}`;
  if (c.change === 'removed') return `${at}: removed (was ${showValue(c.before)})`;
  const { before, after } = c;
  if (isScalarList(before) && isScalarList(after)) {
    const gone = before.filter((x) => !after.includes(x)).map((x) => `-${showValue(x)}`);
    const came = after.filter((x) => !before.includes(x)).map((x) => `+${showValue(x)}`);
    const moves = gone.length || came.length ? [...gone, ...came].join(', ') : 'same items, order changed';
    return `${at}: ${clip(moves)}`;
  }
  return `${at}: ${showValue(before)} → ${showValue(after)}`;
}
