/**
 * The pod templates of a manifest set (what a Server's `podSelector` can select and what runs as a
 * ServiceAccount) and Kubernetes label-selector semantics (`matchLabels` AND `matchExpressions`).
 */
import { isMap, labelsOf, listOf, mapsOf, stringOf, type IndexedObject, type JsonMap, type ObjectIndex } from './objects.js';

/** One pod template: a Pod, or the template of a workload that creates pods. */
export interface PodTemplate {
  /** The object holding the template. */
  readonly owner: IndexedObject;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** `spec.serviceAccountName`, Kubernetes' default being `default`. */
  readonly serviceAccountName: string;
  /** Whether the template names its ServiceAccount (else it runs as `default`). */
  readonly namesServiceAccount: boolean;
  /** The field path of the pod spec inside the owner, e.g. `spec.template.spec`. */
  readonly specPath: readonly string[];
  /** Container ports (`name`, `containerPort`) of every container and init container. */
  readonly ports: ReadonlyArray<{ readonly name?: string; readonly containerPort?: number }>;
}

/** Where each kind keeps its pod template. */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isMap(node) ? node[key] : undefined), value);
}

function templateOf(owner: IndexedObject): PodTemplate | undefined {
  const path = TEMPLATE_PATHS[owner.kind];
  if (!path) return undefined;
  const template = at(owner.object, path);
  if (!isMap(template)) return undefined;
  const metadata = template.metadata;
  const spec = isMap(template.spec) ? template.spec : {};
  const sa = stringOf(spec.serviceAccountName) ?? stringOf(spec.serviceAccount);
  const ports = [...listOf(spec.containers), ...listOf(spec.initContainers)].flatMap((c) =>
    mapsOf(isMap(c) ? c.ports : undefined).map(([p]) => ({ name: stringOf(p.name), containerPort: typeof p.containerPort === 'number' ? p.containerPort : undefined })),
  );
  const annotations = isMap(metadata) && isMap(metadata.annotations) ? (metadata.annotations as Record<string, string>) : {};
  return { owner, labels: labelsOf(metadata), annotations, serviceAccountName: sa ?? 'default', namesServiceAccount: sa !== undefined, specPath: [...path, 'spec'], ports };
}

/** Every pod template of the set, in input order. */
export function podTemplates(index: ObjectIndex): PodTemplate[] {
  return index.all.flatMap((o) => templateOf(o) ?? []);
}

/**
 * Kubernetes label-selector semantics: every `matchLabels` pair and every `matchExpressions`
 * requirement must hold; an empty selector selects everything. An unknown operator matches nothing.
 */
export function selectorMatches(selector: JsonMap, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels = isMap(selector.matchLabels) ? selector.matchLabels : {};
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false;
  return mapsOf(selector.matchExpressions).every(([req]) => {
    const key = stringOf(req.key) ?? '';
    const values = listOf(req.values).filter((v): v is string => typeof v === 'string');
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (req.operator) {
      case 'In':
        return has && values.includes(labels[key]);
      case 'NotIn':
        return !has || !values.includes(labels[key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}

/** The pod templates in `namespace` a selector selects. */
export function selectedTemplates(templates: readonly PodTemplate[], namespace: string, selector: JsonMap): PodTemplate[] {
  return templates.filter((t) => t.owner.namespace === namespace && selectorMatches(selector, t.labels));
}
