/**
 * What `multicluster install --ha` applies on top of the defaults (upstream values-ha.yaml): three
 * gateway replicas spread across hosts and zones.
 */
import type { ValueTree } from '../tree.js';

export function multiclusterHaOverlay(): ValueTree {
  return { gateway: { replicas: 3 }, enablePodAntiAffinity: true };
}
