/**
 * Topology spread for the mesh's Deployments (issue #14 point 5). Upstream's values have no
 * `topologySpreadConstraints` key, and HA's anti-affinity only *prefers* zones; this adds one
 * constraint to every `apps/v1` Deployment the mesh renders (control plane, viz, multicluster),
 * selecting the Deployment's own pods by its `spec.selector`, so each component spreads on its own.
 * DaemonSets (CNI) run on every node already and are left alone. Pure data: no Pulumi, no cdk8s.
 */
import { joinPath, type ValidationIssue, IssueCollector } from '../../lib/errors.js';
import { labelKeyProblem, type LabelSelector } from '../../lib/k8s/label-selector.js';
import type { KubeObject } from '../../lib/manifest.js';

/** Kubernetes' `whenUnsatisfiable` values. */
export const WHEN_UNSATISFIABLE = ['ScheduleAnyway', 'DoNotSchedule'] as const;
export type WhenUnsatisfiable = (typeof WHEN_UNSATISFIABLE)[number];

/** One spread constraint per Deployment; each field falls back to the zone spread's. */
export interface TopologySpreadOptions {
  /** Node label whose values are the domains to spread over. @default 'topology.kubernetes.io/zone' */
  readonly topologyKey?: string;
  /** Largest allowed difference of a Deployment's pod count between two domains; an integer ≥ 1. @default 1 */
  readonly maxSkew?: number;
  /** `ScheduleAnyway` only prefers the spread; `DoNotSchedule` leaves a pod Pending rather than skew. @default 'ScheduleAnyway' */
  readonly whenUnsatisfiable?: WhenUnsatisfiable;
}

/** `true` is the zone spread with the defaults, `false` none, an object chooses the fields. */
export type TopologySpread = boolean | TopologySpreadOptions;

/** The constraint's settings with every default filled in. */
export type ResolvedTopologySpread = Required<TopologySpreadOptions>;

export const TOPOLOGY_SPREAD_DEFAULTS: ResolvedTopologySpread = {
  topologyKey: 'topology.kubernetes.io/zone',
  maxSkew: 1,
  whenUnsatisfiable: 'ScheduleAnyway',
};

const FIELDS: readonly string[] = Object.keys(TOPOLOGY_SPREAD_DEFAULTS);

/** Every problem with `spread`, each under `at` + field (e.g. `meshform:topologySpread.maxSkew`). */
export function topologySpreadIssues(spread: unknown, at: string): ValidationIssue[] {
  const issues = new IssueCollector();
  if (spread === undefined || typeof spread === 'boolean') return [];
  if (typeof spread !== 'object' || spread === null || Array.isArray(spread)) {
    issues.add(at, spread, 'must be true, false or an object of topologyKey, maxSkew, whenUnsatisfiable');
    return [...issues.issues];
  }
  const o = spread as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!FIELDS.includes(key)) issues.add(joinPath(at, key), o[key], `is not a topology spread field (${FIELDS.join(', ')})`);
  }
  if (o.topologyKey !== undefined) issues.check(joinPath(at, 'topologyKey'), o.topologyKey, labelKeyProblem(o.topologyKey));
  if (o.maxSkew !== undefined && !(typeof o.maxSkew === 'number' && Number.isInteger(o.maxSkew) && o.maxSkew >= 1)) {
    issues.add(joinPath(at, 'maxSkew'), o.maxSkew, 'must be an integer of 1 or more');
  }
  if (o.whenUnsatisfiable !== undefined && !(WHEN_UNSATISFIABLE as readonly unknown[]).includes(o.whenUnsatisfiable)) {
    issues.add(joinPath(at, 'whenUnsatisfiable'), o.whenUnsatisfiable, `must be one of ${WHEN_UNSATISFIABLE.join(', ')}`);
  }
  return [...issues.issues];
}

/** The settings `spread` stands for; undefined for `false` / unset. Validate first. */
export function resolveTopologySpread(spread: TopologySpread | undefined): ResolvedTopologySpread | undefined {
  if (!spread) return undefined;
  return spread === true ? TOPOLOGY_SPREAD_DEFAULTS : { ...TOPOLOGY_SPREAD_DEFAULTS, ...spread };
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

interface SpreadConstraint extends ResolvedTopologySpread {
  readonly labelSelector: LabelSelector;
}

/**
 * `obj` with the spread constraint added to its pod template when it is an `apps/v1` Deployment;
 * any other object is returned as it is. A constraint already there for the same topologyKey and
 * whenUnsatisfiable is replaced (the API server refuses two such).
 */
export function withTopologySpread<T extends KubeObject>(obj: T, spread: ResolvedTopologySpread): T {
  if (obj.apiVersion !== 'apps/v1' || obj.kind !== 'Deployment') return obj;
  const spec = (obj as Tree).spec;
  if (!isTree(spec) || !isTree(spec.selector) || !isTree(spec.template)) return obj;
  const template = spec.template;
  const podSpec = isTree(template.spec) ? template.spec : {};
  const constraint: SpreadConstraint = { ...spread, labelSelector: structuredClone(spec.selector) as LabelSelector };
  const existing = Array.isArray(podSpec.topologySpreadConstraints) ? (podSpec.topologySpreadConstraints as Tree[]) : [];
  const kept = existing.filter((c) => !(c.topologyKey === spread.topologyKey && c.whenUnsatisfiable === spread.whenUnsatisfiable));
  return {
    ...obj,
    spec: { ...spec, template: { ...template, spec: { ...podSpec, topologySpreadConstraints: [...kept, constraint] } } },
  };
}
