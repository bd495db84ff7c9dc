/** What every mesh route has: a name, a namespace, one parent Service, hostnames and metadata. */
import { WILDCARD_HOSTNAME } from '../crds/schema/patterns.js';
import type { IssueCollector } from '../errors.js';
import { checkNamespace, checkObjectName, type ParentService } from './refs.js';

export interface RouteBase {
  /** The route object's name. */
  readonly name: string;
  /**
   * The route's namespace.
   * @default - the parent Service's namespace, else none (the cdk8s chart's)
   */
  readonly namespace?: string;
  /** The Service whose clients this route applies to. */
  readonly parent: ParentService;
  /**
   * Host names the route applies to (exact, or `*.` suffix).
   * @default - every host
   */
  readonly hostnames?: readonly string[];
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Extra annotations (the retry and timeout ones come from the typed props).
   * @default - none
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

const HOSTNAME = new RegExp(WILDCARD_HOSTNAME);

/** A hostname as Gateway API routes take it (mesh and egress routes): a lowercase subdomain, optionally starting with `*.`. */
export function routeHostnameProblem(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 253 && HOSTNAME.test(value)
    ? undefined
    : 'must be a lowercase DNS name such as api.github.com, optionally starting with "*." (no port, no scheme)';
}

/** The Gateway API's limit on a route's hostnames. */
const MAX_HOSTNAMES = 16;

/** A route's hostnames, when given: at most 16, each a route hostname. */
export function checkHostnames(hostnames: readonly string[] | undefined, path: string, issues: IssueCollector): void {
  if (!hostnames) return;
  if (hostnames.length > MAX_HOSTNAMES) issues.add(path, hostnames.length, `must hold at most ${MAX_HOSTNAMES} hostnames per route`);
  hostnames.forEach((h, i) => issues.check(`${path}[${i}]`, h, routeHostnameProblem(h)));
}

/** The route's metadata (name, namespace, labels, user annotations), checked. */
export function routeMetadata(spec: RouteBase, path: string, issues: IssueCollector): { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } {
  checkObjectName(spec.name, `${path}.name`, issues);
  checkNamespace(spec.namespace, `${path}.namespace`, issues);
  const namespace = spec.namespace ?? spec.parent?.namespace;
  if (!spec.parent || typeof spec.parent !== 'object') issues.add(`${path}.parent`, spec.parent, 'must name the Service the route applies to');
  return {
    name: spec.name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(spec.labels && Object.keys(spec.labels).length ? { labels: { ...spec.labels } } : {}),
    ...(spec.annotations && Object.keys(spec.annotations).length ? { annotations: { ...spec.annotations } } : {}),
  };
}

/** The user's annotations plus the resilience ones (which win), or nothing when both are empty. */
export function withAnnotations(user: Readonly<Record<string, string>> | undefined, added: Readonly<Record<string, string>>): { annotations?: Record<string, string> } {
  const all = { ...user, ...added };
  return Object.keys(all).length ? { annotations: all } : {};
}
