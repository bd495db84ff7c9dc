/**
 * The stack's install plan: the `Mesh` construct's charts, in dependency order, with their
 * `addDependency` edges kept as phase dependencies, plus the phases the stack adds:
 * - `control-plane-namespace`: the control plane's Namespace, split out because the identity
 *   objects live in it but must exist before the control-plane workloads;
 * - `identity`: trust roots and issuer, created by the stack from certificate Outputs (no objects here).
 *
 * When the render has the `cert-manager-identity` chart (identity mode `cert-manager`), identity is
 * provisioned in-cluster by cert-manager and trust-manager: there is no `identity` phase. That chart is
 * an ordinary phase (after the CRDs, before the control plane, as the construct's edges say), and
 * the namespace phase waits for it too, as in `cdk8s synth`'s file order. The control-plane chart
 * then holds the identity-issuer and webhook Certificates right after its Namespace; they stay in the
 * `control-plane` phase, which depends on the namespace phase, so they are created after it.
 * Pure data: tested without cdk8s or Pulumi.
 */
import type { KubeObject } from '../../lib/manifest.js';

/** One chart's render: its objects in apply order and the charts it depends on. */
export interface RenderedPhase {
  readonly name: string;
  readonly objects: readonly KubeObject[];
  readonly dependsOn: readonly string[];
}

export const CRDS_PHASE = 'crds';
export const CONTROL_PLANE_PHASE = 'control-plane';
export const NAMESPACE_PHASE = 'control-plane-namespace';
export const IDENTITY_PHASE = 'identity';
/** The construct's cert-manager / trust-manager chart (`Mesh` with `identity.certManager`). */
export const CERT_MANAGER_IDENTITY_PHASE = 'cert-manager-identity';

/** Phases sorted so each comes after its dependencies (stable: ties keep render order). */
export function sortPhases(phases: readonly RenderedPhase[]): RenderedPhase[] {
  const byName = new Map(phases.map((p) => [p.name, p]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: RenderedPhase[] = [];
  const visit = (p: RenderedPhase): void => {
    if (done.has(p.name)) return;
    if (visiting.has(p.name)) throw new Error(`phase dependency cycle through '${p.name}'`);
    visiting.add(p.name);
    for (const d of p.dependsOn) {
      const dep = byName.get(d);
      if (!dep) throw new Error(`phase '${p.name}' depends on unknown phase '${d}'`);
      visit(dep);
    }
    visiting.delete(p.name);
    done.add(p.name);
    out.push(p);
  };
  phases.forEach(visit);
  return out;
}

/**
 * Adds the namespace phase, and the identity phase unless identity comes from the
 * `cert-manager-identity` chart, in front of the control plane; then sorts.
 */
export function planPhases(rendered: readonly RenderedPhase[]): RenderedPhase[] {
  const cp = rendered.find((p) => p.name === CONTROL_PLANE_PHASE);
  if (!cp) return sortPhases(rendered);
  const isNamespace = (o: KubeObject): boolean => o.kind === 'Namespace' && o.apiVersion === 'v1';
  const has = (name: string): boolean => rendered.some((p) => p.name === name);
  // Upstream applies the CRDs before anything else.
  const afterCrds = has(CRDS_PHASE) ? [CRDS_PHASE] : [];
  const inCluster = has(CERT_MANAGER_IDENTITY_PHASE);
  const namespace: RenderedPhase = {
    name: NAMESPACE_PHASE,
    objects: cp.objects.filter(isNamespace),
    dependsOn: inCluster ? [...afterCrds, CERT_MANAGER_IDENTITY_PHASE] : afterCrds,
  };
  const added: RenderedPhase[] = inCluster ? [namespace] : [namespace, { name: IDENTITY_PHASE, objects: [], dependsOn: [...afterCrds, NAMESPACE_PHASE] }];
  const controlPlane: RenderedPhase = {
    ...cp,
    // Everything but the Namespace, in the chart's order (with cert-manager, its Certificates first).
    objects: cp.objects.filter((o) => !isNamespace(o)),
    dependsOn: [...cp.dependsOn, ...added.map((p) => p.name)],
  };
  return sortPhases([...added, ...rendered.map((p) => (p === cp ? controlPlane : p))]);
}
