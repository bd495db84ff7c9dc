/**
 * Upstream's injector builds the sidecar from the same partials, then round-trips the pod spec through
 * Go's Kubernetes structs before writing the workload back. On the way, fields tagged `omitempty`
 * that hold a zero value vanish (an empty env value, a probe's `initialDelaySeconds: 0`, a user's
 * `hostNetwork: false`), nulls vanish, and quantities come back in Kubernetes' canonical form
 * (`0.5` → `500m`). So an injected workload differs from a Helm-rendered control-plane pod in exactly
 * those fields. This applies the same re-encoding to a container or a whole pod spec built here.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { canonicalQuantity } from '../pod/quantity.js';

type Fields = Record<string, unknown>;

/** Scalar fields each Go struct tags `omitempty` (non-pointer, so their zero value is dropped). */
const OMIT_ZERO = {
  podSpec: ['hostNetwork', 'hostPID', 'hostIPC', 'restartPolicy', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'nodeName', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName'],
  container: ['image', 'workingDir', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'stdin', 'stdinOnce', 'tty'],
  port: ['name', 'hostPort', 'protocol', 'hostIP'],
  env: ['value'],
  volumeMount: ['readOnly', 'subPath', 'subPathExpr'],
  probe: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'],
} as const;

const isZero = (v: unknown): boolean => v === null || v === false || v === '' || v === 0;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `o` without nulls, and without the zero values of `omitZero`. */
function omit(o: Fields, omitZero: readonly string[]): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || (omitZero.includes(k) && isZero(v))) continue;
    out[k] = v;
  }
  return out;
}

const eachFields = (list: unknown, f: (o: Fields) => Fields): unknown =>
  Array.isArray(list) ? list.map((item) => (isFields(item) ? f(item) : item)) : list;

/** A quantity map (`limits`, `requests`, `overhead`) in canonical form; empty maps are dropped. */
function quantities(map: unknown): Fields | undefined {
  if (!isFields(map)) return undefined;
  const out: Fields = {};
  for (const [k, v] of Object.entries(map)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' || typeof v === 'number' ? canonicalQuantity(v) : v;
  }
  return Object.keys(out).length ? out : undefined;
}

function resources(r: Fields): Fields | undefined {
  const out = omit(r, []);
  for (const side of ['limits', 'requests'] as const) {
    const q = quantities(out[side]);
    if (q) out[side] = q;
    else delete out[side];
  }
  return Object.keys(out).length ? out : undefined;
}

function container(c: Fields): Fields {
  const out = omit(c, OMIT_ZERO.container);
  out.ports = eachFields(out.ports, (p) => omit(p, OMIT_ZERO.port));
  out.env = eachFields(out.env, (e) => omit(e, OMIT_ZERO.env));
  out.volumeMounts = eachFields(out.volumeMounts, (m) => omit(m, OMIT_ZERO.volumeMount));
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (isFields(out[key])) out[key] = omit(out[key], OMIT_ZERO.probe);
  }
  const r = isFields(out.resources) ? resources(out.resources) : undefined;
  if (r) out.resources = r;
  else delete out.resources;
  for (const key of ['ports', 'env', 'volumeMounts']) if (out[key] === undefined) delete out[key];
  return out;
}

/** A copy of `c` re-encoded as Go's `corev1.Container` would print it. */
export function omitEmptyLikeGo(c: IContainer): IContainer {
  return container(structuredClone(c) as unknown as Fields) as unknown as IContainer;
}

/** A copy of `spec` re-encoded as Go's `corev1.PodSpec` would print it: every container, volume and quantity. */
export function reencodePodSpecLikeGo(spec: IPodSpec): IPodSpec {
  const out = omit(structuredClone(spec) as unknown as Fields, OMIT_ZERO.podSpec);
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    if (out[key] !== undefined) out[key] = eachFields(out[key], container);
  }
  if (out.overhead !== undefined) {
    const overhead = quantities(out.overhead);
    if (overhead) out.overhead = overhead;
    else delete out.overhead;
  }
  out.volumes = eachFields(out.volumes, (v) => {
    const emptyDir = v.emptyDir;
    if (!isFields(emptyDir) || typeof emptyDir.sizeLimit !== 'string') return v;
    return { ...v, emptyDir: { ...emptyDir, sizeLimit: canonicalQuantity(emptyDir.sizeLimit) } };
  });
  if (out.volumes === undefined) delete out.volumes;
  return out as unknown as IPodSpec;
}
