/**
 * `annotateService`: retries, timeouts and circuit breaking on a cdk8s Service (cdk8s-plus `Service`
 * or `ApiObject`), as Linkerd's Service annotations. A route's own retry (or timeout) settings
 * replace these wholesale for that route. Plain manifests: `withServiceResilience` (meshform/model).
 */
import { Construct } from 'constructs';
import { serviceResilienceAnnotations, type ServiceResilience } from '../../lib/traffic/service-resilience.js';
import type { HasMetadata } from '../workload/mesh-namespace.js';

/** Adds the annotations; bad values throw one MeshformError naming the Service's construct path and field. */
export function annotateService(service: HasMetadata, resilience: ServiceResilience): void {
  const path = Construct.isConstruct(service) ? service.node.path : `Service/${service.metadata.name ?? ''}`;
  for (const [key, value] of Object.entries(serviceResilienceAnnotations(resilience, path))) service.metadata.addAnnotation(key, value);
}
