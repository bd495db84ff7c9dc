/**
 * ServiceProfiles for viz's own APIs, so per-route metrics exist for the calls the dashboard and CLI
 * make (metrics-api always; Prometheus only when viz runs it).
 */
import type { KubeObject } from '../../lib/manifest.js';
import { EXTENSION_LABELS, objectLabels, serviceFqdn, type VizContext } from './context.js';

const route = (method: string, path: string) => ({ name: `${method} ${path}`, condition: { method, pathRegex: path } });

function profile(ctx: VizContext, service: string, routes: ReturnType<typeof route>[]): KubeObject {
  return {
    apiVersion: 'linkerd.io/v1alpha2',
    kind: 'ServiceProfile',
    metadata: { name: serviceFqdn(ctx, service), namespace: ctx.namespace, labels: objectLabels(ctx, EXTENSION_LABELS) },
    spec: { routes },
  };
}

const METRICS_API_CALLS = ['StatSummary', 'TopRoutes', 'ListPods', 'ListServices', 'SelfCheck', 'Gateways', 'Edges'];

export function serviceProfiles(ctx: VizContext): KubeObject[] {
  const out = [profile(ctx, 'metrics-api', METRICS_API_CALLS.map((call) => route('POST', `/api/v1/${call}`)))];
  if (ctx.values.prometheus.enabled) {
    out.push(
      profile(ctx, 'prometheus', [route('POST', '/api/v1/query'), route('GET', '/api/v1/query_range'), route('GET', '/api/v1/series')]),
    );
  }
  return out;
}
