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
import { IssueCollector } from '../../lib/errors.js';
import { controlPlanePhase, prepareCrds } from '../../lib/assembly/control-plane.js';
import type { Finding } from '../../lib/identity/check.js';
import { certManagerClusterObjects } from '../../lib/identity/cert-manager.js';
import { partialIdentityIssue, withoutRepeatsOf } from '../../lib/identity/fill-missing.js';
import { CONTROL_PLANE_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import { checkRotationStep, type TrustState } from '../../lib/identity/rotation.js';
import { trustStateFromManifests } from '../../lib/identity/trust-state-manifests.js';
import type { KubeObject } from '../../lib/manifest.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import type { ValueTree } from '../../lib/values/tree.js';
import { certManagerKubeObjects } from '../../constructs/identity/cert-manager-objects.js';
import { kubeJson } from '../../constructs/kube-json.js';
import { DEPLOYED_OPTION, deployedTrustState } from '../deployed.js';
import { fillFromIdentityStore, IDENTITY_STORE_OPTION, reportableIssues } from '../identity-store-flags.js';
import { identityFlagValues, INSTALL_IDENTITY_OPTIONS } from '../install-flags.js';
import type { FlagTable } from '../help.js';
import { UsageError, type Command, type CommandIO } from '../io.js';
import { formatObjects, outputFormat, printChart, RENDER_OPTIONS } from '../render.js';
import { parseValueFlags, type ParsedFlags } from '../value-flags.js';

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
    const crds = prepareCrds({ base: base?.values, user: flags.user, ha: flags.ha, namespace, ...flags.unknownValues });
    const { CrdsChart } = await import('../../constructs/crds/crds-chart.js');
    return printChart(io, (app) => new CrdsChart(app, 'crds', crds), format);
  }

  const issues = new IssueCollector();
  const fromFlags = identityFlagValues(flags.options, io.cwd);
  issues.addAll(fromFlags.issues);
  const phase = controlPlanePhase({
    base: base?.values,
    identity: fromFlags.tree,
    user: flags.user,
    ha: flags.ha,
    namespace,
    ...(flags.options['cert-manager'] === true ? { certManager: { namespace: flags.options['cert-manager-namespace'] as string | undefined }, certManagerPath: '' } : {}),
    cliChecks: true,
    ...flags.unknownValues,
  });
  issues.addAll(phase.optionIssues.map((i) => (i.path === 'namespace' ? { ...i, path: '--cert-manager-namespace' } : i)));
  const supplied = phase.supplied;
  const partial = partialIdentityIssue(supplied);
  if (partial) issues.addAll([partial]);
  // What the user did not give, `linkerd install` generates: here it comes from the local identity store.
  const store = await fillFromIdentityStore(
    { options: flags.options, user: supplied, controlPlane: true, webhooks: CONTROL_PLANE_WEBHOOKS, namespace, precheck: () => [...issues.issues, ...phase.issues(supplied)] },
    io,
  );
  const assessed = phase.assess(store.user);
  issues.addAll(assessed.issues);
  const prepared = assessed.prepared;
  const values = prepared?.values;

  // The chart's objects without the chart: cdk8s is not loaded to print one phase (kube-json.ts).
  const { controlPlaneChartObjects } = await import('../../constructs/control-plane/control-plane-objects.js');
  // Rendered even when the identity checks refuse, so the rotation checks are reported in the same pass.
  let objects: KubeObject[] | undefined;
  if (prepared) {
    const cm = prepared.certManager;
    const controlPlane = controlPlaneChartObjects({ values: prepared.values, namespace, certManager: cm });
    objects = [...(cm ? certManagerKubeObjects(certManagerClusterObjects(cm)) : []), ...controlPlane.map(kubeJson)];
  }
  const deployed = base?.deployed ?? deployedTrustState(flags.options.deployed as string[] | undefined, io.cwd);
  const rotation = rotationFindings(deployed, objects, values);
  issues.addAll(rotation.filter((f) => f.severity === 'error').map((f) => ({ path: base?.source ?? '--deployed', value: undefined, message: `${f.check}: ${f.message}` })));
  const reported = new IssueCollector();
  reported.addAll(reportableIssues(withoutRepeatsOf(partial, issues.issues), store));
  reported.throwIfAny('invalid values');

  const warnings = [...assessed.warnings, ...rotation.filter((f) => f.severity === 'warning').map((f) => `${f.check}: ${f.message}`)];
  for (const warning of warnings) io.stderr(`meshform: warning: ${warning}\n`);
  io.stdout(formatObjects(objects as KubeObject[], format));
  return 0;
}

/** With a deployed state: the rotation checks of the render's trust anchors and issuer against the running ones. */
function rotationFindings(deployed: TrustState | undefined, objects: KubeObject[] | undefined, values: MeshValues | undefined): Finding[] {
  const proposed = deployed && objects ? trustStateFromManifests(objects) : undefined;
  if (!deployed || !proposed) return [];
  return checkRotationStep(deployed, proposed, { issuanceLifetime: values?.identity.issuer.issuanceLifetime });
}
