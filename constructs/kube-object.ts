/**
 * Control-plane objects are built as plain JSON typed with kubernetes-models (Kubernetes 1.33 schema,
 * which has the native-sidecar fields cdk8s-plus-27's L1 classes lack) and attached to a chart as
 * `ApiObject`s. Construct ids derive from kind, namespace and name, so they are stable.
 */
import { ApiObject, type Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { KubeObject } from '../lib/manifest.js';

export function addObject<T extends KubeObject>(scope: Construct, object: T): ApiObject {
  const meta = object.metadata ?? {};
  const id = [object.kind, meta.namespace, meta.name].filter(Boolean).join('-');
  return new ApiObject(scope, id, object as unknown as ConstructorParameters<typeof ApiObject>[2]);
}

export function addObjects(scope: Construct, objects: readonly KubeObject[]): ApiObject[] {
  return objects.map((o) => addObject(scope, o));
}

/** A chart's objects as plain JSON, in the order they were added (dependency order first). */
export function chartObjects(chart: Chart): KubeObject[] {
  return chart.toJson() as KubeObject[];
}
