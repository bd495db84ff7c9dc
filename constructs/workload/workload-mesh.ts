/**
 * The mesh a workload helper meshes into, from either way of naming it: a `MeshReference` (public
 * facts only) or, for compatibility, the mesh's resolved `MeshValues`. Everything downstream reads
 * this, so both give byte-identical manifests.
 */
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { manualInjectionIssues } from '../../lib/inject/manual.js';
import { manualReferenceIssues, resolveMeshReference } from '../../lib/mesh-reference/resolve.js';
import { meshReferenceRevision, meshRevision } from '../../lib/proxy-config/revision.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import type { MeshWorkloadOptions } from './options.js';

export interface WorkloadMesh {
  /** The values the sidecar is rendered from (no issuer needed). */
  readonly values: MeshValues;
  /** The `meshform.io/mesh-revision` value. */
  readonly revision: string;
  /** Where the control plane runs, as the options or the reference say. */
  readonly controlPlaneNamespace: string;
  /** What manual mode lacks (the trust anchors), named as the caller gave them. */
  readonly manualIssues: readonly ValidationIssue[];
}

/** Resolves `options.mesh` (validated, by path) or `options.meshValues`; throws a MeshformError. */
export function workloadMesh(options: MeshWorkloadOptions): WorkloadMesh {
  if (options.mesh && options.meshValues) {
    throw new MeshformError('cannot mesh: give mesh (a MeshReference) or meshValues, not both', [
      { path: 'meshValues', value: undefined, message: 'leave it out: mesh already names the mesh' },
    ]);
  }
  if (options.mesh) {
    const { reference, values } = resolveMeshReference(options.mesh);
    return {
      values,
      revision: meshReferenceRevision(options.mesh),
      controlPlaneNamespace: options.controlPlaneNamespace ?? reference.controlPlaneNamespace,
      manualIssues: manualReferenceIssues(reference),
    };
  }
  if (!options.meshValues) {
    throw new MeshformError('cannot mesh: no mesh given', [
      { path: 'mesh', value: undefined, message: 'is required: the installed mesh\'s MeshReference (Mesh.reference, meshform reference)' },
    ]);
  }
  return {
    values: options.meshValues,
    revision: meshRevision(options.meshValues),
    controlPlaneNamespace: options.controlPlaneNamespace ?? 'linkerd',
    manualIssues: manualInjectionIssues(options.meshValues),
  };
}
