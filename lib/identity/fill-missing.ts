/**
 * What `meshform install` / `viz install` take from the local identity store when the user gives no
 * identity, as `linkerd install` generates it: only what is missing, so supplied material always wins.
 *
 * Upstream's rules (`initializeIssuerCredentials`, the charts' `genSelfSignedCert` webhooks): the trust
 * anchors and the issuer come as a set — generated when none of the three is given, refused when only
 * some are; nothing is generated for an issuer the cluster provides (external issuer, cert-manager) or
 * for Helm-style renders (`cliVersion: ''`), which render exactly what they are given. With an external
 * CA only the trust-roots ConfigMap is the cluster's: the issuer is still generated, as upstream does.
 * Each webhook's serving certificate is generated when none of its TLS values is set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationIssue } from '../errors.js';
import { getPath, type ValueTree } from '../values/tree.js';
import { dnsNames } from './check.js';
import { parseCertificatesPem } from './pem.js';
import { identityValuesOverlay, vizTlsOverlay, type LocalIdentity } from './store.js';
import type { WebhookSpec } from './webhook-certs.js';
import { ISSUER_SCHEME_KUBERNETES } from '../k8s/labels.js';

/** The three identity values upstream wants all or none of. */
const IDENTITY_KEYS = ['identityTrustAnchorsPEM', 'identity.issuer.tls.crtPEM', 'identity.issuer.tls.keyPEM'] as const;

/** A webhook's values: any of them set means the user configured its TLS (or left it to cert-manager). */
const WEBHOOK_TLS_KEYS = ['crtPEM', 'keyPEM', 'caBundle', 'injectCaFrom', 'injectCaFromSecret'] as const;

/** The three ways to give a render its identity, for every error that still lacks it. */
export const IDENTITY_SOURCES_HINT =
  'provide identity one of three ways: (1) supply all of identityTrustAnchorsPEM and identity.issuer.tls.crtPEM/keyPEM ' +
  '(-f VALUES, or --identity-trust-anchors-file, --identity-issuer-certificate-file and --identity-issuer-key-file); ' +
  '(2) supply none and let meshform generate them into its local identity store (--identity-dir DIR, default .meshform/identity); ' +
  '(3) --cert-manager, so cert-manager and trust-manager issue them in the cluster';

/** What the store has to provide for one render. */
export interface MissingIdentity {
  /** The trust anchors and the issuer certificate and key. */
  readonly identity: boolean;
  /** The webhooks whose serving certificate, key and CA bundle are to come from the store. */
  readonly webhooks: readonly WebhookSpec[];
}

/** Unset as Helm sees it: absent, null, or a blank string. Any other value is the user's (even a wrong type). */
function unset(tree: ValueTree, key: string): boolean {
  const v = getPath(tree, key);
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A Helm-style render (`cliVersion: ''`): upstream's chart generates nothing offline that it is not given. */
export function isHelmStyleValues(user: ValueTree): boolean {
  return getPath(user, 'cliVersion') === '';
}

/**
 * What is missing from the user's merged values (identity flags and any cert-manager overlay included)
 * that the store should provide. `webhooks` lists the chart's webhooks to consider.
 */
export function missingIdentity(user: ValueTree, webhooks: readonly WebhookSpec[], opts: { readonly controlPlane: boolean }): MissingIdentity {
  if (isHelmStyleValues(user)) return { identity: false, webhooks: [] };
  // An external issuer (Secret linkerd-identity-issuer, e.g. from cert-manager) is the cluster's, and so are its anchors.
  const identity = opts.controlPlane && !externalIssuer(user) && IDENTITY_KEYS.every((k) => unset(user, k));
  const missingWebhooks = webhooks.filter(
    (w) => getPath(user, `${w.valuesKey}.externalSecret`) !== true && WEBHOOK_TLS_KEYS.every((k) => unset(user, `${w.valuesKey}.${k}`)),
  );
  return { identity, webhooks: missingWebhooks };
}

function externalIssuer(user: ValueTree): boolean {
  return getPath(user, 'identity.issuer.scheme') === ISSUER_SCHEME_KUBERNETES;
}

/** The external CA's trust-roots ConfigMap is the cluster's: it must hold the anchor that signed a generated issuer. */
export function isExternalCA(user: ValueTree): boolean {
  return getPath(user, 'identity.externalCA') === true;
}

/** True when the store has nothing to provide. */
export function nothingMissing(missing: MissingIdentity): boolean {
  return !missing.identity && missing.webhooks.length === 0;
}

/**
 * Upstream's refusal of a partial set ("a trust anchors file, an issuer certificate file, and an issuer
 * key file must all be specified if any are specified"), naming what is given and what is missing.
 * Undefined when all or none are given, or the mode does not need them.
 */
export function partialIdentityIssue(user: ValueTree): ValidationIssue | undefined {
  if (isHelmStyleValues(user) || externalIssuer(user)) return undefined;
  const given = IDENTITY_KEYS.filter((k) => !unset(user, k));
  // An external CA's anchors may stay in the cluster; the issuer pair is still needed.
  const required = isExternalCA(user) ? IDENTITY_KEYS.slice(1) : IDENTITY_KEYS;
  const missing = required.filter((k) => unset(user, k));
  if (given.length === 0 || missing.length === 0) return undefined;
  return {
    path: missing.join(', '),
    value: undefined,
    message: `the trust anchors, the issuer certificate and the issuer key must all be given if any is (given: ${given.join(', ')}); ${IDENTITY_SOURCES_HINT}`,
  };
}

/** The values the store provides for what is missing; merge them under the user's values. */
export function storeValuesOverlay(identity: LocalIdentity, missing: MissingIdentity): ValueTree {
  const full: ValueTree = { ...identityValuesOverlay(identity), ...vizTlsOverlay(identity) };
  const out: ValueTree = {};
  if (missing.identity) {
    out.identityTrustAnchorsPEM = full.identityTrustAnchorsPEM;
    out.identity = full.identity;
  }
  for (const w of missing.webhooks) if (full[w.valuesKey] !== undefined) out[w.valuesKey] = full[w.valuesKey];
  return out;
}

/**
 * Would the store's material make this issue go away? Such issues are dropped when the store is not
 * used because other values are wrong (it is only filled once they are right): fixing those is enough.
 */
export function isFillableIssue(issue: ValidationIssue, missing: MissingIdentity): boolean {
  if (missing.identity && (IDENTITY_KEYS as readonly string[]).includes(issue.path)) return true;
  return missing.webhooks.some((w) => WEBHOOK_TLS_KEYS.some((k) => issue.path === `${w.valuesKey}.${k}`));
}

/**
 * The trust domain the store's trust anchor (`trust-anchor.crt`) was made for, read from its
 * `identity.linkerd.<trust domain>` name; undefined when the store has no anchor yet. Lets a render
 * that brings its own identity take only webhook certificates from a store made for another domain.
 */
export function storedTrustDomain(dir: string): string | undefined {
  const path = join(dir, 'trust-anchor.crt');
  if (!existsSync(path)) return undefined;
  const parsed = parseCertificatesPem(readFileSync(path, 'utf8'));
  const name = parsed.ok ? dnsNames(parsed.value[0]).find((n) => n.startsWith('identity.linkerd.')) : undefined;
  return name?.slice('identity.linkerd.'.length);
}

/**
 * Without the plain "is required" issues at the keys a partial-set issue (`partialIdentityIssue`)
 * already names as missing: the same problem said twice.
 */
export function withoutRepeatsOf(partial: ValidationIssue | undefined, issues: readonly ValidationIssue[]): readonly ValidationIssue[] {
  if (!partial) return issues;
  const named = new Set(partial.path.split(', '));
  return issues.filter((i) => i === partial || !(named.has(i.path) && i.message.startsWith('is required')));
}
