/**
 * `meshPodTemplate`: meshes any construct that renders an object with a pod template (a raw
 * `ApiObject`, an imported `KubeDeployment`, a chart's Job...), where no cdk8s-plus API is available.
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { MeshformError } from '../../lib/errors.js';
import { decideInjection } from '../../lib/inject/decide.js';
import { podMetaOf, podSpecOf, podTemplateOf, type ManifestObject } from '../../lib/inject/workload.js';
import { injectManually } from './manual-injection.js';
import type { MeshWorkloadOptions } from './options.js';
import { podTemplateAnnotations } from './pod-annotations.js';
import { workloadMesh } from './workload-mesh.js';

/** RFC 6901: `/` and `~` in a key are escaped in a JSON pointer. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The ApiObject of a construct (itself, or its default child as cdk8s-plus resources have). */
export function apiObjectOf(construct: IConstruct): ApiObject {
  return construct instanceof ApiObject ? construct : ApiObject.of(construct);
}

/**
 * Annotation mode through JSON patches. The object is rendered once to find its template and to learn
 * which parent maps exist: a JSON-patch `add` on an existing map would replace it, so only missing
 * parents are created. Call it once the pod template is complete.
 */
function annotateByPatch(apiObject: ApiObject, options: MeshWorkloadOptions): void {
  const rendered = apiObject.toJson() as ManifestObject;
  const ref = podTemplateOf(rendered);
  const name = `${String(rendered.kind)}/${apiObject.name}`;
  if (!ref) throw new MeshformError(`cannot mesh ${name}`, [{ path: name, value: rendered.kind, message: 'has no pod template' }]);
  // Read before podMetaOf, which creates a missing metadata map on the snapshot.
  const hadMeta = typeof ref.holder.metadata === 'object' && ref.holder.metadata !== null;
  const annotations = hadMeta ? (ref.holder.metadata as { annotations?: unknown }).annotations : undefined;
  const decision = decideInjection(podMetaOf(ref), podSpecOf(ref), {
    serviceAccountTokenProjection: workloadMesh(options).values.identity.serviceAccountTokenProjection,
  });
  if (decision.reasons.length) {
    throw new MeshformError(`cannot mesh ${name}`, decision.reasons.map((r) => ({ path: name, value: r.code, message: r.message })));
  }
  const base = ref.path ? `/${ref.path.split('.').join('/')}` : '';
  const patches: JsonPatch[] = [];
  if (!hadMeta) patches.push(JsonPatch.add(`${base}/metadata`, {}));
  if (annotations === undefined) patches.push(JsonPatch.add(`${base}/metadata/annotations`, {}));
  for (const [key, value] of Object.entries(podTemplateAnnotations(options))) {
    patches.push(JsonPatch.add(`${base}/metadata/annotations/${pointerSegment(key)}`, value));
  }
  apiObject.addJsonPatch(...patches);
}

/** Meshes the pod template of `construct` (an ApiObject, or a construct whose default child is one). */
export function meshPodTemplate(construct: IConstruct, options: MeshWorkloadOptions): void {
  const apiObject = apiObjectOf(construct);
  if ((options.mode ?? 'annotation') === 'manual') injectManually(apiObject, options);
  else annotateByPatch(apiObject, options);
}
