/**
 * Upstream's injector builds the sidecar from the same partials, then round-trips it through Go's
 * Kubernetes structs before patching the workload. Fields tagged `omitempty` that hold a zero value
 * vanish on the way (an empty env value, a probe's `initialDelaySeconds: 0`), so an injected
 * workload differs from a Helm-rendered control-plane pod in exactly those fields. This applies the
 * same elision to a container built here.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';

const PROBE_INTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

function probe(p: IProbe | undefined): IProbe | undefined {
  if (!p) return p;
  const out: Record<string, unknown> = { ...p };
  for (const k of PROBE_INTS) if (out[k] === 0) delete out[k];
  return out as IProbe;
}

/** A copy of `container` without the zero-valued `omitempty` fields Go would drop. */
export function omitEmptyLikeGo(container: IContainer): IContainer {
  const out: IContainer = structuredClone(container);
  if (out.env) {
    out.env = out.env.map((e) => {
      if (e.value !== '') return e;
      const { value: _dropped, ...rest } = e;
      return rest;
    });
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (out[key]) out[key] = probe(out[key]);
  }
  if (out.resources && !Object.keys(out.resources).length) delete out.resources;
  return out;
}
