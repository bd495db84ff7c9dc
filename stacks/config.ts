/**
 * Stack configuration → typed settings. A pure function of a key getter so it is tested without a
 * Pulumi engine; `stacks/index.ts` passes `new pulumi.Config('meshform').get`. Every problem is
 * reported at once (one `MeshformError`), like the values validators.
 *
 * Secret keys (`issuerCertPem`, `issuerKeyPem`) are not read here: `index.ts` reads them with
 * `requireSecret` so they never exist as plain strings in the program.
 */
import { IssueCollector } from '../lib/errors.js';
import type { ValueTree } from '../lib/values/tree.js';

export const IDENTITY_MODES = ['generated', 'provided', 'cert-manager'] as const;
/** Where the identity trust anchor and issuer come from. */
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/** Reads one raw config value (as `pulumi.Config.get` does: strings, JSON text for objects). */
export type ConfigGetter = (key: string) => string | undefined;

export interface StackSettings {
  /** Linkerd version. @default - the release meshform renders (`LINKERD_VERSION`) */
  readonly version?: string;
  /** @default false */
  readonly ha: boolean;
  /** @default false */
  readonly viz: boolean;
  /** @default false */
  readonly cni: boolean;
  /** @default false */
  readonly multicluster: boolean;
  /** @default 'generated' */
  readonly identity: IdentityMode;
  /** Raw upstream control-plane values. @default {} */
  readonly values: ValueTree;
  /** @default 'linkerd' */
  readonly namespace: string;
  /** Trust-anchor certificate PEM (public), for `provided` and `cert-manager`. @default - none */
  readonly trustAnchorPem?: string;
  /** Trust domain. @default - the cluster domain */
  readonly trustDomain?: string;
}

const BOOLEAN_KEYS = ['ha', 'viz', 'cni', 'multicluster'] as const;

function parseBoolean(issues: IssueCollector, key: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return false;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  issues.add(`meshform:${key}`, raw, 'must be true or false');
  return false;
}

function parseValues(issues: IssueCollector, raw: string | undefined): ValueTree {
  if (raw === undefined || raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as ValueTree;
  } catch {
    // reported below with the allowed shape
  }
  issues.add('meshform:values', raw, 'must be an object of upstream control-plane values');
  return {};
}

export function parseStackConfig(get: ConfigGetter): StackSettings {
  const issues = new IssueCollector();
  const flags = Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, parseBoolean(issues, k, get(k))])) as Record<
    (typeof BOOLEAN_KEYS)[number],
    boolean
  >;
  const identityRaw = get('identity') ?? 'generated';
  const identity = (IDENTITY_MODES as readonly string[]).includes(identityRaw) ? (identityRaw as IdentityMode) : undefined;
  if (!identity) issues.add('meshform:identity', identityRaw, `must be one of ${IDENTITY_MODES.join(', ')}`);
  const trustAnchorPem = get('trustAnchorPem') || undefined;
  if (identity && identity !== 'generated' && !trustAnchorPem) {
    issues.add('meshform:trustAnchorPem', undefined, `is required when meshform:identity is ${identity}`);
  }
  const values = parseValues(issues, get('values'));
  issues.throwIfAny('invalid stack configuration');
  return {
    version: get('version') || undefined,
    ...flags,
    identity: identity ?? 'generated',
    values,
    namespace: get('namespace') || 'linkerd',
    trustAnchorPem,
    trustDomain: get('trustDomain') || undefined,
  };
}
