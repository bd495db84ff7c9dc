/**
 * References from routes to Services, spelled the way Linkerd classifies them (TRAFFIC.md §1.13): a
 * mesh (GAMMA) parent must say `group: core, kind: Service` — the CRD defaults point at a Gateway,
 * which Linkerd ignores without a word.
 */
import type { IssueCollector } from '../errors.js';

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

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkServiceName(name: unknown, path: string, issues: IssueCollector): void {
  if (typeof name !== 'string' || name.length > 63 || !DNS_1035_LABEL.test(name)) {
    issues.add(path, name, 'must be a Service name: at most 63 lowercase letters, digits and "-", starting with a letter');
  }
}

export function checkNamespace(namespace: unknown, path: string, issues: IssueCollector): void {
  if (namespace === undefined) return;
  if (typeof namespace !== 'string' || namespace.length > 63 || !DNS_1123_LABEL.test(namespace)) {
    issues.add(path, namespace, 'must be a namespace name: at most 63 lowercase letters, digits and "-"');
  }
}

export function checkObjectName(name: unknown, path: string, issues: IssueCollector): void {
  if (typeof name !== 'string' || name.length > 253 || !DNS_1123_SUBDOMAIN.test(name)) {
    issues.add(path, name, 'must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters');
  }
}

export function checkPort(port: unknown, path: string, issues: IssueCollector, required: boolean): void {
  if (port === undefined && !required) return;
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
    issues.add(path, port, required ? 'must be a port number from 1 to 65535 (Linkerd needs the port of every Service backend)' : 'must be a port number from 1 to 65535');
  }
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
