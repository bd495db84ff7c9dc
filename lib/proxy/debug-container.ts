/**
 * The `linkerd-debug` sidecar (upstream's `partials.debug`), added when a workload asks for it with
 * `config.linkerd.io/enable-debug-sidecar: "true"`.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { MeshValues } from '../values/mesh/types.js';
import { DEBUG_CONTAINER_NAME } from './context.js';
import { debugImage, debugImagePullPolicy } from './images.js';

export function buildDebugContainer(values: MeshValues): IContainer {
  return {
    image: debugImage(values),
    imagePullPolicy: debugImagePullPolicy(values),
    // Upstream's partial gives the sidecar no-op probes so it never holds a pod's readiness back.
    livenessProbe: { exec: { command: ['true'] } },
    name: DEBUG_CONTAINER_NAME,
    readinessProbe: { exec: { command: ['true'] } },
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
}
