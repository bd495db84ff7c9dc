/**
 * Ordering inside one phase, beyond "namespaced objects after their Namespace": the edges the API
 * server does not enforce but a real `pulumi up` / `pulumi destroy` needs.
 * - An admission webhook configuration (`failurePolicy: Fail` in HA) or an `APIService` is created
 *   after, and deleted before, the Service it calls and the workloads behind that Service: otherwise
 *   the API server calls a webhook with no pod behind it and rejects every pod (the injector's own
 *   included) while it starts, and an interrupted destroy leaves a webhook pointing at nothing.
 * - A service-account token Secret (`kubernetes.io/service-account-token`) is created after its
 *   ServiceAccount: the token controller deletes a token Secret whose account does not exist.
 * Edges are by index into the phase's objects; pure data, tested without Pulumi.
 */
import type { KubeObject } from '../../lib/manifest.js';

/** The annotation naming a token Secret's ServiceAccount (Kubernetes' own). */
export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token';
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

type Loose = Record<string, unknown>;
interface ServiceRef {
  readonly name?: string;
  readonly namespace?: string;
}

const record = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const key = (kind: string, namespace: string | undefined, name: string | undefined): string => `${kind}/${namespace ?? ''}/${name ?? ''}`;

/** The Services an object calls: webhook `clientConfig.service`s, an APIService's `spec.service`. */
function calledServices(obj: KubeObject): ServiceRef[] {
  const o = obj as unknown as Loose;
  if (obj.kind === 'MutatingWebhookConfiguration' || obj.kind === 'ValidatingWebhookConfiguration') {
    const hooks = Array.isArray(o.webhooks) ? o.webhooks : [];
    return hooks.map((w) => record(record(record(w).clientConfig).service) as ServiceRef).filter((s) => s.name);
  }
  if (obj.kind === 'APIService' && obj.apiVersion.startsWith('apiregistration.k8s.io/')) {
    const s = record(record(o.spec).service) as ServiceRef;
    return s.name ? [s] : [];
  }
  return [];
}

function selects(selector: Loose, labels: Loose): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/**
 * For each object (by index), the indices of the objects in the same list it must wait for.
 * References to objects outside the list add no edge (the phase's own `dependsOn` orders those).
 */
export function objectDependencies(objects: readonly KubeObject[]): number[][] {
  const index = new Map<string, number>();
  objects.forEach((o, i) => index.set(key(o.kind, o.metadata?.namespace, o.metadata?.name), i));
  const find = (kind: string, namespace: string | undefined, name: string | undefined): number[] => {
    const i = index.get(key(kind, namespace, name));
    return i === undefined ? [] : [i];
  };
  /** The Service and the workloads whose pod labels its selector matches. */
  const behind = (ref: ServiceRef): number[] => {
    const [svc] = find('Service', ref.namespace, ref.name);
    if (svc === undefined) return [];
    const selector = record(record((objects[svc] as unknown as Loose).spec).selector);
    const workloads = objects.flatMap((o, i) => {
      if (!WORKLOAD_KINDS.has(o.kind) || o.metadata?.namespace !== ref.namespace) return [];
      const podLabels = record(record(record(record((o as unknown as Loose).spec).template).metadata).labels);
      return selects(selector, podLabels) ? [i] : [];
    });
    return [svc, ...workloads];
  };
  return objects.map((obj, self) => {
    const deps = new Set<number>();
    const ns = obj.metadata?.namespace;
    if (ns) find('Namespace', undefined, ns).forEach((i) => deps.add(i));
    calledServices(obj).forEach((ref) => behind(ref).forEach((i) => deps.add(i)));
    const o = obj as unknown as Loose;
    if (obj.kind === 'Secret' && o.type === TOKEN_SECRET_TYPE) {
      const account = record(obj.metadata?.annotations)[SERVICE_ACCOUNT_NAME_ANNOTATION];
      if (typeof account === 'string') find('ServiceAccount', ns, account).forEach((i) => deps.add(i));
    }
    deps.delete(self);
    return [...deps].sort((a, b) => a - b);
  });
}

/**
 * Indices in an order where every object comes after its dependencies (stable: otherwise the
 * objects' own order). Throws on a cycle, which no chart should produce.
 */
export function dependencyOrder(deps: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number): void => {
    if (state.get(i) === 'done') return;
    if (state.get(i) === 'visiting') throw new Error(`object dependency cycle through index ${i}`);
    state.set(i, 'visiting');
    deps[i].forEach(visit);
    state.set(i, 'done');
    out.push(i);
  };
  deps.forEach((_, i) => visit(i));
  return out;
}
