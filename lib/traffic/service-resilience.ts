/**
 * Service-level traffic behaviour as annotations: retries, timeouts and circuit breaking. They apply
 * to every request to the Service, including the default route Linkerd synthesizes when no route is
 * attached, and are replaced wholesale by a route's own retry (or timeout) settings.
 */
import { IssueCollector } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { circuitBreakerAnnotations, type CircuitBreaker } from './circuit-breaker.js';
import { resilienceAnnotations, type Resilience } from './resilience.js';

export interface ServiceResilience extends Resilience {
  /**
   * Circuit breaking (consecutive failure accrual). Disabled while a ServiceProfile exists for the Service.
   * @default - no circuit breaking
   */
  readonly circuitBreaker?: CircuitBreaker;
}

/** The annotations for a Service; throws a MeshformError naming `path` + field for bad values. */
export function serviceResilienceAnnotations(resilience: ServiceResilience, path: string): Record<string, string> {
  const issues = new IssueCollector();
  const out = resilienceAnnotations(resilience, 'Service', path, issues);
  if (resilience.circuitBreaker) Object.assign(out, circuitBreakerAnnotations(resilience.circuitBreaker, `${path}.circuitBreaker`, issues));
  if (!resilience.retry && !resilience.timeouts && !resilience.circuitBreaker) {
    issues.add(path, resilience, 'must set at least one of retry, timeouts or circuitBreaker');
  }
  issues.throwIfAny(`Service traffic settings at ${path}`);
  return out;
}

/**
 * A copy of a plain Service manifest with the annotations added (existing ones kept unless replaced).
 * @param path - names the Service in messages; defaults to `Service/<namespace>/<name>`.
 */
export function withServiceResilience<T extends KubeObject>(service: T, resilience: ServiceResilience, path?: string): T {
  const where = path ?? ['Service', service.metadata?.namespace, service.metadata?.name].filter(Boolean).join('/');
  if (service.kind !== 'Service' || service.apiVersion !== 'v1') {
    const issues = new IssueCollector();
    issues.add(`${where}.kind`, `${service.apiVersion}/${service.kind}`, 'must be a v1 Service: Linkerd reads these annotations only from Services');
    issues.throwIfAny(`Service traffic settings at ${where}`);
  }
  const added = serviceResilienceAnnotations(resilience, where);
  const metadata = service.metadata ?? {};
  const annotations = { ...(metadata.annotations as Record<string, string> | undefined), ...added };
  return { ...service, metadata: { ...metadata, annotations } };
}
