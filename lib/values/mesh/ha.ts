/**
 * What upstream's CLI `--ha` applies on top of the defaults (charts/linkerd-control-plane/values-ha.yaml
 * as read through the CLI's Go `Values` struct).
 *
 * `spValidatorResources` is deliberately absent: the Go struct has no field for it, so the CLI drops
 * it and the sp-validator container gets no resources in upstream's HA install (a Helm
 * `-f values-ha.yaml` install would keep it; users wanting that can set the key themselves).
 * `controllerResources` is only a YAML anchor in values-ha.yaml and likewise never reaches the tree.
 */
import type { ResourceRequirementsValues } from './types.js';
import type { ValueTree } from '../tree.js';

const controllerResources = (): ResourceRequirementsValues => ({
  cpu: { limit: '', request: '100m' },
  memory: { limit: '250Mi', request: '50Mi' },
});

function haOverlay(): ValueTree {
  return {
    enablePodDisruptionBudget: true,
    controller: { podDisruptionBudget: { maxUnavailable: 1 } },
    deploymentStrategy: { rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
    enablePodAntiAffinity: true,
    proxy: { resources: { cpu: { request: '100m' }, memory: { limit: '250Mi', request: '20Mi' } } },
    controllerReplicas: 3,
    destinationResources: { ...controllerResources() } as ValueTree,
    identityResources: { cpu: { limit: '', request: '100m' }, memory: { limit: '250Mi', request: '10Mi' } },
    heartbeatResources: { ...controllerResources() } as ValueTree,
    proxyInjectorResources: { ...controllerResources() } as ValueTree,
    webhookFailurePolicy: 'Fail',
    highAvailability: true,
  };
}

/** The HA overlay (frozen; `mergeValues` copies what it takes). */
export const MESH_HA_OVERLAY: Readonly<ValueTree> = deepFreeze(haOverlay());

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
