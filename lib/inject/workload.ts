/**
 * Where a manifest object keeps its pod: the object itself for a Pod, `spec.template` for the
 * controllers, `spec.jobTemplate.spec.template` for a CronJob. Objects are plain JSON; the functions
 * here work on (and return references into) a caller-owned copy.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { WORKLOAD_KINDS, type WorkloadKind } from './keys.js';

/** A manifest object as parsed JSON (mutable: the injector edits a copy). */
export type ManifestObject = Record<string, unknown>;

/** Mutable object metadata: only the parts injection reads and writes. */
export interface MutableMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** The pod template (or the Pod itself) of a workload. */
export interface PodTemplateRef {
  /** The object holding `metadata` and `spec` (a Pod, or a template). */
  readonly holder: ManifestObject;
  /** Path of `holder` within the object, e.g. `spec.template` (empty for a Pod). */
  readonly path: string;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function kindOf(obj: ManifestObject): string {
  return typeof obj.kind === 'string' ? obj.kind : '';
}

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** The object's own metadata, created when absent. */
export function metaOf(obj: ManifestObject): MutableMeta {
  if (!isRecord(obj.metadata)) obj.metadata = {};
  return obj.metadata as MutableMeta;
}

/** The pod template of a supported workload, or undefined for other kinds or a missing spec. */
export function podTemplateOf(obj: ManifestObject): PodTemplateRef | undefined {
  const kind = kindOf(obj);
  if (!isWorkloadKind(kind)) return undefined;
  if (kind === 'Pod') return isRecord(obj.spec) ? { holder: obj, path: '' } : undefined;
  const spec = obj.spec;
  if (!isRecord(spec)) return undefined;
  if (kind === 'CronJob') {
    const job = spec.jobTemplate;
    if (!isRecord(job) || !isRecord(job.spec) || !isRecord(job.spec.template)) return undefined;
    const template = job.spec.template;
    return isRecord(template.spec) ? { holder: template, path: 'spec.jobTemplate.spec.template' } : undefined;
  }
  const template = spec.template;
  return isRecord(template) && isRecord(template.spec) ? { holder: template, path: 'spec.template' } : undefined;
}

export function podSpecOf(ref: PodTemplateRef): IPodSpec {
  return ref.holder.spec as IPodSpec;
}

/** The template's metadata, created when absent (a CronJob's template often has none). */
export function podMetaOf(ref: PodTemplateRef): MutableMeta {
  return metaOf(ref.holder);
}

/** The name a report uses: the object's name (or `generateName` for a nameless Pod). */
export function displayName(obj: ManifestObject): string {
  const meta = isRecord(obj.metadata) ? (obj.metadata as MutableMeta) : {};
  return meta.name ?? meta.generateName ?? '';
}

/** Named container ports of the app containers (for named opaque ports). */
export function namedPorts(spec: IPodSpec): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name) out.set(p.name, p.containerPort);
  }
  return out;
}

/** Every app container, init containers first (the sidecar checks look at both). */
export function allContainers(spec: IPodSpec): readonly IContainer[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}
