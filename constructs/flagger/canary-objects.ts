/**
 * The objects of a Flagger canary on Linkerd: a `flagger.app/v1beta1` Canary with the Gateway API
 * provider (Flagger writes an HTTPRoute on the apex Service — a GAMMA parent, `group: core, kind:
 * Service` — and moves its weights), and two MetricTemplates querying Linkerd's proxy metrics in
 * Prometheus. The templates are needed because Flagger's builtin `request-success-rate` and
 * `request-duration` follow the provider: for `gatewayapi:v1` they query Envoy's metrics, which a
 * Linkerd mesh does not have (docs/flagger.md).
 */
import type { KubeObject } from '../../lib/manifest.js';
import type { ResolvedCanary } from './canary-props.js';

export const FLAGGER_API_VERSION = 'flagger.app/v1beta1';
/** Flagger's provider for Linkerd since Linkerd dropped SMI: Gateway API HTTPRoutes (v1). */
export const LINKERD_PROVIDER = 'gatewayapi:v1';

/** Inbound responses of the analysed workload's pods; Flagger fills the `{{ }}` variables. */
const SUCCESS_RATE_QUERY = `sum(
  rate(
    response_total{
      namespace="{{ namespace }}",
      deployment=~"{{ target }}",
      classification!="failure",
      direction="inbound"
    }[{{ interval }}]
  )
)
/
sum(
  rate(
    response_total{
      namespace="{{ namespace }}",
      deployment=~"{{ target }}",
      direction="inbound"
    }[{{ interval }}]
  )
)
* 100
`;

const latencyQuery = (percentile: number) => `histogram_quantile(
  ${percentile},
  sum(
    rate(
      response_latency_ms_bucket{
        namespace="{{ namespace }}",
        deployment=~"{{ target }}",
        direction="inbound"
      }[{{ interval }}]
    )
  ) by (le)
)
`;

const metadata = (name: string, namespace: string | undefined) => (namespace ? { name, namespace } : { name });

function metricTemplate(name: string, c: ResolvedCanary, query: string): KubeObject {
  return {
    apiVersion: FLAGGER_API_VERSION,
    kind: 'MetricTemplate',
    metadata: metadata(name, c.namespace),
    spec: { provider: { type: 'prometheus', address: c.prometheusAddress }, query },
  };
}

/** The names of a canary's two MetricTemplates. */
export function metricTemplateNames(canaryName: string): { readonly successRate: string; readonly latency: string } {
  return { successRate: `${canaryName}-success-rate`, latency: `${canaryName}-latency` };
}

/** The Canary and its MetricTemplates, in apply order (templates first). */
export function canaryObjects(canaryName: string, c: ResolvedCanary): KubeObject[] {
  const names = metricTemplateNames(canaryName);
  const templateRef = (name: string) => (c.namespace ? { name, namespace: c.namespace } : { name });
  const gatewayRef = { ...(c.namespace ? { namespace: c.namespace } : {}), name: c.serviceName, group: 'core', kind: 'Service', port: c.port };
  const canary: KubeObject = {
    apiVersion: FLAGGER_API_VERSION,
    kind: 'Canary',
    metadata: metadata(canaryName, c.namespace),
    spec: {
      provider: LINKERD_PROVIDER,
      targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: c.deployment },
      ...(c.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: c.progressDeadlineSeconds } : {}),
      service: {
        ...(c.serviceName !== c.deployment ? { name: c.serviceName } : {}),
        port: c.port,
        targetPort: c.targetPort,
        gatewayRefs: [gatewayRef],
      },
      analysis: {
        interval: c.interval,
        threshold: c.threshold,
        maxWeight: c.maxWeight,
        stepWeight: c.stepWeight,
        metrics: [
          { name: 'success-rate', templateRef: templateRef(names.successRate), thresholdRange: { min: c.successRate.minPercent }, interval: c.successRate.interval },
          { name: 'latency', templateRef: templateRef(names.latency), thresholdRange: { max: c.latency.maxMs }, interval: c.latency.interval },
        ],
      },
    },
  };
  return [metricTemplate(names.successRate, c, SUCCESS_RATE_QUERY), metricTemplate(names.latency, c, latencyQuery(c.latency.percentile)), canary];
}
