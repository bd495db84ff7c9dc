/**
 * References from routes to Services, spelled the way Linkerd classifies them (TRAFFIC.md §1.13): a
 * mesh (GAMMA) parent must say `group: core, kind: Service` — the CRD defaults point at a Gateway,
 * which Linkerd ignores without a word.
 */
import type { IssueCollector } from '../errors.js';
import { dns1035LabelProblem, dns1123LabelProblem, dns1123SubdomainProblem } from '../k8s/name-rules.js';
import { portNumberProblem } from '../k8s/ports.js';

/** A Service a route attaches to (its parent): the route then applies to clients calling that Service. */
export interface ParentService {
  readonly name: string;
  /**
   * The Service's namespace. Another namespace makes a consumer route (applies only to clients in the route's namespace).
   * @default - the route's namespace (a producer route, for every client)
   */
  readonly namespace?: string;
  /**
   * The Service port the route applies to.
   * @default - every port of the Service
   */
  readonly port?: number;
}

/** A Service traffic is sent to. */
export interface ServiceBackend {
  readonly name: string;
  /**
   * The Service's namespace.
   * @default - the route's namespace
   */
  readonly namespace?: string;
  /** The Service port (required by Linkerd for Service backends). */
  readonly port: number;
}

/** A Service name: a DNS-1035 label (apimachinery's rule and message). */
export function checkServiceName(name: unknown, path: string, issues: IssueCollector): void {
  issues.check(path, name, dns1035LabelProblem(name));
}

/** A namespace, when given: a DNS-1123 label. */
export function checkNamespace(namespace: unknown, path: string, issues: IssueCollector): void {
  if (namespace !== undefined) issues.check(path, namespace, dns1123LabelProblem(namespace));
}

/** An object name: a DNS-1123 subdomain. */
export function checkObjectName(name: unknown, path: string, issues: IssueCollector): void {
  issues.check(path, name, dns1123SubdomainProblem(name));
}

export function checkPort(port: unknown, path: string, issues: IssueCollector, required: boolean): void {
  if (port === undefined && !required) return;
  const problem = portNumberProblem(port);
  issues.check(path, port, problem && required ? `${problem} (Linkerd needs the port of every Service backend)` : problem);
}

/**
 * Checks a Service reference and renders it. Parents spell the core group `core` (the CRD default is
 * a Gateway's group, so it must be written); backends `""` (their CRD default is already core).
 */
function serviceReference(ref: ParentService, role: 'parent' | 'backend', path: string, issues: IssueCollector): Record<string, unknown> {
  checkServiceName(ref.name, `${path}.name`, issues);
  checkNamespace(ref.namespace, `${path}.namespace`, issues);
  checkPort(ref.port, `${path}.port`, issues, role === 'backend');
  return {
    group: role === 'parent' ? 'core' : '',
    kind: 'Service',
    name: ref.name,
    ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
    ...(ref.port !== undefined ? { port: ref.port } : {}),
  };
}

/** Checks a parent and renders its `parentRefs` entry. */
export function parentRef(parent: ParentService, path: string, issues: IssueCollector): Record<string, unknown> {
  return serviceReference(parent, 'parent', path, issues);
}

/** Checks a Service backend and renders its `backendRefs` entry (without weight or filters). */
export function serviceBackendRef(backend: ServiceBackend, path: string, issues: IssueCollector): Record<string, unknown> {
  return serviceReference(backend, 'backend', path, issues);
}
