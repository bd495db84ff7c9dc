/**
 * Reads the trust state out of rendered Kubernetes objects (a synthesized `dist/`, a render in memory),
 * in either identity mode:
 *
 * - PEM: ConfigMap `linkerd-identity-trust-roots` (key `ca-bundle.crt`) and Secret
 *   `linkerd-identity-issuer` (key `crt.pem`, base64; `stringData` also understood);
 * - cert-manager: trust-manager `Bundle` `linkerd-identity-trust-roots` whose sources are the Secrets
 *   `linkerd-trust-anchor-<generation>` (key `tls.crt`), and cert-manager `Certificate`
 *   `linkerd-identity-issuer` whose `issuerRef` is the `ClusterIssuer` `linkerd-trust-anchor-<generation>`.
 *   Bundle sources of other shapes count as anchors too: `inLine` PEM by fingerprint, anything else
 *   by its source reference.
 *
 * When both a Bundle and the ConfigMap are present the Bundle wins: trust-manager owns the ConfigMap.
 */
import type { X509Certificate } from 'node:crypto';
import { MeshformError } from '../errors.js';
import { TRUST_ROOTS_CONFIGMAP, TRUST_ROOTS_KEY } from '../k8s/names.js';
import { IDENTITY_ISSUER } from './cert-manager.js';
import { TRUST_ANCHOR_NAME_PREFIX } from './cert-manager-options.js';
import { parseCertificatesPem } from './pem.js';
import { anchorRefs, issuerRef, type IssuerRef, type TrustAnchorRef, type TrustState } from './rotation.js';

const TRUST_ROOTS_NAME = TRUST_ROOTS_CONFIGMAP;
/** The issuer Secret (PEM mode) and Certificate (cert-manager mode). */
const ISSUER_NAME = IDENTITY_ISSUER;
const ISSUER_CERT_KEY = 'crt.pem';
const EXTERNAL_ISSUER_CERT_KEY = 'tls.crt';
/** cert-manager mode: the Secret and ClusterIssuer of one anchor generation are `linkerd-trust-anchor-<generation>`. */
const TRUST_ANCHOR_PREFIX = TRUST_ANCHOR_NAME_PREFIX;

/** The id of a cert-manager anchor generation: `generation:<g>`. */
export function generationId(generation: string): string {
  return `generation:${generation}`;
}

/**
 * The trust state the objects deploy, or undefined when they carry no trust anchors (a first install,
 * or a render without the control plane). Throws a `MeshformError` when the PEM inside does not parse.
 */
export function trustStateFromManifests(objects: readonly unknown[]): TrustState | undefined {
  const objs = objects.filter(isObject);
  const bundle = objs.find((o) => o.kind === 'Bundle' && apiGroup(o) === 'trust.cert-manager.io' && nameOf(o) === TRUST_ROOTS_NAME);
  if (bundle) return certManagerState(bundle, objs);
  const configMap = objs.find((o) => o.kind === 'ConfigMap' && apiGroup(o) === '' && nameOf(o) === TRUST_ROOTS_NAME);
  if (configMap) return pemState(configMap, objs);
  return undefined;
}

function pemState(configMap: Obj, objs: readonly Obj[]): TrustState {
  const where = `ConfigMap ${qualified(configMap)} key ${TRUST_ROOTS_KEY}`;
  const bundleText = stringAt(configMap, ['data', TRUST_ROOTS_KEY]) ?? '';
  const anchors = bundleText.trim() ? parse(bundleText, where) : [];
  const refs = anchorRefs(anchors);
  const secret = objs.find((o) => o.kind === 'Secret' && apiGroup(o) === '' && nameOf(o) === ISSUER_NAME);
  // `crt.pem` with scheme linkerd.io/tls; `tls.crt` in an external issuer's kubernetes.io/tls Secret.
  const key = secret ? [ISSUER_CERT_KEY, EXTERNAL_ISSUER_CERT_KEY].find((k) => secretValue(secret, k)?.trim()) : undefined;
  if (!secret || !key) return { mode: 'pem', anchors: refs };
  const issuer = parse(secretValue(secret, key) as string, `Secret ${qualified(secret)} key ${key}`)[0];
  return { mode: 'pem', anchors: refs, issuer: issuerRef(issuer, anchors, refs) };
}

function certManagerState(bundle: Obj, objs: readonly Obj[]): TrustState {
  const sources = arrayAt(bundle, ['spec', 'sources']);
  const anchors: TrustAnchorRef[] = [];
  const push = (ref: TrustAnchorRef) => {
    if (!anchors.some((a) => a.id === ref.id)) anchors.push(ref);
  };
  sources.forEach((source, i) => {
    if (!isRecord(source)) return;
    const secret = isRecord(source.secret) ? source.secret : undefined;
    const secretName = typeof secret?.name === 'string' ? secret.name : undefined;
    if (secretName?.startsWith(TRUST_ANCHOR_PREFIX)) {
      const g = secretName.slice(TRUST_ANCHOR_PREFIX.length);
      push({ id: generationId(g), label: `generation ${g} (Secret ${secretName})` });
    } else if (typeof source.inLine === 'string') {
      for (const ref of anchorRefs(parse(source.inLine, `Bundle ${TRUST_ROOTS_NAME} source ${i + 1} (inLine)`))) push(ref);
    } else {
      const [kind, ref] = Object.entries(source)[0] ?? ['source', undefined];
      const name = isRecord(ref) ? [ref.name, ref.key].filter((x) => typeof x === 'string').join('/') : String(ref ?? '');
      push({ id: `source:${kind}/${name}`, label: `Bundle source ${kind} ${name}`.trim() });
    }
  });
  const certificate = objs.find((o) => o.kind === 'Certificate' && apiGroup(o) === 'cert-manager.io' && nameOf(o) === ISSUER_NAME);
  return { mode: 'cert-manager', anchors, issuer: certificate ? certificateIssuer(certificate) : undefined };
}

function certificateIssuer(certificate: Obj): IssuerRef {
  const ref = recordAt(certificate, ['spec', 'issuerRef']);
  const name = typeof ref?.name === 'string' ? ref.name : '';
  const kind = typeof ref?.kind === 'string' ? ref.kind : 'Issuer';
  const base = { id: `certificate:${qualified(certificate)}`, label: `issuer Certificate ${qualified(certificate)}` };
  if (kind === 'ClusterIssuer' && name.startsWith(TRUST_ANCHOR_PREFIX)) {
    const g = name.slice(TRUST_ANCHOR_PREFIX.length);
    return { ...base, signerId: generationId(g), signerLabel: `trust anchor generation ${g} (ClusterIssuer ${name})` };
  }
  return { ...base, signerLabel: `its issuerRef ${kind} ${name || '(unnamed)'}, which is not a trust-anchor generation (${TRUST_ANCHOR_PREFIX}<generation>)` };
}

/** An object with a kind and an apiVersion: what Kubernetes manifests hold. */
export type Obj = Record<string, unknown> & { kind: string; apiVersion: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isObject(v: unknown): v is Obj {
  return isRecord(v) && typeof v.kind === 'string' && typeof v.apiVersion === 'string';
}

function apiGroup(o: Obj): string {
  return o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
}

function nameOf(o: Obj): string | undefined {
  const name = recordAt(o, ['metadata'])?.name;
  return typeof name === 'string' ? name : undefined;
}

function qualified(o: Obj): string {
  const ns = recordAt(o, ['metadata'])?.namespace;
  return typeof ns === 'string' ? `${ns}/${nameOf(o)}` : String(nameOf(o));
}

function recordAt(o: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let cur: unknown = o;
  for (const key of path) cur = isRecord(cur) ? cur[key] : undefined;
  return isRecord(cur) ? cur : undefined;
}

function stringAt(o: Record<string, unknown>, path: readonly string[]): string | undefined {
  const parent = recordAt(o, path.slice(0, -1));
  const v = parent?.[path[path.length - 1]];
  return typeof v === 'string' ? v : undefined;
}

function arrayAt(o: Record<string, unknown>, path: readonly string[]): unknown[] {
  const parent = recordAt(o, path.slice(0, -1));
  const v = parent?.[path[path.length - 1]];
  return Array.isArray(v) ? v : [];
}

/** The first Kubernetes object of `kind` in API group `group` (core by default) named `name`. */
export function findObject(objects: readonly unknown[], kind: string, name: string, group = ''): Obj | undefined {
  return objects.filter(isObject).find((o) => o.kind === kind && apiGroup(o) === group && nameOf(o) === name);
}

/** A Secret's value: `stringData` as is, `data` base64-decoded. */
export function secretValue(secret: Obj, key: string): string | undefined {
  const plain = stringAt(secret, ['stringData', key]);
  if (plain !== undefined) return plain;
  const encoded = stringAt(secret, ['data', key]);
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
}

function parse(pem: string, where: string): X509Certificate[] {
  const parsed = parseCertificatesPem(pem);
  if (!parsed.ok) throw new MeshformError(`${where} ${parsed.error}`);
  return parsed.value;
}
