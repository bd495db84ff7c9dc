/**
 * Stack configuration → typed settings. A pure function of a key getter so it is tested without a
 * Pulumi engine; `stacks/index.ts` passes `new pulumi.Config('meshform').get`. Every problem is
 * reported at once (one `MeshformError`), like the values validators.
 *
 * Secret keys (`issuerCertPem`, `issuerKeyPem`) are not read here: `index.ts` reads them with
 * `requireSecret` so they never exist as plain strings in the program.
 */
import { IssueCollector } from '../lib/errors.js';
import { validateCertManagerIdentity, type CertManagerIdentityOptions } from '../lib/identity/cert-manager-options.js';
import type { ValueTree } from '../lib/values/tree.js';
import { IDENTITY_MODES, type IdentityMode } from '../lib/assembly/identity-mode.js';
import { LINKERD_VERSION } from '../lib/versions.js';
import { topologySpreadIssues, type TopologySpread } from './render/topology-spread.js';

export { IDENTITY_MODES, type IdentityMode } from '../lib/assembly/identity-mode.js';
/*
 * `meshform:identity` (the library's names, lib/assembly/identity-mode.ts):
 * - `generated`: `@pulumi/tls` keys and certificates, kept as secrets in the stack state;
 * - `provided`: PEMs from stack config;
 * - `cert-manager`: cert-manager + trust-manager issue the anchors, the issuer and the webhook
 *   certificates in-cluster (docs/identity-cert-manager.md); no certificate or key passes through the stack;
 * - `external-issuer`: a cert-manager CA Issuer over an anchor Secret you create, the anchor's certificate from config.
 * Accepted with a deprecation warning: `trust-manager` (now `cert-manager`), and `cert-manager` together
 * with `meshform:trustAnchorPem` (its former meaning, now `external-issuer`).
 */

/** Receives deprecation warnings (the program passes `pulumi.log.warn`). */
export type ConfigWarn = (message: string) => void;

/** Reads one raw config value (as `pulumi.Config.get` does: strings, JSON text for objects). */
export type ConfigGetter = (key: string) => string | undefined;

/** The multicluster gateway Service types upstream's chart accepts (`gateway.serviceType`). */
export const GATEWAY_SERVICE_TYPES = ['LoadBalancer', 'NodePort', 'ClusterIP'] as const;
export type GatewayServiceType = (typeof GATEWAY_SERVICE_TYPES)[number];

/** `meshform:gateway*`: how the multicluster gateway is exposed and awaited. */
export interface GatewaySettings {
  /** @default - upstream's `LoadBalancer` */
  readonly serviceType?: GatewayServiceType;
  /** Wait for the gateway Service (for a `LoadBalancer`, its address). @default true */
  readonly await: boolean;
  /** Await timeout in seconds; 0 is the provider's 10 minutes. @default 0 */
  readonly awaitSeconds: number;
}

export interface StackSettings {
  /**
   * The Linkerd release: only the one meshform renders (`LINKERD_VERSION`) — templates and CRDs
   * are meshform's, so a release is upgraded by upgrading meshform.
   * @default - LINKERD_VERSION
   */
  readonly version?: string;
  /** Image tag of the control-plane and proxy images, templates and CRDs unchanged. @default - the release's */
  readonly imageTag?: string;
  /** Keep the CRDs (and every custom resource) when the stack deletes them. @default true */
  readonly retainCrds: boolean;
  /** Take over an existing install on the first `pulumi up` (provider upsert and patch-force). @default false */
  readonly adopt: boolean;
  /** With `multicluster`: the gateway's exposure and await. @default - LoadBalancer, awaited */
  readonly gateway: GatewaySettings;
  /** @default false */
  readonly ha: boolean;
  /**
   * `meshform:topologySpread`: `true` (zone spread), `false`, or an object of `topologyKey`,
   * `maxSkew`, `whenUnsatisfiable` (`LinkerdMesh`'s `topologySpread`).
   * @default false
   */
  readonly topologySpread: TopologySpread;
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
  /** Trust-anchor certificate PEM (public), for `provided` and `external-issuer`. @default - none */
  readonly trustAnchorPem?: string;
  /** Trust domain. @default - the cluster domain */
  readonly trustDomain?: string;
  /**
   * `meshform:certManager`: options of the `cert-manager` identity mode (a JSON object, validated by
   * the library's `validateCertManagerIdentity`). Only allowed with `meshform:identity: cert-manager`.
   * @default - the library's defaults (`CERT_MANAGER_DEFAULTS`)
   */
  readonly certManager?: CertManagerIdentityOptions;
}

const BOOLEAN_KEYS = ['ha', 'viz', 'cni', 'multicluster'] as const;

function parseBoolean(issues: IssueCollector, key: string, raw: string | undefined, fallback = false): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  issues.add(`meshform:${key}`, raw, 'must be true or false');
  return fallback;
}

/** Only the release meshform renders: a version that changed image tags alone would not upgrade CRDs or templates. */
function parseVersion(issues: IssueCollector, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw !== LINKERD_VERSION) {
    issues.add(
      'meshform:version',
      raw,
      `must be ${LINKERD_VERSION}, the release this meshform renders (CRDs and templates included): upgrade Linkerd by upgrading meshform; ` +
        'to run other images of this release set meshform:imageTag',
    );
  }
  return raw;
}

function parseGateway(issues: IssueCollector, get: ConfigGetter, multicluster: boolean): GatewaySettings {
  const type = get('gatewayServiceType') || undefined;
  if (type !== undefined && !(GATEWAY_SERVICE_TYPES as readonly string[]).includes(type)) {
    issues.add('meshform:gatewayServiceType', type, `must be one of ${GATEWAY_SERVICE_TYPES.join(', ')}`);
  }
  const awaitRaw = get('gatewayAwait');
  const secondsRaw = get('gatewayAwaitSeconds');
  const seconds = secondsRaw === undefined || secondsRaw === '' ? 0 : Number(secondsRaw);
  if (!Number.isInteger(seconds) || seconds < 0) issues.add('meshform:gatewayAwaitSeconds', secondsRaw, 'must be a whole number of seconds, 0 or more');
  if (!multicluster) {
    // Pulumi.yaml's defaults ('', true, 0) are "not set".
    const set: [string, string | undefined][] = [
      ['gatewayServiceType', type],
      ['gatewayAwait', awaitRaw === 'true' || awaitRaw === '' ? undefined : awaitRaw],
      ['gatewayAwaitSeconds', seconds === 0 ? undefined : secondsRaw],
    ];
    for (const [key, raw] of set) if (raw !== undefined) issues.add(`meshform:${key}`, raw, 'is only used when meshform:multicluster is true');
  }
  return {
    ...(type ? { serviceType: type as GatewayServiceType } : {}),
    await: parseBoolean(issues, 'gatewayAwait', awaitRaw, true),
    awaitSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : 0,
  };
}

/**
 * Absent, blank and `{}` all mean "not set": `{}` is Pulumi.yaml's default for the object keys (a key
 * without a default would be required by the pulumi CLI), and reaches the program as that JSON text.
 */
const isUnsetObject = (raw: string): boolean => /^\s*(\{\s*\})?\s*$/.test(raw);

function parseValues(issues: IssueCollector, raw: string | undefined): ValueTree {
  if (raw === undefined || isUnsetObject(raw)) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as ValueTree;
  } catch {
    // reported below with the allowed shape
  }
  issues.add('meshform:values', raw, 'must be an object of upstream control-plane values');
  return {};
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `meshform:topologySpread`: `true`/`false` as text, or an object as JSON. `pulumi config set --path`
 * may store `maxSkew` as text, so an integer's text is read as the integer.
 */
function parseTopologySpread(issues: IssueCollector, raw: string | undefined): TopologySpread {
  const key = 'meshform:topologySpread';
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = raw;
  }
  if (typeof parsed === 'boolean') return parsed;
  if (isObject(parsed) && typeof parsed.maxSkew === 'string' && /^\d+$/.test(parsed.maxSkew)) parsed = { ...parsed, maxSkew: Number(parsed.maxSkew) };
  const found = topologySpreadIssues(parsed, key);
  issues.addAll(found);
  return found.length ? false : (parsed as TopologySpread);
}

/** `meshform:certManager`: a JSON object of `CertManagerIdentityOptions`; every problem is collected. */
function parseCertManager(issues: IssueCollector, raw: string | undefined, identity: IdentityMode | undefined): CertManagerIdentityOptions | undefined {
  if (raw === undefined || isUnsetObject(raw)) return undefined;
  const key = 'meshform:certManager';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!isObject(parsed)) {
    issues.add(key, raw, 'must be an object of cert-manager identity options (namespace, trustAnchors, signingTrustAnchor, durations, labels)');
    return undefined;
  }
  if (identity !== undefined && identity !== 'cert-manager') {
    issues.add(key, parsed, `is only used when meshform:identity is cert-manager (it is ${identity})`);
  }
  const options = parsed as CertManagerIdentityOptions;
  issues.addAll(validateCertManagerIdentity(options, {}, key));
  return options;
}

/** The identity mode a (possibly deprecated) `meshform:identity` names; undefined when it names none. */
function identityMode(raw: string, trustAnchorPem: string | undefined, warn: ConfigWarn): IdentityMode | undefined {
  if (raw === 'trust-manager') {
    warn('meshform:identity trust-manager is deprecated: the mode is now called cert-manager (set meshform:identity cert-manager)');
    return 'cert-manager';
  }
  // The former `cert-manager` took the anchor from config; the in-cluster mode now so named has none.
  if (raw === 'cert-manager' && trustAnchorPem) {
    warn(
      'meshform:identity cert-manager with meshform:trustAnchorPem is deprecated: that mode (an issuer renewed from your ' +
        'anchor Secret) is now called external-issuer (set meshform:identity external-issuer); cert-manager now means ' +
        'in-cluster issuance of every certificate with trust-manager',
    );
    return 'external-issuer';
  }
  return (IDENTITY_MODES as readonly string[]).includes(raw) ? (raw as IdentityMode) : undefined;
}

export function parseStackConfig(get: ConfigGetter, warn: ConfigWarn = () => {}): StackSettings {
  const issues = new IssueCollector();
  const flags = Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, parseBoolean(issues, k, get(k))])) as Record<
    (typeof BOOLEAN_KEYS)[number],
    boolean
  >;
  const identityRaw = get('identity') ?? 'generated';
  const trustAnchorPem = get('trustAnchorPem') || undefined;
  const identity = identityMode(identityRaw, trustAnchorPem, warn);
  if (!identity) issues.add('meshform:identity', identityRaw, `must be one of ${IDENTITY_MODES.join(', ')}`);
  // cert-manager generates the anchors in-cluster: there is no anchor to pass in.
  if (identity && (identity === 'provided' || identity === 'external-issuer') && !trustAnchorPem) {
    issues.add('meshform:trustAnchorPem', undefined, `is required when meshform:identity is ${identity}`);
  }
  const values = parseValues(issues, get('values'));
  const certManager = parseCertManager(issues, get('certManager'), identity);
  const version = parseVersion(issues, get('version'));
  const retainCrds = parseBoolean(issues, 'retainCrds', get('retainCrds'), true);
  const adopt = parseBoolean(issues, 'adopt', get('adopt'));
  const gateway = parseGateway(issues, get, flags.multicluster);
  const topologySpread = parseTopologySpread(issues, get('topologySpread'));
  issues.throwIfAny('invalid stack configuration');
  return {
    version,
    imageTag: get('imageTag') || undefined,
    retainCrds,
    adopt,
    gateway,
    ...flags,
    topologySpread,
    identity: identity ?? 'generated',
    values,
    namespace: get('namespace') || 'linkerd',
    trustAnchorPem,
    trustDomain: get('trustDomain') || undefined,
    ...(certManager ? { certManager } : {}),
  };
}
