/**
 * `serviceRef`: a route's parent or backend from a cdk8s Service (cdk8s-plus `Service` or an
 * `ApiObject` of kind Service) or a name, so app code points routes at the objects it created
 * instead of repeating their names.
 */
import type { ServiceBackend } from '../../lib/traffic/refs.js';

/** A Service: a name, or a cdk8s object whose name and namespace are read. */
export type ServiceLike = string | { readonly name: string; readonly metadata: { readonly namespace?: string } };

/** The Service's name and namespace (when the object carries one). */
function nameAndNamespace(service: ServiceLike): { name: string; namespace?: string } {
  if (typeof service === 'string') return { name: service };
  const namespace = service.metadata.namespace;
  return { name: service.name, ...(namespace !== undefined ? { namespace } : {}) };
}

/** A parent (port optional: every port) or backend (port required) reference to `service`. */
export function serviceRef(service: ServiceLike): { readonly name: string; readonly namespace?: string };
export function serviceRef(service: ServiceLike, port: number): ServiceBackend;
export function serviceRef(service: ServiceLike, port?: number): { readonly name: string; readonly namespace?: string; readonly port?: number } {
  return { ...nameAndNamespace(service), ...(port !== undefined ? { port } : {}) };
}
