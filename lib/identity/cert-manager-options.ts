/**
 * Options of the cert-manager identity mode (the mesh's trust anchors, identity issuer and webhook
 * serving certificates all issued in-cluster by cert-manager, the trust bundle distributed by
 * trust-manager), their validation and their resolution into a complete, defaulted form.
 *
 * Validation collects every problem (field path, value, what is allowed) into one `MeshformError`.
 */
import { IssueCollector, joinPath, type ValidationIssue } from '../errors.js';
import { dns1123LabelProblem, dns1123LabelProblemUpTo, dnsDomainProblem } from '../k8s/name-rules.js';
import { parseGoDuration } from '../values/go-duration.js';
import type { ValueTree } from '../values/tree.js';
import { findUnknownKeys } from '../values/unknown-keys.js';

/** How the mesh's identity and webhook certificates are issued by cert-manager. */
export interface CertManagerIdentityOptions {
  /**
   * cert-manager's namespace: the self-signed `Issuer`, the CA `Certificate`s (trust anchors, webhook
   * CA) and their Secrets live here. It must also be trust-manager's trust namespace (trust-manager
   * reads the anchors' Secrets from it) and cert-manager's cluster resource namespace (the
   * `ClusterIssuer`s read their CA Secrets from it).
   * @default 'cert-manager'
   */
  readonly namespace?: string;
  /**
   * Trust-anchor generations, oldest first. Each is a DNS-label fragment naming the Certificate,
   * Secret and ClusterIssuer `linkerd-trust-anchor-<generation>`; every generation's certificate is in
   * the trust bundle. Rotate anchors by appending a generation, moving `signingTrustAnchor` to it once
   * the bundle has propagated, and dropping the old one once nothing it signed is left.
   * @default ['1']
   */
  readonly trustAnchors?: readonly string[];
  /**
   * The generation whose ClusterIssuer signs the identity issuer certificate; one of `trustAnchors`.
   * Defaults to the oldest so that appending a generation is, by itself, the safe first rotation step
   * (the new anchor joins the bundle; nothing is signed by it until this is moved).
   * @default - the first (oldest) of `trustAnchors`
   */
  readonly signingTrustAnchor?: string;
  /** Lifetime of each trust-anchor certificate (a Go duration). @default '87600h' (10 years) */
  readonly trustAnchorDuration?: string;
  /** Lifetime of the identity issuer certificate. @default '48h' (upstream's cert-manager guide) */
  readonly issuerDuration?: string;
  /** How long before expiry cert-manager renews the identity issuer. @default '25h' */
  readonly issuerRenewBefore?: string;
  /** Lifetime of the webhook CA certificate. @default '87600h' (10 years) */
  readonly webhookCaDuration?: string;
  /** Lifetime of each webhook / tap serving certificate. @default '24h' */
  readonly webhookDuration?: string;
  /** How long before expiry cert-manager renews a webhook serving certificate. @default '1h' */
  readonly webhookRenewBefore?: string;
  /** Labels added to every generated object (after the standard ones). @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Where the mesh is installed: read from the mesh, not chosen in the options. */
export interface CertManagerTarget {
  /** The control plane's namespace. @default 'linkerd' */
  readonly controlPlaneNamespace?: string;
  /** The viz extension's namespace. @default 'linkerd-viz' */
  readonly vizNamespace?: string;
  /** The identity trust domain. @default 'cluster.local' */
  readonly trustDomain?: string;
}

/** The options with every default applied, plus the target; what the builders read. */
export interface ResolvedCertManagerIdentity {
  readonly namespace: string;
  readonly trustAnchors: readonly string[];
  readonly signingTrustAnchor: string;
  readonly trustAnchorDuration: string;
  readonly issuerDuration: string;
  readonly issuerRenewBefore: string;
  readonly webhookCaDuration: string;
  readonly webhookDuration: string;
  readonly webhookRenewBefore: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly controlPlaneNamespace: string;
  readonly vizNamespace: string;
  readonly trustDomain: string;
}

export const CERT_MANAGER_DEFAULTS = {
  namespace: 'cert-manager',
  trustAnchors: ['1'] as readonly string[],
  trustAnchorDuration: '87600h',
  issuerDuration: '48h',
  issuerRenewBefore: '25h',
  webhookCaDuration: '87600h',
  webhookDuration: '24h',
  webhookRenewBefore: '1h',
} as const;

/** The options' field path in `MeshSpec` (`identity.certManager`), used in error messages. */
export const CERT_MANAGER_OPTIONS_PATH = 'identity.certManager';

/** Prefix of the per-generation trust-anchor objects. */
export const TRUST_ANCHOR_NAME_PREFIX = 'linkerd-trust-anchor-';

/** Certificate, Secret and ClusterIssuer name of trust-anchor generation `generation`. */
export function trustAnchorName(generation: string): string {
  return `${TRUST_ANCHOR_NAME_PREFIX}${generation}`;
}

/** `linkerd-trust-anchor-<g>` must stay a DNS label (63 characters), as ClusterIssuer names often are. */
const generationProblem = dns1123LabelProblemUpTo(63 - TRUST_ANCHOR_NAME_PREFIX.length);
/** cert-manager refuses certificates shorter than an hour (nanoseconds, as parseGoDuration counts). */
const MIN_DURATION_NS = 3600e9;

function durationProblem(value: unknown): string | undefined {
  const ns = typeof value === 'string' ? parseGoDuration(value) : undefined;
  if (ns === undefined || ns < 0) return 'must be a Go duration such as 48h, 90m or 2160h0m0s';
  if (ns < MIN_DURATION_NS) return 'must be at least 1h (cert-manager refuses shorter certificates)';
  return undefined;
}

/** Every problem with `options` (and the target), with field paths under `path`. */
export function validateCertManagerIdentity(
  options: CertManagerIdentityOptions = {},
  target: CertManagerTarget = {},
  path: string = CERT_MANAGER_OPTIONS_PATH,
): ValidationIssue[] {
  const issues = new IssueCollector();
  const at = (key: string | number) => joinPath(path, key);

  // From JavaScript or stack config a misspelt option would otherwise be ignored silently.
  const known = { ...CERT_MANAGER_DEFAULTS, trustAnchors: [], signingTrustAnchor: '', labels: {} };
  for (const issue of findUnknownKeys(options as unknown as ValueTree, { defaults: known, freeForm: ['labels'] })) {
    issues.add(path ? `${path}.${issue.path}` : issue.path, issue.value, issue.message);
  }

  if (options.namespace !== undefined) issues.check(at('namespace'), options.namespace, dns1123LabelProblem(options.namespace));

  const anchors = options.trustAnchors ?? CERT_MANAGER_DEFAULTS.trustAnchors;
  if (!Array.isArray(anchors) || anchors.length === 0) {
    issues.add(at('trustAnchors'), anchors, 'must list at least one trust-anchor generation, oldest first, e.g. ["1"]');
  } else {
    const seen = new Set<unknown>();
    anchors.forEach((g: unknown, i) => {
      const problem = generationProblem(g);
      if (problem !== undefined) {
        issues.add(joinPath(at('trustAnchors'), i), g, `${problem} (so that ${TRUST_ANCHOR_NAME_PREFIX}<generation> is a valid name)`);
      } else if (seen.has(g)) {
        issues.add(joinPath(at('trustAnchors'), i), g, 'is listed twice: each trust-anchor generation must be unique');
      }
      seen.add(g);
    });
    if (options.signingTrustAnchor !== undefined && !anchors.includes(options.signingTrustAnchor)) {
      issues.add(at('signingTrustAnchor'), options.signingTrustAnchor, `must be one of trustAnchors (${anchors.map((a) => JSON.stringify(a)).join(', ')})`);
    }
  }

  const durations: [keyof CertManagerIdentityOptions, string | undefined][] = [
    ['trustAnchorDuration', options.trustAnchorDuration],
    ['issuerDuration', options.issuerDuration],
    ['issuerRenewBefore', options.issuerRenewBefore],
    ['webhookCaDuration', options.webhookCaDuration],
    ['webhookDuration', options.webhookDuration],
    ['webhookRenewBefore', options.webhookRenewBefore],
  ];
  for (const [key, value] of durations) if (value !== undefined) issues.check(at(key), value, durationProblem(value));
  renewBeforeCheck(issues, at('issuerRenewBefore'), options.issuerRenewBefore ?? CERT_MANAGER_DEFAULTS.issuerRenewBefore, options.issuerDuration ?? CERT_MANAGER_DEFAULTS.issuerDuration, 'issuerDuration');
  renewBeforeCheck(issues, at('webhookRenewBefore'), options.webhookRenewBefore ?? CERT_MANAGER_DEFAULTS.webhookRenewBefore, options.webhookDuration ?? CERT_MANAGER_DEFAULTS.webhookDuration, 'webhookDuration');

  const labels: unknown = options.labels;
  if (labels !== undefined && (typeof labels !== 'object' || labels === null || Array.isArray(labels))) {
    issues.add(at('labels'), labels, 'must be an object of label names to string values');
  } else if (labels !== undefined) {
    for (const [k, v] of Object.entries(labels)) {
      if (typeof v !== 'string') issues.add(joinPath(at('labels'), k), v, 'label values must be strings');
    }
  }

  if (target.controlPlaneNamespace !== undefined) issues.check('namespace', target.controlPlaneNamespace, dns1123LabelProblem(target.controlPlaneNamespace));
  if (target.vizNamespace !== undefined) issues.check('viz.namespace', target.vizNamespace, dns1123LabelProblem(target.vizNamespace));
  if (target.trustDomain !== undefined) issues.check('identityTrustDomain', target.trustDomain, dnsDomainProblem(target.trustDomain));
  return [...issues.issues];
}

/** cert-manager rejects `renewBefore >= duration`; only checked when both parse. */
function renewBeforeCheck(issues: IssueCollector, path: string, renewBefore: string, duration: string, durationKey: string): void {
  const r = parseGoDuration(renewBefore);
  const d = parseGoDuration(duration);
  if (r !== undefined && d !== undefined && r >= MIN_DURATION_NS && d >= MIN_DURATION_NS && r >= d) {
    issues.add(path, renewBefore, `must be shorter than ${durationKey} (${duration})`);
  }
}

/** Validates (throwing one `MeshformError` with every issue) and applies the defaults. */
export function resolveCertManagerIdentity(
  options: CertManagerIdentityOptions = {},
  target: CertManagerTarget = {},
  path: string = CERT_MANAGER_OPTIONS_PATH,
): ResolvedCertManagerIdentity {
  const issues = new IssueCollector();
  issues.addAll(validateCertManagerIdentity(options, target, path));
  issues.throwIfAny('invalid cert-manager identity options');
  const d = CERT_MANAGER_DEFAULTS;
  const trustAnchors = [...(options.trustAnchors ?? d.trustAnchors)];
  return {
    namespace: options.namespace ?? d.namespace,
    trustAnchors,
    signingTrustAnchor: options.signingTrustAnchor ?? trustAnchors[0],
    trustAnchorDuration: options.trustAnchorDuration ?? d.trustAnchorDuration,
    issuerDuration: options.issuerDuration ?? d.issuerDuration,
    issuerRenewBefore: options.issuerRenewBefore ?? d.issuerRenewBefore,
    webhookCaDuration: options.webhookCaDuration ?? d.webhookCaDuration,
    webhookDuration: options.webhookDuration ?? d.webhookDuration,
    webhookRenewBefore: options.webhookRenewBefore ?? d.webhookRenewBefore,
    labels: { ...options.labels },
    controlPlaneNamespace: target.controlPlaneNamespace ?? 'linkerd',
    vizNamespace: target.vizNamespace ?? 'linkerd-viz',
    trustDomain: target.trustDomain ?? 'cluster.local',
  };
}
