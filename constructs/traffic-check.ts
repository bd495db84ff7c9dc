/**
 * The cross-object traffic checks (lib/traffic-check) over a construct tree: every ApiObject under
 * a scope, each named by its construct path in the messages. `checkTraffic` runs them now;
 * `enableTrafficChecks` runs them whenever the app is synthesized.
 */
import { ApiObject, Chart } from 'cdk8s';
import type { Construct, IConstruct } from 'constructs';
import type { KubeObject } from '../lib/manifest.js';
import { assertTraffic, trafficIssues, type TrafficCheckOptions } from '../lib/traffic-check/check.js';
import type { ValidationIssue } from '../lib/errors.js';

/** Options of the construct-level checks (the sources come from the construct tree). */
export type ConstructTrafficCheckOptions = Omit<TrafficCheckOptions, 'sourceOf'>;

/**
 * A construct that wraps one ApiObject (an `HttpRoute`, a `Server`) is what the user named: its path
 * stands for the object. Charts and constructs holding several objects leave each its own path.
 */
function pathOf(object: ApiObject): string {
  const parent = object.node.scope;
  if (!parent || parent instanceof Chart || !parent.node.scope) return object.node.path;
  const siblings = parent.node.children.filter((c) => c instanceof ApiObject);
  return siblings.length === 1 ? parent.node.path : object.node.path;
}

/** Every ApiObject under `scope` as JSON, with the construct path messages should name. */
export function collectObjects(scope: IConstruct): { readonly objects: KubeObject[]; readonly sourceOf: (object: KubeObject) => string | undefined } {
  const paths = new Map<KubeObject, string>();
  const objects: KubeObject[] = [];
  for (const child of scope.node.findAll()) {
    if (!(child instanceof ApiObject)) continue;
    const json = child.toJson() as KubeObject;
    objects.push(json);
    paths.set(json, pathOf(child));
  }
  return { objects, sourceOf: (object) => paths.get(object) };
}

/** The problems of the objects under `scope`, each naming the construct path and the field. */
export function trafficIssuesOf(scope: IConstruct, options: ConstructTrafficCheckOptions = {}): readonly ValidationIssue[] {
  const { objects, sourceOf } = collectObjects(scope);
  return trafficIssues(objects, { ...options, sourceOf });
}

/**
 * Checks every traffic and policy object under `scope` (a chart or the whole app) against the
 * others; throws one MeshformError listing every problem. `options.mesh` (the mesh's reference)
 * spells identities the way the policy constructs given the same mesh do.
 */
export function checkTraffic(scope: IConstruct, options: ConstructTrafficCheckOptions = {}): void {
  const { objects, sourceOf } = collectObjects(scope);
  assertTraffic(objects, { ...options, sourceOf });
}

/**
 * Runs `checkTraffic` on `scope` when the app is synthesized (`app.synth()`, `chart.toJson()`,
 * `synthPhases`). The failure is thrown as the MeshformError itself rather than returned as
 * strings, so it keeps its issues and the CLI prints it without a stack trace.
 */
export function enableTrafficChecks(scope: Construct, options: ConstructTrafficCheckOptions = {}): void {
  scope.node.addValidation({
    validate: () => {
      checkTraffic(scope, options);
      return [];
    },
  });
}
