/** The typed surface of a Flagger canary on Linkerd, and its validation (every problem collected). */
import { IssueCollector, joinPath } from '../../lib/errors.js';
import { dns1123LabelProblem } from '../../lib/k8s/name-rules.js';
import { portNumberProblem } from '../../lib/k8s/ports.js';

/** Flagger's analysis durations: Go durations starting with seconds or minutes (CRD pattern `^[0-9]+(m|s)`), e.g. `30s`, `1m`, `1m30s`. */
export type FlaggerDuration = `${number}${'s' | 'm'}` | `${number}m${number}s`;

/** The analysis loop: how often Flagger checks, how far and how fast it shifts traffic. */
export interface CanaryAnalysisProps {
  /**
   * Time between two analysis steps (and the default metric window).
   * @default '1m'
   */
  readonly interval?: FlaggerDuration;
  /**
   * Failed checks after which Flagger rolls back.
   * @default 5
   */
  readonly threshold?: number;
  /**
   * Highest share of traffic (percent) the canary gets before promotion.
   * @default 50
   */
  readonly maxWeight?: number;
  /**
   * Percent added to the canary's share at each successful step.
   * @default 10
   */
  readonly stepWeight?: number;
}

/** Success-rate check: the share of non-failure responses the canary must keep. */
export interface SuccessRateProps {
  /** Lowest acceptable success rate, in percent (0–100), e.g. 99. */
  readonly minPercent: number;
  /**
   * Prometheus window of the query.
   * @default - the analysis interval
   */
  readonly interval?: FlaggerDuration;
}

/** Latency check: a percentile of response latency the canary must stay under. */
export interface LatencyProps {
  /** Highest acceptable latency at the percentile, in milliseconds, e.g. 500. */
  readonly maxMs: number;
  /**
   * Percentile, as a fraction above 0 and below 1.
   * @default 0.99
   */
  readonly percentile?: number;
  /**
   * Prometheus window of the query.
   * @default - the analysis interval
   */
  readonly interval?: FlaggerDuration;
}

export interface FlaggerCanaryProps {
  /** The Deployment Flagger clones into `<name>-primary` and analyses. */
  readonly deployment: string;
  /**
   * Namespace of the Deployment, the Canary and its MetricTemplates.
   * @default - no namespace in metadata (kubectl's current namespace)
   */
  readonly namespace?: string;
  /** Port of the apex Service (the one clients call). */
  readonly port: number;
  /**
   * Container port (number or name) behind the Service port.
   * @default - the same as `port`
   */
  readonly targetPort?: number | string;
  /**
   * Name of the apex Service Flagger creates and routes (it also creates `<name>-primary` and `<name>-canary`).
   * @default - the Deployment's name
   */
  readonly serviceName?: string;
  /**
   * The analysis loop.
   * @default - interval 1m, threshold 5, maxWeight 50, stepWeight 10
   */
  readonly analysis?: CanaryAnalysisProps;
  /** Success-rate check on Linkerd's `response_total`. */
  readonly successRate: SuccessRateProps;
  /** Latency check on Linkerd's `response_latency_ms`. */
  readonly latency: LatencyProps;
  /**
   * Prometheus that holds Linkerd's proxy metrics.
   * @default 'http://prometheus.linkerd-viz:9090' (linkerd-viz's)
   */
  readonly prometheusAddress?: string;
  /**
   * Seconds a rollout may make no progress before Flagger rolls back.
   * @default - Flagger's default (600)
   */
  readonly progressDeadlineSeconds?: number;
}

/** Validated props with defaults applied. */
export interface ResolvedCanary {
  readonly deployment: string;
  readonly namespace?: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly serviceName: string;
  readonly interval: string;
  readonly threshold: number;
  readonly maxWeight: number;
  readonly stepWeight: number;
  readonly successRate: { readonly minPercent: number; readonly interval: string };
  readonly latency: { readonly maxMs: number; readonly percentile: number; readonly interval: string };
  readonly prometheusAddress: string;
  readonly progressDeadlineSeconds?: number;
}

export const VIZ_PROMETHEUS = 'http://prometheus.linkerd-viz:9090';

/** Go duration units Flagger parses, led by seconds or minutes as the CRD's pattern requires. */
const DURATION = /^(?=[0-9]+(m|s))([0-9]+(ms|s|m|h))+$/;

export function flaggerDurationProblem(value: unknown): string | undefined {
  return typeof value === 'string' && DURATION.test(value) ? undefined : "must be a Flagger duration: digits and a unit, led by s or m, e.g. 30s, 1m or 1m30s";
}

/** Checks `props` (fields named under `path`, the construct path); throws one MeshformError with every problem. */
export function resolveCanaryProps(props: FlaggerCanaryProps, path: string): ResolvedCanary {
  const issues = new IssueCollector();
  const at = (...keys: string[]) => keys.reduce(joinPath, path);
  const integerIn = (field: string[], value: unknown, min: number, max: number, what: string) =>
    issues.check(at(...field), value, typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? undefined : `must be ${what}`);
  const name = (field: string, value: unknown) => issues.check(at(field), value, dns1123LabelProblem(value));

  name('deployment', props.deployment);
  if (props.namespace !== undefined) name('namespace', props.namespace);
  if (props.serviceName !== undefined) name('serviceName', props.serviceName);
  issues.check(at('port'), props.port, portNumberProblem(props.port));
  if (typeof props.targetPort === 'number') issues.check(at('targetPort'), props.targetPort, portNumberProblem(props.targetPort));
  else if (props.targetPort !== undefined) name('targetPort', props.targetPort);

  const analysis = props.analysis ?? {};
  const interval = analysis.interval ?? '1m';
  issues.check(at('analysis', 'interval'), interval, flaggerDurationProblem(interval));
  const threshold = analysis.threshold ?? 5;
  integerIn(['analysis', 'threshold'], threshold, 1, 1000, 'a whole number of failed checks from 1 to 1000');
  const maxWeight = analysis.maxWeight ?? 50;
  integerIn(['analysis', 'maxWeight'], maxWeight, 1, 100, 'a percentage from 1 to 100');
  const stepWeight = analysis.stepWeight ?? 10;
  integerIn(['analysis', 'stepWeight'], stepWeight, 1, 100, 'a percentage from 1 to 100');
  if (typeof stepWeight === 'number' && typeof maxWeight === 'number' && stepWeight > maxWeight) {
    issues.add(at('analysis', 'stepWeight'), stepWeight, `must not exceed analysis.maxWeight (${maxWeight})`);
  }

  const sr = props.successRate ?? ({} as SuccessRateProps);
  issues.check(at('successRate', 'minPercent'), sr.minPercent, typeof sr.minPercent === 'number' && sr.minPercent >= 0 && sr.minPercent <= 100 ? undefined : 'must be a percentage from 0 to 100');
  const lat = props.latency ?? ({} as LatencyProps);
  issues.check(at('latency', 'maxMs'), lat.maxMs, typeof lat.maxMs === 'number' && Number.isFinite(lat.maxMs) && lat.maxMs > 0 ? undefined : 'must be a number of milliseconds above 0');
  const percentile = lat.percentile ?? 0.99;
  issues.check(at('latency', 'percentile'), percentile, typeof percentile === 'number' && percentile > 0 && percentile < 1 ? undefined : 'must be a fraction above 0 and below 1, e.g. 0.99');
  for (const [key, value] of [['successRate', sr.interval], ['latency', lat.interval]] as const) {
    if (value !== undefined) issues.check(at(key, 'interval'), value, flaggerDurationProblem(value));
  }
  const prometheusAddress = props.prometheusAddress ?? VIZ_PROMETHEUS;
  issues.check(at('prometheusAddress'), prometheusAddress, /^https?:\/\/[^\s/]+/.test(prometheusAddress) ? undefined : 'must be an http(s) URL, e.g. http://prometheus.linkerd-viz:9090');
  if (props.progressDeadlineSeconds !== undefined) integerIn(['progressDeadlineSeconds'], props.progressDeadlineSeconds, 1, 86400, 'a whole number of seconds from 1 to 86400');
  issues.throwIfAny(`invalid Flagger canary ${path}`);

  return {
    deployment: props.deployment,
    namespace: props.namespace,
    port: props.port,
    targetPort: props.targetPort ?? props.port,
    serviceName: props.serviceName ?? props.deployment,
    interval,
    threshold,
    maxWeight,
    stepWeight,
    successRate: { minPercent: sr.minPercent, interval: sr.interval ?? interval },
    latency: { maxMs: lat.maxMs, percentile, interval: lat.interval ?? interval },
    prometheusAddress,
    progressDeadlineSeconds: props.progressDeadlineSeconds,
  };
}
