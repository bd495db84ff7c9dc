/**
 * What `linkerd viz install --ha` applies on top of the defaults (viz/charts/linkerd-viz/values-ha.yaml).
 * Upstream's file also has a top-level `resources` key, but only as a YAML anchor the components
 * reference; no template reads it, so it is left out here (and stays an unknown key for users).
 */
import type { ValueTree } from '../tree.js';

const componentResources = (): ValueTree => ({
  cpu: { limit: '', request: '100m' },
  memory: { limit: '250Mi', request: '50Mi' },
});

function haOverlay(): ValueTree {
  return {
    enablePodAntiAffinity: true,
    enablePodDisruptionBudget: true,
    tap: { replicas: 3, resources: componentResources() },
    dashboard: { resources: componentResources() },
    prometheus: {
      resources: { cpu: { limit: '', request: '300m' }, memory: { limit: '8192Mi', request: '300Mi' } },
    },
  };
}

/** A fresh copy of the HA overlay. */
export function vizHaOverlay(): ValueTree {
  return haOverlay();
}
