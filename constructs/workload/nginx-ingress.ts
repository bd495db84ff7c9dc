/**
 * The ingress-nginx annotations Linkerd's ingress guide asks for. With `service-upstream`, nginx sends
 * to the Service's cluster IP instead of picking endpoints itself, so the (ingress-mode) proxy sees a
 * Service address and load-balances, retries and applies policy. The `l5d-dst-override` header names
 * the destination explicitly for proxies in ingress mode; it needs snippet annotations, which recent
 * ingress-nginx releases disable by default, hence the opt-out.
 */

export const NGINX_SERVICE_UPSTREAM = 'nginx.ingress.kubernetes.io/service-upstream';
export const NGINX_CONFIGURATION_SNIPPET = 'nginx.ingress.kubernetes.io/configuration-snippet';

export interface NginxIngressOptions {
  /** Backend Service name. @default '$service_name' (nginx's variable: the rule's backend) */
  readonly serviceName?: string;
  /** Backend namespace. @default '$namespace' (nginx's variable) */
  readonly namespace?: string;
  /** Backend port. @default '$service_port' (nginx's variable) */
  readonly port?: number | string;
  /** @default 'cluster.local' */
  readonly clusterDomain?: string;
  /** Emit the `l5d-dst-override` configuration snippet. @default true */
  readonly dstOverrideSnippet?: boolean;
}

export interface NginxIngressAnnotations {
  readonly [NGINX_SERVICE_UPSTREAM]: 'true';
  readonly [NGINX_CONFIGURATION_SNIPPET]?: string;
  readonly [key: string]: string | undefined;
}

/** `<svc>.<ns>.svc.<domain>:<port>`, the authority the proxy resolves. */
export function dstOverride(options: NginxIngressOptions = {}): string {
  const svc = options.serviceName ?? '$service_name';
  const ns = options.namespace ?? '$namespace';
  const port = options.port ?? '$service_port';
  return `${svc}.${ns}.svc.${options.clusterDomain ?? 'cluster.local'}:${port}`;
}

export function nginxIngressAnnotations(options: NginxIngressOptions = {}): NginxIngressAnnotations {
  if (options.dstOverrideSnippet === false) return { [NGINX_SERVICE_UPSTREAM]: 'true' };
  const target = dstOverride(options);
  return {
    [NGINX_SERVICE_UPSTREAM]: 'true',
    [NGINX_CONFIGURATION_SNIPPET]: `proxy_set_header l5d-dst-override ${target};\ngrpc_set_header l5d-dst-override ${target};\n`,
  };
}
