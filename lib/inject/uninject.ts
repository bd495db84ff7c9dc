/**
 * `uninject` (upstream `pkg/inject/uninject.go`): removes what injection added — the Linkerd init,
 * proxy, validator and debug containers, the Linkerd volumes, and `linkerd.io*` labels and
 * annotations — while keeping `linkerd.io/inject: disabled` and the `config.linkerd.io/*` overrides
 * (a different prefix). Control-plane pods keep their metadata. Works on a copy.
 */
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import {
  CONTROL_PLANE_COMPONENT_LABEL,
  INJECT_ANNOTATION,
  INJECT_DISABLED,
  INJECTED_CONTAINER_NAMES,
  INJECTED_VOLUME_NAMES,
  LINKERD_PREFIX,
} from './keys.js';
import { isRecord, kindOf, metaOf, podSpecOf, podTemplateOf, type ManifestObject, type MutableMeta } from './workload.js';

export interface UninjectResult {
  readonly object: ManifestObject;
  /** False when the kind has nothing to uninject (the object is returned as is). */
  readonly supported: boolean;
  /** True when something was removed. */
  readonly changed: boolean;
}

function stripPodSpec(spec: IPodSpec): boolean {
  const s = spec as { initContainers?: IPodSpec['initContainers']; containers: IPodSpec['containers']; volumes?: IPodSpec['volumes'] };
  const before = (s.initContainers?.length ?? 0) + (s.containers?.length ?? 0) + (s.volumes?.length ?? 0);
  const keepContainer = (c: { name: string }) => !INJECTED_CONTAINER_NAMES.includes(c.name);
  if (s.initContainers) s.initContainers = s.initContainers.filter(keepContainer);
  if (s.containers) s.containers = s.containers.filter(keepContainer);
  if (s.volumes) s.volumes = s.volumes.filter((v) => !INJECTED_VOLUME_NAMES.includes(v.name));
  // An emptied list goes away, as Go's omitempty drops it.
  if (s.initContainers?.length === 0) delete s.initContainers;
  if (s.volumes?.length === 0) delete s.volumes;
  return before !== (s.initContainers?.length ?? 0) + (s.containers?.length ?? 0) + (s.volumes?.length ?? 0);
}

/** Strips `linkerd.io*` annotations and labels from metadata; returns whether anything went. */
export function stripLinkerdMeta(meta: MutableMeta): boolean {
  if (meta.labels && CONTROL_PLANE_COMPONENT_LABEL in meta.labels) return false;
  let changed = false;
  const keepAnnotation = (k: string, v: string) => !k.startsWith(LINKERD_PREFIX) || (k === INJECT_ANNOTATION && v === INJECT_DISABLED);
  for (const field of ['annotations', 'labels'] as const) {
    const map = meta[field];
    if (!isRecord(map)) continue;
    for (const [k, v] of Object.entries(map)) {
      const keep = field === 'annotations' ? keepAnnotation(k, String(v)) : !k.startsWith(LINKERD_PREFIX);
      if (!keep) {
        delete map[k];
        changed = true;
      }
    }
    if (Object.keys(map).length === 0) delete meta[field];
  }
  return changed;
}

/** A copy of `input` without Linkerd's injection. */
export function uninjectObject(input: ManifestObject): UninjectResult {
  const object = structuredClone(input);
  if (kindOf(object) === 'Namespace') return { object, supported: true, changed: stripLinkerdMeta(metaOf(object)) };
  const ref = podTemplateOf(object);
  if (!ref) return { object: input, supported: false, changed: false };
  let changed = stripPodSpec(podSpecOf(ref));
  if (isRecord(object.metadata)) changed = stripLinkerdMeta(object.metadata as MutableMeta) || changed;
  if (ref.holder !== object && isRecord(ref.holder.metadata)) changed = stripLinkerdMeta(ref.holder.metadata as MutableMeta) || changed;
  return { object, supported: true, changed };
}

export interface UninjectReport {
  readonly kind: string;
  readonly name: string;
  readonly status: 'uninjected' | 'skipped';
}

/** Uninjects every object of a parsed stream (Lists item by item). */
export function uninjectManifest(docs: readonly ManifestObject[]): { documents: ManifestObject[]; reports: UninjectReport[] } {
  const reports: UninjectReport[] = [];
  const documents = docs.map((doc) => {
    const one = (obj: ManifestObject): ManifestObject => {
      const r = uninjectObject(obj);
      const meta = isRecord(obj.metadata) ? (obj.metadata as MutableMeta) : {};
      reports.push({ kind: kindOf(obj).toLowerCase(), name: meta.name ?? meta.generateName ?? '', status: r.supported ? 'uninjected' : 'skipped' });
      return r.object;
    };
    if (doc.kind === 'List' && Array.isArray(doc.items)) {
      return { ...doc, items: (doc.items as unknown[]).map((i) => (isRecord(i) ? one(i) : i)) };
    }
    return one(doc);
  });
  return { documents, reports };
}
