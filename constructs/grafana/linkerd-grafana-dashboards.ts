/**
 * Wires upstream's Linkerd dashboards into a Grafana the user runs with grafana-operator: one
 * `GrafanaDashboard` per grafana.com dashboard (ids and revisions from upstream's grafana/values.yaml),
 * a `GrafanaDatasource` pointing at viz Prometheus, and (as upstream's grafana README asks) the viz
 * policy objects that let Grafana's ServiceAccount through viz's `prometheus-admin` Server, which
 * otherwise admits only the metrics-api.
 */
import { Construct } from 'constructs';
import { MeshformError, type ValidationIssue } from '../../lib/errors.js';
import { DASHBOARD_DATASOURCE_INPUT, LINKERD_DASHBOARDS, vizPrometheusUrl, type LinkerdDashboard } from '../../lib/grafana/dashboards.js';
import { dns1123LabelProblem } from '../../lib/k8s/name-rules.js';
import type { KubeObject } from '../../lib/manifest.js';
import { didYouMean } from '../../lib/values/checks.js';
import { addObjects } from '../kube-object.js';
import { GRAFANA_OPERATOR_API, type GrafanaDashboardObject, type GrafanaDatasourceObject } from './grafana-operator.js';
import { EXTENSION_LABEL } from '../../lib/k8s/labels.js';

/** A Kubernetes ServiceAccount, the mesh identity Grafana's queries carry. */
export interface ServiceAccountRef {
  readonly name: string;
  readonly namespace: string;
}

export interface LinkerdGrafanaDashboardsProps {
  /** Labels of the `Grafana` instance(s) to provision (grafana-operator `instanceSelector.matchLabels`). */
  readonly instanceSelector: { readonly [key: string]: string };
  /**
   * Namespace of the GrafanaDashboard / GrafanaDatasource objects (usually Grafana's own).
   * @default 'grafana'
   */
  readonly namespace?: string;
  /**
   * Namespace viz is installed in (where its Prometheus and policy objects live).
   * @default 'linkerd-viz'
   */
  readonly vizNamespace?: string;
  /**
   * Cluster DNS domain, for the default Prometheus URL.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * URL of the Prometheus the dashboards query.
   * @default - viz Prometheus: `http://prometheus.<vizNamespace>.svc.<clusterDomain>:9090`
   */
  readonly prometheusUrl?: string;
  /**
   * Grafana folder for the dashboards.
   * @default 'Linkerd'
   */
  readonly folder?: string;
  /**
   * Name of the data source (and its object).
   * @default 'prometheus'
   */
  readonly datasourceName?: string;
  /**
   * Which dashboards, by upstream key (`top-line`, `health`, `deployment`...).
   * @default - all of them
   */
  readonly dashboards?: readonly string[];
  /**
   * Grafana's ServiceAccount, authorized to query viz Prometheus.
   * @default - `grafana` in `namespace`
   */
  readonly grafanaServiceAccount?: ServiceAccountRef;
  /**
   * Render the AuthorizationPolicy + MeshTLSAuthentication granting Grafana access to viz Prometheus.
   * Turn off when the data source is not viz's own Prometheus.
   * @default true
   */
  readonly authorizePrometheusAccess?: boolean;
  /**
   * Let Grafana instances in other namespaces (matched by the selector) use these objects.
   * @default false
   */
  readonly allowCrossNamespaceImport?: boolean;
}

function validate(props: LinkerdGrafanaDashboardsProps, resolved: { namespace: string; vizNamespace: string; sa: ServiceAccountRef }): void {
  const issues: ValidationIssue[] = [];
  const label = (path: string, v: unknown) => {
    const problem = dns1123LabelProblem(v);
    if (problem) issues.push({ path, value: v, message: problem });
  };
  if (!props.instanceSelector || Object.keys(props.instanceSelector).length === 0) {
    issues.push({ path: 'instanceSelector', value: props.instanceSelector, message: 'must have at least one label, or no Grafana instance is provisioned' });
  }
  label('namespace', resolved.namespace);
  label('vizNamespace', resolved.vizNamespace);
  label('grafanaServiceAccount.name', resolved.sa.name);
  label('grafanaServiceAccount.namespace', resolved.sa.namespace);
  if (props.datasourceName !== undefined) label('datasourceName', props.datasourceName);
  if (props.prometheusUrl !== undefined && !/^https?:\/\/\S+$/.test(props.prometheusUrl)) {
    issues.push({ path: 'prometheusUrl', value: props.prometheusUrl, message: 'must be an http(s) URL' });
  }
  const known = LINKERD_DASHBOARDS.map((d) => d.key);
  (props.dashboards ?? []).forEach((key, i) => {
    if (!known.includes(key)) {
      const hint = didYouMean(key, known);
      issues.push({ path: `dashboards[${i}]`, value: key, message: `unknown dashboard${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${known.join(', ')}` });
    }
  });
  if (issues.length) throw new MeshformError(`invalid LinkerdGrafanaDashboards props: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

export class LinkerdGrafanaDashboards extends Construct {
  /** The dashboards provisioned (from the typed table). */
  readonly dashboards: readonly LinkerdDashboard[];
  /** The URL the data source points at. */
  readonly prometheusUrl: string;

  constructor(scope: Construct, id: string, props: LinkerdGrafanaDashboardsProps) {
    super(scope, id);
    const namespace = props.namespace ?? 'grafana';
    const vizNamespace = props.vizNamespace ?? 'linkerd-viz';
    const sa = props.grafanaServiceAccount ?? { name: 'grafana', namespace };
    validate(props, { namespace, vizNamespace, sa });

    const datasourceName = props.datasourceName ?? 'prometheus';
    const instanceSelector = { matchLabels: { ...props.instanceSelector } };
    const crossNamespace = props.allowCrossNamespaceImport ? { allowCrossNamespaceImport: true } : {};
    const labels = { [EXTENSION_LABEL]: 'viz' };
    this.prometheusUrl = props.prometheusUrl ?? vizPrometheusUrl(vizNamespace, props.clusterDomain);
    this.dashboards = props.dashboards ? LINKERD_DASHBOARDS.filter((d) => props.dashboards?.includes(d.key)) : LINKERD_DASHBOARDS;

    const datasource: GrafanaDatasourceObject = {
      apiVersion: GRAFANA_OPERATOR_API,
      kind: 'GrafanaDatasource',
      metadata: { name: datasourceName, namespace, labels },
      spec: {
        instanceSelector,
        ...crossNamespace,
        datasource: {
          name: datasourceName,
          type: 'prometheus',
          access: 'proxy',
          url: this.prometheusUrl,
          isDefault: true,
          editable: true,
          // Linkerd's proxies are scraped every 10s; 5s keeps Grafana's $__interval fine-grained.
          jsonData: { timeInterval: '5s' },
        },
      },
    };
    const dashboards = this.dashboards.map(
      (d): GrafanaDashboardObject => ({
        apiVersion: GRAFANA_OPERATOR_API,
        kind: 'GrafanaDashboard',
        metadata: { name: `linkerd-${d.key}`, namespace, labels },
        spec: {
          instanceSelector,
          ...crossNamespace,
          folder: props.folder ?? 'Linkerd',
          grafanaCom: { id: d.id, revision: d.revision },
          datasources: [{ inputName: DASHBOARD_DATASOURCE_INPUT, datasourceName }],
        },
      }),
    );
    const access = props.authorizePrometheusAccess === false ? [] : prometheusAccess(vizNamespace, sa);
    addObjects(this, [datasource, ...dashboards, ...access]);
  }
}

/** Grafana's identity may call viz Prometheus's admin port (next to upstream's metrics-api-only policy). */
export function prometheusAccess(vizNamespace: string, sa: ServiceAccountRef): KubeObject[] {
  const labels = { [EXTENSION_LABEL]: 'viz', component: 'grafana' };
  return [
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: { namespace: vizNamespace, name: 'grafana', labels },
      spec: {
        targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'prometheus-admin' },
        requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'grafana' }],
      },
    },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'MeshTLSAuthentication',
      metadata: { namespace: vizNamespace, name: 'grafana', labels },
      spec: { identityRefs: [{ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace }] },
    },
  ];
}
