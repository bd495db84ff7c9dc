/**
 * The shape of each manifest document, checked before anything reads it: upstream decodes objects
 * into typed Go structs, so `containers: x`, `spec: 3` or a label that is a map fail there with a
 * reason. Here the parts meshform reads and writes (metadata, the pod template, containers, volumes)
 * are checked by kind; every problem is collected with its document and field path.
 */
import { joinPath, type ValidationIssue } from '../errors.js';
import { isRecord, isWorkloadKind, type ManifestObject } from './workload.js';

type Kind = 'map' | 'list' | 'string' | 'boolean' | 'integer' | 'scalar';

const DESCRIBE: Record<Kind, string> = {
  map: 'must be a map',
  list: 'must be a list',
  string: 'must be a string',
  boolean: 'must be true or false',
  integer: 'must be an integer',
  scalar: 'must be a string or a number',
};

function hasKind(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'map':
      return isRecord(v);
    case 'list':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return Number.isInteger(v);
    case 'scalar':
      return typeof v === 'string' || typeof v === 'number';
  }
}

/** Fields of a container meshform reads (ports, env, mounts, probes...). Absent or null is fine. */
const CONTAINER_FIELDS: Readonly<Record<string, Kind>> = {
  name: 'string',
  image: 'string',
  command: 'list',
  args: 'list',
  envFrom: 'list',
  resources: 'map',
  securityContext: 'map',
  livenessProbe: 'map',
  readinessProbe: 'map',
  startupProbe: 'map',
  lifecycle: 'map',
};

const POD_SPEC_FIELDS: Readonly<Record<string, Kind>> = {
  hostNetwork: 'boolean',
  securityContext: 'map',
  serviceAccountName: 'string',
  automountServiceAccountToken: 'boolean',
  terminationGracePeriodSeconds: 'integer',
};

class ShapeCollector {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly prefix: string) {}

  /** Checks `v` (when set) is of `kind`; true when it may be descended into. */
  field(v: unknown, path: string, kind: Kind): boolean {
    if (v === undefined || v === null) return false;
    if (hasKind(v, kind)) return true;
    this.issues.push({ path: `${this.prefix}${path}`, value: undefined, message: `${DESCRIBE[kind]}, not ${found(v)}` });
    return false;
  }

  fields(obj: Record<string, unknown>, path: string, table: Readonly<Record<string, Kind>>): void {
    for (const [key, kind] of Object.entries(table)) this.field(obj[key], joinPath(path, key), kind);
  }

  /** A list whose items must be maps; each map item goes to `each`. */
  mapList(v: unknown, path: string, each?: (item: Record<string, unknown>, at: string) => void): void {
    if (!this.field(v, path, 'list')) return;
    (v as unknown[]).forEach((item, i) => {
      const at = joinPath(path, i);
      if (!isRecord(item)) this.issues.push({ path: `${this.prefix}${at}`, value: undefined, message: `${DESCRIBE.map}, not ${found(item)}` });
      else each?.(item, at);
    });
  }

  stringMap(v: unknown, path: string): void {
    if (!this.field(v, path, 'map')) return;
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      if (item !== null && typeof item !== 'string') this.issues.push({ path: `${this.prefix}${joinPath(path, k)}`, value: undefined, message: `${DESCRIBE.string}, not ${found(item)}` });
    }
  }
}

/** What was found instead, in a word: values of maps and lists are not repeated in messages. */
function found(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a map';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}` : `${typeof v} ${String(v)}`;
}

function checkMetadata(c: ShapeCollector, meta: unknown, path: string): void {
  if (!c.field(meta, path, 'map')) return;
  const m = meta as Record<string, unknown>;
  c.field(m.name, joinPath(path, 'name'), 'string');
  c.field(m.namespace, joinPath(path, 'namespace'), 'string');
  c.stringMap(m.labels, joinPath(path, 'labels'));
  c.stringMap(m.annotations, joinPath(path, 'annotations'));
}

function checkContainer(c: ShapeCollector, container: Record<string, unknown>, at: string): void {
  c.fields(container, at, CONTAINER_FIELDS);
  c.mapList(container.ports, joinPath(at, 'ports'), (p, pAt) => {
    c.field(p.containerPort, joinPath(pAt, 'containerPort'), 'integer');
    c.field(p.name, joinPath(pAt, 'name'), 'string');
  });
  c.mapList(container.env, joinPath(at, 'env'), (e, eAt) => c.field(e.name, joinPath(eAt, 'name'), 'string'));
  c.mapList(container.volumeMounts, joinPath(at, 'volumeMounts'));
}

function checkPodSpec(c: ShapeCollector, spec: Record<string, unknown>, path: string): void {
  c.fields(spec, path, POD_SPEC_FIELDS);
  c.mapList(spec.containers, joinPath(path, 'containers'), (x, at) => checkContainer(c, x, at));
  c.mapList(spec.initContainers, joinPath(path, 'initContainers'), (x, at) => checkContainer(c, x, at));
  c.mapList(spec.volumes, joinPath(path, 'volumes'), (v, at) => c.field(v.name, joinPath(at, 'name'), 'string'));
}

/** A pod template (`metadata` + `spec`) at `path`. */
function checkTemplate(c: ShapeCollector, template: unknown, path: string): void {
  if (!c.field(template, path, 'map')) return;
  const t = template as Record<string, unknown>;
  checkMetadata(c, t.metadata, joinPath(path, 'metadata'));
  if (c.field(t.spec, joinPath(path, 'spec'), 'map')) checkPodSpec(c, t.spec as Record<string, unknown>, joinPath(path, 'spec'));
}

function checkObject(c: ShapeCollector, obj: Record<string, unknown>, path: string): void {
  c.field(obj.apiVersion, joinPath(path, 'apiVersion'), 'string');
  c.field(obj.kind, joinPath(path, 'kind'), 'string');
  checkMetadata(c, obj.metadata, joinPath(path, 'metadata'));
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (kind === 'List') {
    // Null items are kept as they are (kubectl and upstream pass them through).
    if (c.field(obj.items, joinPath(path, 'items'), 'list')) {
      (obj.items as unknown[]).forEach((item, i) => {
        const at = joinPath(joinPath(path, 'items'), i);
        if (item === null) return;
        if (isRecord(item)) checkObject(c, item, at);
        else c.issues.push({ path: `${c.prefix}${at}`, value: undefined, message: `must be a Kubernetes object (a map) or null, not ${found(item)}` });
      });
    }
    return;
  }
  if (!isWorkloadKind(kind)) return;
  const specPath = joinPath(path, 'spec');
  if (!c.field(obj.spec, specPath, 'map')) return;
  const spec = obj.spec as Record<string, unknown>;
  if (kind === 'Pod') return checkPodSpec(c, spec, specPath);
  if (kind === 'CronJob') {
    const jobPath = joinPath(specPath, 'jobTemplate');
    if (!c.field(spec.jobTemplate, jobPath, 'map')) return;
    const job = spec.jobTemplate as Record<string, unknown>;
    if (c.field(job.spec, joinPath(jobPath, 'spec'), 'map')) checkTemplate(c, (job.spec as Record<string, unknown>).template, joinPath(jobPath, 'spec.template'));
    return;
  }
  checkTemplate(c, spec.template, joinPath(specPath, 'template'));
}

/** Every shape problem of one document (`index` is its 1-based position in the stream). */
export function manifestShapeIssues(doc: ManifestObject, index: number): ValidationIssue[] {
  const c = new ShapeCollector(`document ${index}: `);
  checkObject(c, doc, '');
  return c.issues;
}
