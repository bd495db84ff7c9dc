/**
 * `meshWorkload`: meshes a cdk8s-plus-27 workload (Deployment, StatefulSet, DaemonSet, Job, CronJob)
 * from app code. Annotation mode writes through the workload's own `podMetadata`, which cdk8s-plus
 * renders lazily, so the call may come before or after containers are added and costs no render.
 */
import { ApiObject } from 'cdk8s';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { Container, Workload } from 'cdk8s-plus-27';
import { MeshformError } from '../../lib/errors.js';
import { decideInjection } from '../../lib/inject/decide.js';
import type { MutableMeta } from '../../lib/inject/workload.js';
import { injectManually } from './manual-injection.js';
import type { MeshWorkloadOptions } from './options.js';
import { podTemplateAnnotations } from './pod-annotations.js';
import { workloadMesh } from './workload-mesh.js';

/** Only what the injection decision reads: names, images and port protocols. */
function sketch(c: Container): IContainer {
  return { name: c.name, image: c.image, ports: c.ports.map((p) => ({ containerPort: p.number, protocol: p.protocol })) };
}

/**
 * The pod as far as `decideInjection` needs it, read from cdk8s-plus properties instead of a full
 * render (which would double the synth cost of a meshed workload).
 */
function podSketch(workload: Workload): IPodSpec {
  return {
    hostNetwork: workload.hostNetwork,
    automountServiceAccountToken: workload.automountServiceAccountToken,
    containers: workload.containers.map(sketch),
    initContainers: workload.initContainers.map(sketch),
  };
}

/** Refuses pods the injector would refuse (hostNetwork, another mesh's sidecar, inject disabled...). */
function assertInjectable(workload: Workload, options: MeshWorkloadOptions): void {
  const meta = workload.podMetadata.toJson() as MutableMeta;
  const decision = decideInjection(meta, podSketch(workload), {
    serviceAccountTokenProjection: workloadMesh(options).values.identity.serviceAccountTokenProjection,
  });
  if (decision.reasons.length) {
    const name = `${workload.node.path}`;
    throw new MeshformError(`cannot mesh ${name}`, decision.reasons.map((r) => ({ path: name, value: r.code, message: r.message })));
  }
}

/** Meshes `workload` in annotation (default) or manual mode. */
export function meshWorkload(workload: Workload, options: MeshWorkloadOptions): void {
  assertInjectable(workload, options);
  if ((options.mode ?? 'annotation') === 'manual') {
    injectManually(ApiObject.of(workload), options);
    return;
  }
  for (const [key, value] of Object.entries(podTemplateAnnotations(options))) workload.podMetadata.addAnnotation(key, value);
}
