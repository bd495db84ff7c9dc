/**
 * The install phase of an object in a single render (a file or stdin), where no file or directory
 * name says it: read from the labels every meshform and upstream render carries.
 *
 * 1. `linkerd.io/extension: <name>` → `<name>` (`viz`, `multicluster`; the Link CRD included);
 * 2. a CustomResourceDefinition → `crds`;
 * 3. `linkerd.io/cni-resource` → `cni`;
 * 4. `linkerd.io/control-plane-ns` or `linkerd.io/is-control-plane` → `control-plane`;
 * 5. anything else → `namespace <ns>`, or `cluster-scoped`.
 */
import { CNI_RESOURCE_LABEL, CONTROL_PLANE_NS_LABEL, EXTENSION_LABEL, IS_CONTROL_PLANE_LABEL } from '../k8s/labels.js';
import type { KubeObject } from '../manifest.js';
import { byCodeUnit } from './field-changes.js';
import { labelsOf, objectRef } from './object-key.js';

/** The order detected phases are listed in: the order they are applied. */
export const DETECTED_PHASE_ORDER: readonly string[] = ['crds', 'cni', 'control-plane', 'viz', 'multicluster'];

export function detectPhase(object: KubeObject): string {
  const labels = labelsOf(object);
  const extension = labels[EXTENSION_LABEL];
  if (typeof extension === 'string' && extension) return extension;
  if (object.kind === 'CustomResourceDefinition') return 'crds';
  if (CNI_RESOURCE_LABEL in labels) return 'cni';
  if (CONTROL_PLANE_NS_LABEL in labels || IS_CONTROL_PLANE_LABEL in labels) return 'control-plane';
  const { namespace } = objectRef(object);
  return namespace ? `namespace ${namespace}` : 'cluster-scoped';
}

/** Detected phases in apply order; others (namespaces, cluster-scoped) after them, by name. */
export function orderDetectedPhases(phases: Iterable<string>): string[] {
  const rank = (p: string): number => {
    const i = DETECTED_PHASE_ORDER.indexOf(p);
    return i < 0 ? DETECTED_PHASE_ORDER.length : i;
  };
  return [...new Set(phases)].sort((a, b) => rank(a) - rank(b) || byCodeUnit(a, b));
}
