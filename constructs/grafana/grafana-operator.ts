/**
 * grafana-operator (`grafana.integreatly.org/v1beta1`) custom resources, typed here because
 * kubernetes-models covers core kinds only. Just the fields meshform sets.
 */
import type { KubeObject } from '../../lib/manifest.js';

export const GRAFANA_OPERATOR_API = 'grafana.integreatly.org/v1beta1';

/** Which Grafana instances (Grafana CRs) an object applies to. */
export interface InstanceSelector {
  readonly matchLabels: { readonly [key: string]: string };
}

export interface GrafanaDashboardObject extends KubeObject {
  readonly apiVersion: typeof GRAFANA_OPERATOR_API;
  readonly kind: 'GrafanaDashboard';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: { readonly [key: string]: string } };
  readonly spec: {
    readonly instanceSelector: InstanceSelector;
    readonly folder?: string;
    /** Imported from grafana.com by the operator. */
    readonly grafanaCom: { readonly id: number; readonly revision: number };
    /** Binds the dashboard's import inputs to a data source by name. */
    readonly datasources: readonly { readonly inputName: string; readonly datasourceName: string }[];
    /** Lets instances in other namespaces (matched by the selector) import it. */
    readonly allowCrossNamespaceImport?: boolean;
  };
}

export interface GrafanaDatasourceObject extends KubeObject {
  readonly apiVersion: typeof GRAFANA_OPERATOR_API;
  readonly kind: 'GrafanaDatasource';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: { readonly [key: string]: string } };
  readonly spec: {
    readonly instanceSelector: InstanceSelector;
    readonly allowCrossNamespaceImport?: boolean;
    readonly datasource: {
      readonly name: string;
      readonly type: 'prometheus';
      readonly access: 'proxy';
      readonly url: string;
      readonly isDefault: boolean;
      readonly editable: boolean;
      readonly jsonData: { readonly timeInterval: string };
    };
  };
}
