/**
 * Manual mode: the full sidecar (`linkerd inject --manual`) written into a construct's manifest by
 * lib/inject's `injectObject`, the same code path as `meshform inject --manual`.
 *
 * Injection runs when the object is rendered, not when the helper is called: cdk8s-plus workloads
 * build their pod spec lazily in `toJson()`, so a container added after `meshWorkload(...)` must still
 * be seen (and a port it declares counted as an inbound port). A JSON patch cannot express that (its
 * value is fixed when added), so the object's `toJson` is wrapped instead.
 */
import type { ApiObject } from 'cdk8s';
import { MeshformError } from '../../lib/errors.js';
import { injectObject } from '../../lib/inject/inject.js';
import { podMetaOf, podTemplateOf, type ManifestObject } from '../../lib/inject/workload.js';
import { proxyConfigAnnotations } from '../../lib/proxy-config/annotations.js';
import { mergeValues } from '../../lib/values/tree.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import type { MeshWorkloadOptions } from './options.js';
import { revisionAnnotations } from './pod-annotations.js';
import { workloadMesh, type WorkloadMesh } from './workload-mesh.js';

/** Objects already wrapped, so meshing twice does not inject twice. */
const wrapped = new WeakSet<ApiObject>();

/** The values the sidecar is rendered from: the mesh's, with ingress mode switched on when asked. */
function sidecarValues(options: MeshWorkloadOptions, mesh: WorkloadMesh): MeshValues {
  return options.ingressMode ? mergeValues(mesh.values, { proxy: { isIngress: true } }) : mesh.values;
}

/** Injects a rendered object; throws a MeshformError when the pod cannot be meshed. */
export function injectRendered(rendered: ManifestObject, options: MeshWorkloadOptions, config: Readonly<Record<string, string>>): ManifestObject {
  const ref = podTemplateOf(rendered);
  const name = `${String(rendered.kind)}/${String((rendered.metadata as { name?: string } | undefined)?.name ?? '')}`;
  if (!ref) throw new MeshformError(`cannot mesh ${name}`, [{ path: name, value: rendered.kind, message: 'has no pod template' }]);
  const mesh = workloadMesh(options);
  if (mesh.manualIssues.length) throw new MeshformError(`cannot mesh ${name} in manual mode`, mesh.manualIssues);
  const meta = podMetaOf(ref);
  // The overrides go on the template first: injectObject reads them as the pod's own annotations,
  // exactly as it would from a hand-annotated manifest, and keeps them (they are config.linkerd.io/*).
  meta.annotations = { ...(meta.annotations ?? {}), ...config, ...revisionAnnotations(options) };
  const { object, report } = injectObject(rendered, {
    values: sidecarValues(options, mesh),
    meshValues: mesh.values,
    manual: true,
    controlPlaneNamespace: mesh.controlPlaneNamespace,
  });
  if (report.status !== 'injected') {
    const issues = report.reasons.map((r) => ({ path: name, value: r.code, message: r.message }));
    throw new MeshformError(`cannot mesh ${name}`, issues);
  }
  return object;
}

/** Makes `apiObject` render with the sidecar injected. */
export function injectManually(apiObject: ApiObject, options: MeshWorkloadOptions): void {
  if (wrapped.has(apiObject)) return;
  // Checked now, so missing anchors or a bad ProxyConfig fail at the call site rather than at synth.
  const { manualIssues } = workloadMesh(options);
  if (manualIssues.length) throw new MeshformError(`cannot mesh ${apiObject.kind}/${apiObject.name} in manual mode`, manualIssues);
  wrapped.add(apiObject);
  const config = proxyConfigAnnotations(options.proxyConfig ?? {});
  const render = apiObject.toJson.bind(apiObject);
  apiObject.toJson = () => injectRendered(render() as ManifestObject, options, config);
}
