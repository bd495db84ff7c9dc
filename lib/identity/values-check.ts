/**
 * Upstream's certificate checks (`linkerd-identity`, `linkerd-webhooks-and-apisvc-tls`, viz's tap) on
 * the identity material a user's values carry: what `meshform check -f VALUES` reports and what
 * `meshform install` refuses on, as upstream's install refuses issuer credentials that fail
 * `VerifyAndBuildCreds` (unparsable, wrong algorithm, expired, not signed by an anchor).
 *
 * Reads the raw merged values tree, not resolved `MeshValues`: resolution would refuse an expired
 * certificate before the checks could say *what* is wrong with it.
 */
import type { ValidationIssue } from '../errors.js';
import { getPath, type ValueTree } from '../values/tree.js';
import { checkIdentity, IDENTITY_CHECKS, type Finding } from './check.js';
import { checkRotationStep, trustStateFromPem, type TrustState } from './rotation.js';
import { CONTROL_PLANE_WEBHOOKS, VIZ_WEBHOOKS, checkWebhookCert } from './webhook-certs.js';
import { ISSUER_SCHEME_KUBERNETES } from '../k8s/labels.js';

export interface ValuesCheckOptions {
  /** The control plane's namespace (webhook certificates name `<service>.<namespace>.svc`). */
  readonly namespace: string;
  /**
   * The time the certificates are checked at.
   * @default - the current time
   */
  readonly now?: Date;
}

/** A string value of the tree, or '' when absent or not a string. */
function stringValue(tree: ValueTree, key: string): string {
  const v = getPath(tree, key);
  return typeof v === 'string' ? v : '';
}

/** A webhook's keyPEM for the key-pair check (undefined: not checked); a wrong type is left to the values' type check. */
function webhookKey(user: ValueTree, valuesKey: string): string | undefined {
  // With an external Secret the key lives in the cluster, not in the values.
  if (getPath(user, `${valuesKey}.externalSecret`) === true) return undefined;
  const v = getPath(user, `${valuesKey}.keyPEM`);
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : undefined;
}

const IDENTITY_PEM_KEYS = ['identityTrustAnchorsPEM', 'identity.issuer.tls.crtPEM', 'identity.issuer.tls.keyPEM'] as const;

/** All certificate findings for a user's (unvalidated) values tree. */
export function checkIdentityValues(user: ValueTree, opts: ValuesCheckOptions): Finding[] {
  const text = (key: string): string => stringValue(user, key);
  const trustDomain = text('identityTrustDomain').trim() || text('clusterDomain').trim() || 'cluster.local';
  const externalIssuer = text('identity.issuer.scheme') === ISSUER_SCHEME_KUBERNETES;
  const findings: Finding[] = [];

  const anchors = text('identityTrustAnchorsPEM');
  const issuerCrt = text('identity.issuer.tls.crtPEM');
  const issuerKey = text('identity.issuer.tls.keyPEM');
  const wrongTypes = IDENTITY_PEM_KEYS.flatMap((key) => {
    const v = getPath(user, key);
    // The type only: the value may hold key material.
    return v === undefined || v === null || typeof v === 'string' ? [] : [`${key} must be a PEM string, got ${Array.isArray(v) ? 'a list' : `a ${typeof v === 'object' ? 'map' : typeof v}`}`];
  });
  if (wrongTypes.length) {
    findings.push({ category: 'linkerd-identity', check: IDENTITY_CHECKS.configValid, severity: 'error', message: wrongTypes.join('\n') });
  } else if (!anchors.trim() && !issuerCrt.trim() && !issuerKey.trim()) {
    findings.push({
      category: 'linkerd-identity',
      check: IDENTITY_CHECKS.configValid,
      severity: 'warning',
      message:
        'the values carry no identity material (identityTrustAnchorsPEM, identity.issuer.tls.crtPEM/keyPEM): nothing to check; ' +
        'an install needs them: put the PEM text in a values file and pass it with -f',
    });
  } else if (!anchors.trim() && getPath(user, 'identity.externalCA') === true) {
    findings.push({
      category: 'linkerd-identity',
      check: IDENTITY_CHECKS.configValid,
      severity: 'warning',
      message:
        'identity.externalCA is set and identityTrustAnchorsPEM is empty: the trust anchors live in the cluster ' +
        '(ConfigMap linkerd-identity-trust-roots), so the identity checks need them in identityTrustAnchorsPEM to run',
    });
  } else {
    findings.push(
      ...checkIdentity({ trustAnchorsPem: anchors, issuerCertificatePem: issuerCrt, issuerKeyPem: issuerKey, trustDomain, externalIssuer, now: opts.now }),
    );
  }

  // A webhook without a crtPEM gets its certificate elsewhere (externalSecret, cert-manager): nothing to check here.
  for (const [specs, ns] of [
    [CONTROL_PLANE_WEBHOOKS, opts.namespace],
    [VIZ_WEBHOOKS, undefined],
  ] as const) {
    for (const spec of specs) {
      const crt = text(`${spec.valuesKey}.crtPEM`);
      if (!crt.trim()) continue;
      findings.push(
        ...checkWebhookCert({
          name: spec.name,
          certificatePem: crt,
          keyPem: webhookKey(user, spec.valuesKey),
          caBundlePem: text(`${spec.valuesKey}.caBundle`),
          namespace: ns,
          now: opts.now,
        }),
      );
    }
  }
  return findings;
}

/** The values key a failed check is about, so a refusal names the field to fix. */
function findingPath(f: Finding): string {
  if (f.category !== 'linkerd-identity') {
    const spec = [...CONTROL_PLANE_WEBHOOKS, ...VIZ_WEBHOOKS].find((w) => f.check.startsWith(`${w.name} `));
    return spec ? `${spec.valuesKey}.crtPEM` : f.category;
  }
  if (f.check.startsWith('trust anchors')) return 'identityTrustAnchorsPEM';
  // The field a config problem names, when it names one (the key path is in every such message).
  if (f.check === IDENTITY_CHECKS.configValid) return IDENTITY_PEM_KEYS.find((k) => f.message.includes(k)) ?? 'identity';
  return 'identity.issuer.tls.crtPEM';
}

/** Failed checks as validation issues (`path: check: what was found`); warnings are left out. */
export function findingsAsIssues(findings: readonly Finding[]): ValidationIssue[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ path: findingPath(f), value: undefined, message: `${f.check}: ${f.message.split('\n').join('; ')}` }));
}

/**
 * Warnings a render prints on stderr (expiring certificates, an issuer named outside the trust
 * domain); "nothing to check" notes are left out: a render has its own say about missing material.
 */
export function findingsAsWarnings(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'warning' && f.check !== IDENTITY_CHECKS.configValid)
    .map((f) => `${f.check}: ${f.message.split('\n').join('; ')}`);
}

/**
 * The rotation checks (`checkRotationStep`) of the values' trust anchors and issuer against what is
 * deployed. Empty when the values carry no anchors or they do not parse (`checkIdentityValues` says why).
 */
export function checkValuesRotation(user: ValueTree, deployed: TrustState): Finding[] {
  const text = (key: string): string => stringValue(user, key);
  const anchors = text('identityTrustAnchorsPEM');
  if (!anchors.trim()) return [];
  let proposed: TrustState;
  try {
    proposed = trustStateFromPem(anchors, text('identity.issuer.scheme') === ISSUER_SCHEME_KUBERNETES ? undefined : text('identity.issuer.tls.crtPEM'));
  } catch {
    return [];
  }
  return checkRotationStep(deployed, proposed, { issuanceLifetime: text('identity.issuer.issuanceLifetime') || undefined });
}
