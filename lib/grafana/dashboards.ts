/**
 * Linkerd's Grafana dashboards as published on grafana.com (org "linkerd"), with the revisions
 * upstream's `grafana/values.yaml` pins at edge-26.8.3. Each one takes its Prometheus data source
 * through the `DS_PROMETHEUS` import input.
 */

export interface LinkerdDashboard {
  /** Upstream's key in `grafana/values.yaml` (also the dashboard's file name). */
  readonly key: string;
  /** grafana.com dashboard id (`https://grafana.com/grafana/dashboards/<id>`). */
  readonly id: number;
  readonly revision: number;
}

export const LINKERD_DASHBOARDS: readonly LinkerdDashboard[] = Object.freeze([
  { key: 'top-line', id: 15474, revision: 4 },
  { key: 'health', id: 15486, revision: 3 },
  { key: 'kubernetes', id: 15479, revision: 2 },
  { key: 'namespace', id: 15478, revision: 3 },
  { key: 'deployment', id: 15475, revision: 6 },
  { key: 'pod', id: 15477, revision: 3 },
  { key: 'service', id: 15480, revision: 3 },
  { key: 'route', id: 15481, revision: 3 },
  { key: 'authority', id: 15482, revision: 3 },
  { key: 'cronjob', id: 15483, revision: 3 },
  { key: 'job', id: 15487, revision: 3 },
  { key: 'daemonset', id: 15484, revision: 3 },
  { key: 'replicaset', id: 15491, revision: 3 },
  { key: 'statefulset', id: 15493, revision: 3 },
  { key: 'replicationcontroller', id: 15492, revision: 4 },
  { key: 'prometheus', id: 15489, revision: 2 },
  { key: 'prometheus-benchmark', id: 15490, revision: 2 },
  { key: 'multicluster', id: 15488, revision: 3 },
]);

/** The import input the published dashboards use for their Prometheus data source. */
export const DASHBOARD_DATASOURCE_INPUT = 'DS_PROMETHEUS';

/** viz Prometheus's in-cluster URL, the default data source for the dashboards. */
export function vizPrometheusUrl(vizNamespace = 'linkerd-viz', clusterDomain = 'cluster.local'): string {
  return `http://prometheus.${vizNamespace}.svc.${clusterDomain}:9090`;
}
