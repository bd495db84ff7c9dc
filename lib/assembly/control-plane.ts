/**
 * Preparation of the control-plane phase (and the CRDs, which read the same values): every overlay, every
 * check and the value resolution, so that the chart only renders. `Mesh`, the CLI's `install` /
 * `upgrade` and the Pulumi render all come through here.
 *
 * Two steps, because the CLI fills missing identity from its local store in between (asynchronously):
 * `controlPlanePhase(input)` composes what the user supplied (a previous install's values, the identity
 * values, the cert-manager overlay, the user's values — later wins); `assess(user)` / `prepare(user)`
 * then check and resolve the final tree. `prepareControlPlane(input)` does both for callers with no fill.
 */
import { IssueCollector, MeshformError, type ValidationIssue } from '../errors.js';
import type { Finding } from '../identity/check.js';
import { certManagerControlPlaneValues } from '../identity/cert-manager.js';
import {
  resolveCertManagerIdentity,
  type CertManagerIdentityOptions,
  type ResolvedCertManagerIdentity,
} from '../identity/cert-manager-options.js';
import { checkIdentityValues, findingsAsIssues, findingsAsWarnings } from '../identity/values-check.js';
import { resolveMeshValues } from '../values/mesh/resolve.js';
import type { MeshValues } from '../values/mesh/types.js';
import { meshValueWarnings } from '../values/mesh/validate-identity.js';
import { getPath, mergeUserValues, type ValueTree } from '../values/tree.js';
import type { UnknownValuesOptions } from '../values/unknown-keys.js';
import { DEFAULT_NAMESPACES } from './namespaces.js';
import { controlPlaneRenderIssues } from './render-checks.js';
import { ISSUER_SCHEME_KUBERNETES } from '../k8s/labels.js';

export interface ControlPlanePhaseInput extends UnknownValuesOptions {
  /** Values beneath everything else, e.g. a previous install's (`upgrade --from-manifests`). @default {} */
  readonly base?: ValueTree;
  /** Identity values (trust anchors, issuer) beneath the cert-manager overlay and the user's values. @default {} */
  readonly identity?: ValueTree;
  /** The user's upstream values (props, `-f`, `--set`): they win over every overlay. @default {} */
  readonly user?: ValueTree;
  /** Upstream's `--ha` overlay. @default false */
  readonly ha?: boolean;
  /** Control-plane namespace. @default 'linkerd' */
  readonly namespace?: string;
  /** Identity mode `cert-manager`: its options. @default - another identity mode */
  readonly certManager?: CertManagerIdentityOptions;
  /** Field path the cert-manager options are reported under. @default 'identity.certManager' */
  readonly certManagerPath?: string;
  /** The viz extension's namespace (cert-manager issues its webhook certificates). @default 'linkerd-viz' */
  readonly vizNamespace?: string;
  /**
   * The checks upstream's `linkerd install` makes and its Helm chart does not: the identity material
   * (parsed, algorithm, validity, chain; skipped for Helm-style values, `cliVersion: ''`) and an external
   * issuer's trust anchors, which offline cannot be read from the cluster.
   * @default false
   */
  readonly cliChecks?: boolean;
}

/** The control plane, ready to render: nothing left to check. */
export interface PreparedControlPlane {
  /** The complete, validated values. */
  readonly values: MeshValues;
  readonly namespace: string;
  readonly ha: boolean;
  /** The identity trust domain (the cluster domain unless set). */
  readonly trustDomain: string;
  /** Identity mode `cert-manager`: the resolved options, for the trust domain above. @default - another mode */
  readonly certManager?: ResolvedCertManagerIdentity;
}

/** What checking the control plane found. */
export interface ControlPlaneAssessment {
  /** Present when the values resolved and can be rendered (even if the identity checks refused). */
  readonly prepared?: PreparedControlPlane;
  /** Every problem, collected: the phase renders only when there is none. */
  readonly issues: readonly ValidationIssue[];
  /** Warnings of the CLI checks (identity material soon to expire, placeholder PEMs…). */
  readonly warnings: readonly string[];
}

export interface ControlPlanePhase {
  readonly namespace: string;
  /** The user's tree with every overlay under it, before any fill. */
  readonly supplied: ValueTree;
  /** Identity mode `cert-manager`: the options as resolved (the defaults when they are invalid). */
  readonly certManager?: ResolvedCertManagerIdentity;
  /** Problems of the cert-manager options (not repeated by `assess`). */
  readonly optionIssues: readonly ValidationIssue[];
  /** Checks and resolves `user` (default: `supplied`), collecting every other problem. */
  assess(user?: ValueTree): ControlPlaneAssessment;
  /** The problems a render of `user` has, none hidden behind another (the CLI's pre-fill check). */
  issues(user?: ValueTree): ValidationIssue[];
}

/** Value paths the certificate checks already report on; resolution's view of them would repeat it. */
const CHECKED_PATHS = /^(identityTrustAnchorsPEM|identity\.issuer\.tls\.)/;

export function controlPlanePhase(input: ControlPlanePhaseInput): ControlPlanePhase {
  const namespace = input.namespace ?? DEFAULT_NAMESPACES.controlPlane;
  const unknownValues: UnknownValuesOptions = { allowUnknownValues: input.allowUnknownValues, warn: input.warn };
  let certManager: ResolvedCertManagerIdentity | undefined;
  let optionIssues: readonly ValidationIssue[] = [];
  if (input.certManager) {
    const target = { controlPlaneNamespace: namespace, ...(input.vizNamespace ? { vizNamespace: input.vizNamespace } : {}) };
    try {
      certManager = resolveCertManagerIdentity(input.certManager, target, input.certManagerPath);
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      optionIssues = e.issues;
      // The overlay does not depend on the bad options: render it anyway so no unrelated problems follow.
      certManager = resolveCertManagerIdentity({}, target);
    }
  }
  const supplied = mergeUserValues([input.base ?? {}, input.identity ?? {}, certManager ? certManagerControlPlaneValues(certManager) : {}, input.user ?? {}]);
  const resolve = (user: ValueTree): MeshValues => resolveMeshValues({ user, ha: input.ha, ...unknownValues });
  const findingsOf = (user: ValueTree): Finding[] =>
    input.cliChecks && getPath(user, 'cliVersion') !== '' ? checkIdentityValues(user, { namespace }) : [];
  const cliIssues = (user: ValueTree): ValidationIssue[] => (input.cliChecks ? externalIssuerIssues(user) : []);

  const assess = (user: ValueTree = supplied): ControlPlaneAssessment => {
    const findings = findingsOf(user);
    const refused = findingsAsIssues(findings);
    const issues: ValidationIssue[] = [...refused, ...cliIssues(user)];
    let values: MeshValues | undefined;
    try {
      values = resolve(user);
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      issues.push(...(refused.length ? e.issues.filter((i) => !CHECKED_PATHS.test(i.path)) : e.issues));
    }
    const renderIssues = values ? controlPlaneRenderIssues(values, namespace) : [];
    issues.push(...renderIssues);
    if (!values || renderIssues.length) return { issues, warnings: findingsAsWarnings(findings) };
    const trustDomain = values.identityTrustDomain || values.clusterDomain;
    const prepared: PreparedControlPlane = {
      values,
      namespace,
      ha: input.ha ?? false,
      trustDomain,
      ...(certManager ? { certManager: { ...certManager, trustDomain } } : {}),
    };
    const warnings = input.cliChecks ? [...meshValueWarnings(values), ...findingsAsWarnings(findings)] : [];
    return { prepared, issues, warnings };
  };

  const issues = (user: ValueTree = supplied): ValidationIssue[] => {
    const out = [...cliIssues(user), ...findingsAsIssues(findingsOf(user))];
    try {
      resolve(user);
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      out.push(...e.issues);
    }
    return out;
  };

  return { namespace, supplied, ...(certManager ? { certManager } : {}), optionIssues, assess, issues };
}

/**
 * The control plane ready to render, or one `MeshformError`: the cert-manager options are refused
 * first (as they are checked before the values), then every other problem at once.
 */
export function prepareControlPlane(input: ControlPlanePhaseInput): PreparedControlPlane {
  const phase = controlPlanePhase(input);
  refuse('invalid cert-manager identity options', phase.optionIssues);
  if (!input.cliChecks) {
    // Resolution's own error (its summary and issues) is the refusal.
    const values = resolveMeshValues({ user: phase.supplied, ha: input.ha, allowUnknownValues: input.allowUnknownValues, warn: input.warn });
    const issues = controlPlaneRenderIssues(values, phase.namespace);
    refuse('invalid control-plane values', issues);
    const trustDomain = values.identityTrustDomain || values.clusterDomain;
    const certManager = phase.certManager && { ...phase.certManager, trustDomain };
    return { values, namespace: phase.namespace, ha: input.ha ?? false, trustDomain, ...(certManager ? { certManager } : {}) };
  }
  const assessed = phase.assess();
  refuse('invalid values', assessed.issues);
  return assessed.prepared as PreparedControlPlane;
}

/** Throws every issue at once, summarized as the resolvers do (`<summary>: N problems`). */
function refuse(summary: string, issues: readonly ValidationIssue[]): void {
  const collected = new IssueCollector();
  collected.addAll(issues);
  collected.throwIfAny(summary);
}

/** The CRDs phase alone (`install --crds`): only the CRD chart's own keys are read, so the control plane's required identity does not apply. */
export function prepareCrds(input: Pick<ControlPlanePhaseInput, 'base' | 'user' | 'ha' | 'namespace' | 'allowUnknownValues' | 'warn'>): { readonly values: MeshValues; readonly namespace: string } {
  const user = mergeUserValues([input.base ?? {}, input.user ?? {}]);
  const values = resolveMeshValues({ user, ha: input.ha, crdsOnly: true, allowUnknownValues: input.allowUnknownValues, warn: input.warn });
  return { values, namespace: input.namespace ?? DEFAULT_NAMESPACES.controlPlane };
}

/** Offline, an external issuer's trust anchors cannot be read from the cluster: they must be given. */
function externalIssuerIssues(user: ValueTree): ValidationIssue[] {
  if (getPath(user, 'identity.issuer.scheme') !== ISSUER_SCHEME_KUBERNETES) return [];
  const anchors = getPath(user, 'identityTrustAnchorsPEM');
  if (getPath(user, 'identity.externalCA') === true || (typeof anchors === 'string' && anchors.trim())) return [];
  return [
    {
      path: 'identityTrustAnchorsPEM',
      value: undefined,
      message:
        'is required with an external issuer (identity.issuer.scheme kubernetes.io/tls): upstream reads it from the ' +
        'cluster (Secret linkerd-identity-issuer, key ca.crt), which an offline render cannot; pass ' +
        '--identity-trust-anchors-file or -f, or --identity-external-ca when the linkerd-identity-trust-roots ConfigMap is managed elsewhere',
    },
  ];
}
