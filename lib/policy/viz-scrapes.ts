/**
 * Lets viz's Prometheus scrape every proxy's admin port in a namespace whose default policy denies:
 * a Server on the proxy's `linkerd-admin` port selecting every pod, and an authorization for the
 * Prometheus ServiceAccount's identity (`prometheus.linkerd-viz.serviceaccount.identity.linkerd.<td>`),
 * with the names upstream's `linkerd viz allow-scrapes` uses. No route is attached to the Server, so
 * the policy controller keeps authorizing the kubelet's probes of the proxy (`/live`, `/ready`).
 */
import type { IssueCollector } from '../errors.js';
import { PROXY_ADMIN_PORT_NAME } from '../k8s/names.js';
import type { KubeObject } from '../manifest.js';
import { buildAllow } from './allow.js';
import type { IdentityDomain } from './identity.js';
import { ALL_PODS } from './label-selector.js';
import { buildServer, type AccessPolicy } from './server.js';

export const PROXY_ADMIN_SERVER = 'proxy-admin';
// Public with the policy model (`meshform/model`); the proxy container declares the port under this name.
export { PROXY_ADMIN_PORT_NAME };
export const PROMETHEUS_SCRAPE_NAME = 'prometheus-scrape';

export interface VizScrapeSpec {
  /** The namespace whose proxies are scraped. */
  readonly namespace: string;
  readonly identityDomain: IdentityDomain;
  /** viz's namespace. @default 'linkerd-viz' */
  readonly vizNamespace?: string;
  /** The scraping Prometheus's ServiceAccount. @default 'prometheus' */
  readonly prometheusServiceAccount?: string;
  /** The admin Server's access policy (`audit` in a dry run). @default 'deny' */
  readonly accessPolicy?: AccessPolicy;
  /** Labels on every object written. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Collects the problems of `spec` under `at`; returns the Server, the authentication and the policy. */
export function buildVizScrapes(spec: VizScrapeSpec, at: string, issues: IssueCollector): KubeObject[] {
  const server = buildServer(
    {
      name: PROXY_ADMIN_SERVER,
      namespace: spec.namespace,
      labels: spec.labels,
      podSelector: ALL_PODS,
      port: PROXY_ADMIN_PORT_NAME,
      proxyProtocol: 'HTTP/1',
      accessPolicy: spec.accessPolicy ?? 'deny',
    },
    at,
    issues,
  );
  const allow = buildAllow(
    {
      name: PROMETHEUS_SCRAPE_NAME,
      namespace: spec.namespace,
      labels: spec.labels,
      identityDomain: spec.identityDomain,
      to: { kind: 'Server', name: PROXY_ADMIN_SERVER },
      from: [{ serviceAccount: spec.prometheusServiceAccount ?? 'prometheus', namespace: spec.vizNamespace ?? 'linkerd-viz' }],
    },
    at,
    issues,
  );
  return [server, ...allow];
}
