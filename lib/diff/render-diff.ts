/**
 * `meshform diff` as data: two sides (renders, phase directories, GitOps trees) compared object by
 * object, grouped by install phase, with the workloads that roll, the trust-anchor change and the
 * risks that make an upgrade unsafe. Pure: the same sides give the same result.
 */
import { fieldChanges, type FieldChange } from './field-changes.js';
import { describeRef, objectRef, refKey, type ObjectRef } from './object-key.js';
import type { DiffSide, SourcedObject } from './read-side.js';
import { trustChange, type TrustChange } from './trust-change.js';

/** One object present on both sides whose fields differ. */
export interface ChangedObject {
  readonly ref: ObjectRef;
  readonly changes: readonly FieldChange[];
  /** A Deployment, DaemonSet or StatefulSet whose pod template changes: its pods are replaced. */
  readonly rolls: boolean;
  /** The phase it was in before, when it moves to another phase. @default - same phase */
  readonly movedFrom?: string;
}

export interface PhaseDiff {
  readonly phase: string;
  readonly added: readonly ObjectRef[];
  readonly removed: readonly ObjectRef[];
  readonly changed: readonly ChangedObject[];
  /** Objects present and equal on both sides. */
  readonly unchanged: number;
}

export type RiskSeverity = 'unsafe' | 'needs-care';

/** Something in the change that breaks an apply or a running mesh unless handled. */
export interface DiffRisk {
  readonly severity: RiskSeverity;
  /** What it concerns: an object (`CustomResourceDefinition servers.policy.linkerd.io`) or `trust anchors`. */
  readonly subject: string;
  readonly message: string;
}

/** `identical`, else the worst of the risks: `unsafe` > `needs-care` > `safe`. */
export type DiffVerdict = 'identical' | 'safe' | 'needs-care' | 'unsafe';

export interface RenderDiff {
  readonly before: string;
  readonly after: string;
  /** Every phase of either side, in apply order (the new side's, then phases only the old side has). */
  readonly phases: readonly PhaseDiff[];
  /** The workloads that roll, in phase order. */
  readonly rolls: readonly { readonly phase: string; readonly ref: ObjectRef }[];
  /** @default - neither side carries trust anchors */
  readonly trust?: TrustChange;
  readonly risks: readonly DiffRisk[];
  readonly verdict: DiffVerdict;
}

const WORKLOADS = new Set(['apps/Deployment', 'apps/DaemonSet', 'apps/StatefulSet']);

/**
 * Fields the API server refuses to change (`kubectl apply` fails: the object has to be deleted and
 * re-created), by `group/Kind`, as path prefixes.
 */
const IMMUTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'apps/Deployment': ['spec.selector'],
  'apps/DaemonSet': ['spec.selector'],
  'apps/ReplicaSet': ['spec.selector'],
  'apps/StatefulSet': ['spec.selector', 'spec.serviceName', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'],
  'batch/Job': ['spec.selector', 'spec.template'],
  '/Service': ['spec.clusterIP', 'spec.clusterIPs'],
  'rbac.authorization.k8s.io/RoleBinding': ['roleRef'],
  'rbac.authorization.k8s.io/ClusterRoleBinding': ['roleRef'],
  'apiextensions.k8s.io/CustomResourceDefinition': ['spec.scope', 'spec.group', 'spec.names.plural'],
};

const underPath = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

function immutableRisks(ref: ObjectRef, changes: readonly FieldChange[], before: SourcedObject): DiffRisk[] {
  const type = `${ref.group}/${ref.kind}`;
  const prefixes = [...(IMMUTABLE_FIELDS[type] ?? [])];
  // A ConfigMap or Secret marked immutable refuses any change to its data.
  if ((type === '/ConfigMap' || type === '/Secret') && before.object.immutable === true) prefixes.push('data', 'binaryData', 'stringData');
  const hit = [...new Set(changes.flatMap((c) => prefixes.filter((p) => underPath(c.path, p))))];
  return hit.map((p) => ({
    severity: 'unsafe' as const,
    subject: describeRef(ref),
    message: `${p} cannot be changed in place: kubectl apply fails; delete and re-create the object (or let the engine replace it)`,
  }));
}

function removalRisk(ref: ObjectRef): DiffRisk | undefined {
  if (ref.kind === 'CustomResourceDefinition' && ref.group === 'apiextensions.k8s.io') {
    return { severity: 'unsafe', subject: describeRef(ref), message: `deleting the CRD deletes every ${ref.name} object in the cluster (users' routes and policies too)` };
  }
  if (ref.kind === 'Namespace' && ref.group === '') {
    return { severity: 'unsafe', subject: describeRef(ref), message: 'deleting the namespace deletes everything in it' };
  }
  return undefined;
}

/** `before` → `after`. */
export function diffSides(before: DiffSide, after: DiffSide): RenderDiff {
  const index = (side: DiffSide): Map<string, SourcedObject> => new Map(side.objects.map((o) => [refKey(objectRef(o.object)), o]));
  const old = index(before);
  const now = index(after);
  const phaseNames = [...after.phases, ...before.phases.filter((p) => !after.phases.includes(p))];
  const phases = new Map<string, { phase: string; added: ObjectRef[]; removed: ObjectRef[]; changed: ChangedObject[]; unchanged: number }>();
  const phaseOf = (name: string) => {
    if (!phases.has(name)) phases.set(name, { phase: name, added: [], removed: [], changed: [], unchanged: 0 });
    return phases.get(name)!;
  };
  // A side built by hand may leave a phase out of its list: it is then listed after the others.
  phaseNames.forEach(phaseOf);
  const risks: DiffRisk[] = [];

  for (const [key, o] of now) {
    const ref = objectRef(o.object);
    const phase = phaseOf(o.phase);
    const was = old.get(key);
    if (!was) {
      phase.added.push(ref);
      continue;
    }
    const changes = fieldChanges(was.object, o.object);
    const movedFrom = was.phase !== o.phase ? was.phase : undefined;
    if (!changes.length && !movedFrom) {
      phase.unchanged++;
      continue;
    }
    const rolls = WORKLOADS.has(`${ref.group}/${ref.kind}`) && changes.some((c) => underPath(c.path, 'spec.template'));
    phase.changed.push({ ref, changes, rolls, ...(movedFrom ? { movedFrom } : {}) });
    risks.push(...immutableRisks(ref, changes, was));
  }
  for (const [key, o] of old) {
    if (now.has(key)) continue;
    const ref = objectRef(o.object);
    phaseOf(o.phase).removed.push(ref);
    const risk = removalRisk(ref);
    if (risk) risks.push(risk);
  }

  const trust = trustChange(
    before.objects.map((o) => o.object),
    after.objects.map((o) => o.object),
  );
  for (const f of trust?.findings ?? []) risks.push({ severity: f.severity === 'error' ? 'unsafe' : 'needs-care', subject: 'trust anchors', message: f.message });

  const phaseList = [...phases.values()];
  const identical = phaseList.every((p) => !p.added.length && !p.removed.length && !p.changed.length);
  const verdict: DiffVerdict = identical ? 'identical' : risks.some((r) => r.severity === 'unsafe') ? 'unsafe' : risks.length ? 'needs-care' : 'safe';
  return {
    before: before.label,
    after: after.label,
    phases: phaseList,
    rolls: phaseList.flatMap((p) => p.changed.filter((c) => c.rolls).map((c) => ({ phase: p.phase, ref: c.ref }))),
    ...(trust ? { trust } : {}),
    risks,
    verdict,
  };
}
