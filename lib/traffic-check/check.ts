/**
 * Cross-object checks over a rendered manifest set (issue #12 point 2): what no single object's
 * schema can see — references between objects, ports, selectors, identities, and pairs of objects
 * Linkerd resolves by silently ignoring one. Every finding is collected; the caller throws once.
 */
import { IssueCollector, type ValidationIssue } from '../errors.js';
import type { KubeObject } from '../manifest.js';
import { checkAnnotations } from './annotations.js';
import { checkCanaries } from './canary.js';
import type { CheckContext } from './context.js';
import { identityDomainOf, type MeshIdentityContext } from './identity.js';
import { ObjectIndex, type ExternalObject } from './objects.js';
import { checkPolicy } from './policy.js';
import { checkRoutes } from './routes.js';
import { checkServiceProfiles } from './service-profile.js';
import { podTemplates } from './workloads.js';

/** The mesh (`mesh`, or its trust domain and control-plane namespace), and what else the checks take as given. */
export interface TrafficCheckOptions extends MeshIdentityContext {
  /**
   * Objects that exist outside the checked set (another app's Service, the viz Prometheus
   * ServiceAccount), so references to them resolve.
   * @default - none
   */
  readonly externals?: readonly ExternalObject[];
  /**
   * Namespaces whose every object is taken to exist (another team's, `linkerd-viz`); their Servers'
   * selectors are not checked either.
   * @default - none
   */
  readonly externalNamespaces?: readonly string[];
  /**
   * What an issue calls an object, e.g. its construct path; undefined falls back to
   * `<Kind>/<namespace>/<name>`.
   * @default - `<Kind>/<namespace>/<name>`
   */
  readonly sourceOf?: (object: KubeObject, position: number) => string | undefined;
}

/** Every cross-object problem of `objects`, each naming the object (source), the field, the value and what is allowed. */
export function trafficIssues(objects: readonly KubeObject[], options: TrafficCheckOptions = {}): readonly ValidationIssue[] {
  const index = new ObjectIndex(objects, options);
  const issues = new IssueCollector();
  const ctx: CheckContext = { index, templates: podTemplates(index), mesh: identityDomainOf(options, '', issues), issues };
  checkRoutes(ctx);
  checkPolicy(ctx);
  checkAnnotations(ctx);
  checkServiceProfiles(ctx);
  checkCanaries(ctx);
  return ctx.issues.issues;
}

/** Throws one MeshformError listing every problem; returns quietly when there is none. */
export function assertTraffic(objects: readonly KubeObject[], options: TrafficCheckOptions = {}): void {
  const issues = new IssueCollector();
  issues.addAll(trafficIssues(objects, options));
  issues.throwIfAny('traffic and policy objects do not fit together');
}
