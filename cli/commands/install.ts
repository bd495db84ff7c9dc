/**
 * `meshform install [--crds] [--ha] [-f VALUES]... [--set K=V]... [--namespace NS] [identity flags]`:
 * the CRDs (`--crds`) or the control plane, as upstream's `linkerd install --ignore-cluster` renders them.
 *
 * `--cert-manager [--cert-manager-namespace NS]`: cert-manager issues the identity issuer and webhook
 * certificates and trust-manager publishes the trust anchors; the output (cert-manager / trust-manager
 * objects, then the control plane) carries no certificate or key (docs/identity-cert-manager.md).
 *
 * Like upstream's install, the control plane is refused when its identity material fails the
 * certificate checks (unparsable, wrong algorithm, expired or not yet valid, not issued by a trust
 * anchor): exit 1, every problem on stderr, nothing on stdout. With `--deployed MANIFESTS` (what runs
 * now), a trust-anchor change that would break running proxies is refused too (docs/identity-rotation.md).
 */
import { App } from 'cdk8s';
import { IssueCollector, MeshformError, type ValidationIssue } from '../../lib/errors.js';
import type { Finding } from '../../lib/identity/check.js';
import { certManagerClusterObjects, certManagerControlPlaneValues } from '../../lib/identity/cert-manager.js';
import { resolveCertManagerIdentity, type ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import { partialIdentityIssue, withoutRepeatsOf } from '../../lib/identity/fill-missing.js';
import { CONTROL_PLANE_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import { checkIdentityValues, findingsAsIssues, findingsAsWarnings } from '../../lib/identity/values-check.js';
import { checkRotationStep, type TrustState } from '../../lib/identity/rotation.js';
import { trustStateFromManifests } from '../../lib/identity/trust-state-manifests.js';
import type { KubeObject } from '../../lib/manifest.js';
import { meshValueWarnings } from '../../lib/values/mesh/validate-identity.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { getPath, mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { certManagerKubeObjects } from '../../constructs/identity/cert-manager-chart.js';
import { chartObjects } from '../../constructs/kube-object.js';
import { DEPLOYED_OPTION, deployedTrustState } from '../deployed.js';
import { fillFromIdentityStore, IDENTITY_STORE_OPTION, reportableIssues } from '../identity-store-flags.js';
import { identityFlagValues, INSTALL_IDENTITY_OPTIONS } from '../install-flags.js';
import type { FlagTable } from '../help.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { formatObjects, outputFormat, printChart, RENDER_OPTIONS } from '../render.js';
import { parseValueFlags, type ParsedFlags } from '../value-flags.js';

/** Value paths the certificate checks already report on; resolution's view of them would repeat it. */
const CHECKED_PATHS = /^(identityTrustAnchorsPEM|identity\.issuer\.tls\.)/;

/** A previous install to render on top of (`meshform upgrade --from-manifests`). */
export interface InstallBase {
  /** Values beneath the identity flags and `-f`/`--set`, which win over them. */
  readonly values: ValueTree;
  /** The trust state running now: the render's trust anchors and issuer are checked against it. @default - none */
  readonly deployed?: TrustState;
  /** How rotation refusals name where `deployed` came from, e.g. `--from-manifests FILE`. */
  readonly source: string;
}

/** Install's own flags beside the value and identity flags (upgrade takes them too). */
export const INSTALL_OPTIONS = {
  crds: { type: 'boolean', description: 'output the CRDs only (install them before the control plane)' },
  ...RENDER_OPTIONS,
} as const satisfies FlagTable;

export const install: Command = async (args, io) =>
  renderInstall(parseValueFlags(args, io, { ...INSTALL_OPTIONS, ...INSTALL_IDENTITY_OPTIONS, ...IDENTITY_STORE_OPTION, ...DEPLOYED_OPTION }), io);

/** Install's rendering path (CRDs or control plane) for parsed flags, over `base` when upgrading. */
export async function renderInstall(flags: ParsedFlags, io: CommandIO, base?: InstallBase): Promise<number> {
  const namespace = flags.namespace ?? 'linkerd';
  const format = outputFormat(flags.options);
  if (flags.options.crds === true) {
    const controlPlaneOnly = [...Object.keys(INSTALL_IDENTITY_OPTIONS), ...Object.keys(IDENTITY_STORE_OPTION), ...Object.keys(DEPLOYED_OPTION)].filter((o) => flags.options[o] !== undefined);
    if (controlPlaneOnly.length) throw new UsageError(`${controlPlaneOnly.map((o) => `--${o}`).join(', ')} configures the control plane and cannot be used with --crds`);
    // The CRD chart reads only its own keys; the control plane's required identity does not apply.
    const values = resolveMeshValues({ user: mergeUserValues([base?.values ?? {}, flags.user]), ha: flags.ha, crdsOnly: true, ...flags.unknownValues });
    const { CrdsChart } = await import('../../constructs/crds/crds-chart.js');
    return printChart(io, (app) => new CrdsChart(app, 'crds', { values, controlPlaneNamespace: namespace }), format);
  }

  const issues = new IssueCollector();
  const fromFlags = identityFlagValues(flags.options, io.cwd);
  issues.addAll(fromFlags.issues);
  let certManager: ResolvedCertManagerIdentity | undefined;
  if (flags.options['cert-manager'] === true) {
    const target = { controlPlaneNamespace: namespace };
    try {
      certManager = resolveCertManagerIdentity({ namespace: flags.options['cert-manager-namespace'] as string | undefined }, target, '');
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      issues.addAll(e.issues.map((i) => (i.path === 'namespace' ? { ...i, path: '--cert-manager-namespace' } : i)));
      // Still render the overlay (it does not depend on the bad option) so no unrelated problems follow.
      certManager = resolveCertManagerIdentity({}, target);
    }
  }
  // The cert-manager overlay sits under the user's values, which still win.
  const supplied = mergeUserValues([base?.values ?? {}, fromFlags.tree, certManager ? certManagerControlPlaneValues(certManager) : {}, flags.user]);
  const partial = partialIdentityIssue(supplied);
  if (partial) issues.addAll([partial]);
  // What the user did not give, `linkerd install` generates: here it comes from the local identity store.
  const store = await fillFromIdentityStore(
    { options: flags.options, user: supplied, controlPlane: true, webhooks: CONTROL_PLANE_WEBHOOKS, namespace, precheck: () => precheck(supplied, flags, namespace, issues.issues) },
    io,
  );
  const user = store.user;

  // Upstream's Helm chart renders whatever identity strings it is given; only CLI-style renders check.
  const findings = getPath(user, 'cliVersion') === '' ? [] : checkIdentityValues(user, { namespace });
  const refused = findingsAsIssues(findings);
  issues.addAll(refused);
  issues.addAll(externalIssuerIssues(user));

  let values: MeshValues | undefined;
  try {
    values = resolveMeshValues({ user, ha: flags.ha, ...flags.unknownValues });
  } catch (e) {
    if (!(e instanceof MeshformError)) throw e;
    issues.addAll(refused.length ? e.issues.filter((i) => !CHECKED_PATHS.test(i.path)) : e.issues);
  }

  const { ControlPlaneChart } = await import('../../constructs/control-plane/control-plane-chart.js');
  let objects: KubeObject[] | undefined;
  if (values) {
    // Rendered even when refusing, so chart-level problems (webhook TLS) are reported in the same pass.
    try {
      const cm = certManager && { ...certManager, trustDomain: values.identityTrustDomain || values.clusterDomain };
      const controlPlane = chartObjects(new ControlPlaneChart(new App(), 'control-plane', { values, namespace, certManager: cm }));
      objects = [...(cm ? certManagerKubeObjects(certManagerClusterObjects(cm)) : []), ...controlPlane];
    } catch (e) {
      if (!(e instanceof MeshformError)) throw e;
      issues.addAll(e.issues.length ? e.issues : [{ path: '', value: undefined, message: e.message }]);
    }
  }
  const deployed = base?.deployed ?? deployedTrustState(flags.options.deployed as string[] | undefined, io.cwd);
  const rotation = rotationFindings(deployed, objects, values);
  issues.addAll(rotation.filter((f) => f.severity === 'error').map((f) => ({ path: base?.source ?? '--deployed', value: undefined, message: `${f.check}: ${f.message}` })));
  const reported = new IssueCollector();
  reported.addAll(reportableIssues(withoutRepeatsOf(partial, issues.issues), store));
  reported.throwIfAny('invalid values');

  const warnings = [...meshValueWarnings(values as MeshValues), ...findingsAsWarnings(findings), ...rotation.filter((f) => f.severity === 'warning').map((f) => `${f.check}: ${f.message}`)];
  for (const warning of warnings) io.stderr(`meshform: warning: ${warning}\n`);
  io.stdout(formatObjects(objects as KubeObject[], format));
  return 0;
}

/** The problems a render of `user` as given (before the identity store fills anything) has. */
function precheck(user: ValueTree, flags: ParsedFlags, namespace: string, found: readonly ValidationIssue[]): ValidationIssue[] {
  const out = [...found, ...externalIssuerIssues(user)];
  if (getPath(user, 'cliVersion') !== '') out.push(...findingsAsIssues(checkIdentityValues(user, { namespace })));
  try {
    resolveMeshValues({ user, ha: flags.ha, ...flags.unknownValues });
  } catch (e) {
    if (!(e instanceof MeshformError)) throw e;
    out.push(...e.issues);
  }
  return out;
}

/** With a deployed state: the rotation checks of the render's trust anchors and issuer against the running ones. */
function rotationFindings(deployed: TrustState | undefined, objects: KubeObject[] | undefined, values: MeshValues | undefined): Finding[] {
  const proposed = deployed && objects ? trustStateFromManifests(objects) : undefined;
  if (!deployed || !proposed) return [];
  return checkRotationStep(deployed, proposed, { issuanceLifetime: values?.identity.issuer.issuanceLifetime });
}

/** Offline, an external issuer's trust anchors cannot be read from the cluster: they must be given. */
function externalIssuerIssues(user: ValueTree): ValidationIssue[] {
  if (getPath(user, 'identity.issuer.scheme') !== 'kubernetes.io/tls') return [];
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
