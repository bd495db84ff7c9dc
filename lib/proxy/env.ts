/**
 * The proxy container's environment, in upstream's order (`partials.proxy`). Every value the proxy
 * reads at start-up is derived here from the effective values: ports, timeouts, log settings,
 * policy, identity and control-plane addresses, worker threads, tracing and the free-form extra env.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { serverParamsEnv } from './server-params-env.js';
import type { JsonObject, MeshValues } from '../values/mesh/types.js';
import {
  DEFAULT_PROXY_CONTAINER_NAME,
  DEFAULT_SA_TOKEN_FILE,
  IDENTITY_END_ENTITY_PATH,
  IDENTITY_TOKEN_DIR,
  IDENTITY_TOKEN_VOLUME,
  PODINFO_PATH,
  TRUST_ROOTS_CONFIGMAP,
  TRUST_ROOTS_KEY,
  type ProxyContext,
} from './context.js';

/** Upstream effectively disables protocol-detection timeouts by making them a year long. */
const DISABLED_DETECT_TIMEOUT = '365d';

const fieldRef = (name: string, fieldPath: string): IEnvVar => ({ name, valueFrom: { fieldRef: { fieldPath } } });
const plain = (name: string, value: string | number | boolean): IEnvVar => ({ name, value: String(value) });

/** `identityTrustDomain`, defaulting to `clusterDomain`. */
export function trustDomain(values: MeshValues): string {
  return values.identityTrustDomain || values.clusterDomain;
}

/** The mesh identity (`<sa>.<ns>.serviceaccount.identity.<cp-ns>.<trust-domain>`) of a service account. */
export function meshIdentity(values: MeshValues, ctx: ProxyContext, serviceAccount: string, namespace: string): string {
  return `${serviceAccount}.${namespace}.serviceaccount.identity.${ctx.controlPlaneNamespace}.${trustDomain(values)}`;
}

/** Unset, null, '' and 0 count as "not configured", as Helm's `if` does. */
function given<T>(v: T | null | undefined | '' | 0): v is T {
  return v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;
}

function workerEnv(values: MeshValues): IEnvVar[] {
  const workers = values.proxy.runtime?.workers;
  const env: IEnvVar[] = [];
  // `proxy.cores` is the deprecated spelling of the minimum; it wins when set.
  const minimum = given(values.proxy.cores) ? values.proxy.cores : workers?.minimum;
  if (given(minimum)) env.push(plain('LINKERD2_PROXY_CORES', minimum), plain('LINKERD2_PROXY_CORES_MIN', minimum));
  if (given(workers?.maximum)) env.push(plain('LINKERD2_PROXY_CORES_MAX', workers.maximum));
  if (given(workers?.maximumCPURatio)) env.push(plain('LINKERD2_PROXY_CORES_MAX_RATIO', workers.maximumCPURatio));
  return env;
}

function listenHost(values: MeshValues): string {
  return values.disableIPv6 ? '0.0.0.0' : '[::]';
}

function serviceAddr(values: MeshValues, ctx: ProxyContext, self: string, service: string, port: number): string {
  // The controller's own pod reaches it locally: the Service may have no ready endpoint yet.
  if (ctx.component === self) return `localhost.:${port}`;
  return `${service}.${ctx.controlPlaneNamespace}.svc.${values.clusterDomain}.:${port}`;
}

function trustAnchorsEnv(values: MeshValues, ctx: ProxyContext): IEnvVar {
  const name = 'LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS';
  if (ctx.loadTrustBundleFromConfigMap) {
    return { name, valueFrom: { configMapKeyRef: { name: TRUST_ROOTS_CONFIGMAP, key: TRUST_ROOTS_KEY } } };
  }
  // Upstream: `required ... | trim | nindent 4` inside a `|` block, i.e. the trimmed PEM plus a newline.
  return { name, value: `${values.identityTrustAnchorsPEM.trim()}\n` };
}

function tracingEnv(values: MeshValues, ctx: ProxyContext): IEnvVar[] {
  const tracing = values.proxy.tracing;
  if (!tracing?.enabled) return [];
  const env: IEnvVar[] = [
    plain('LINKERD2_PROXY_TRACE_ATTRIBUTES_PATH', `${PODINFO_PATH}/labels`),
    plain('LINKERD2_PROXY_TRACE_ANNOTATIONS_PATH', `${PODINFO_PATH}/annotations`),
    plain('LINKERD2_PROXY_TRACE_PROTOCOL', tracing.protocol || 'opentelemetry'),
    plain('LINKERD2_PROXY_TRACE_SERVICE_NAME', tracing.traceServiceName),
    plain('LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR', tracing.collector.endpoint),
  ];
  const id = tracing.collector.meshIdentity;
  if (id?.serviceAccountName) {
    env.push(plain('LINKERD2_PROXY_TRACE_COLLECTOR_SVC_NAME', meshIdentity(values, ctx, id.serviceAccountName, id.namespace)));
  }
  // Go templates range over maps in key order.
  const labels = Object.keys(tracing.labels ?? {}).sort();
  if (labels.length) {
    env.push(plain('LINKERD2_PROXY_TRACE_EXTRA_ATTRIBUTES', labels.map((k) => `${k}=${tracing.labels[k]}\n`).join('')));
  }
  return env;
}

function extraEnv(list: readonly JsonObject[] | null | undefined): IEnvVar[] {
  return (list ?? []).map((e) => structuredClone(e) as unknown as IEnvVar);
}

/** The full `env` list of the proxy container. */
export function buildProxyEnv(values: MeshValues, ctx: ProxyContext): IEnvVar[] {
  const p = values.proxy;
  const ns = ctx.controlPlaneNamespace;
  const host = listenHost(values);
  const env: IEnvVar[] = [
    fieldRef('_pod_name', 'metadata.name'),
    fieldRef('_pod_ns', 'metadata.namespace'),
    fieldRef('_pod_uid', 'metadata.uid'),
    fieldRef('_pod_ip', 'status.podIP'),
    fieldRef('_pod_nodeName', 'spec.nodeName'),
    plain('_pod_containerName', values.proxyContainerName || DEFAULT_PROXY_CONTAINER_NAME),
    ...workerEnv(values),
  ];
  if (given(ctx.requireTLSOnInboundPorts)) env.push(plain('LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_TLS', ctx.requireTLSOnInboundPorts));
  if (given(p.requireIdentityOnInboundPorts)) {
    env.push(plain('LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_IDENTITY', p.requireIdentityOnInboundPorts));
  }
  const headers = p.logHTTPHeaders === 'insecure' ? '' : ',[{headers}]=off,[{request}]=off';
  env.push(
    plain('LINKERD2_PROXY_SHUTDOWN_ENDPOINT_ENABLED', p.enableShutdownEndpoint),
    plain('LINKERD2_PROXY_LOG', `${p.logLevel}${headers}`),
    plain('LINKERD2_PROXY_LOG_FORMAT', p.logFormat),
    plain('LINKERD2_PROXY_DESTINATION_SVC_ADDR', serviceAddr(values, ctx, 'linkerd-destination', 'linkerd-dst-headless', 8086)),
    plain('LINKERD2_PROXY_DESTINATION_PROFILE_NETWORKS', values.clusterNetworks),
    plain('LINKERD2_PROXY_POLICY_SVC_ADDR', serviceAddr(values, ctx, 'linkerd-destination', 'linkerd-policy', 8090)),
    plain('LINKERD2_PROXY_POLICY_WORKLOAD', '{"ns":"$(_pod_ns)", "pod":"$(_pod_name)"}\n'),
    plain('LINKERD2_PROXY_INBOUND_DEFAULT_POLICY', p.defaultInboundPolicy),
    plain('LINKERD2_PROXY_POLICY_CLUSTER_NETWORKS', values.clusterNetworks),
    plain('LINKERD2_PROXY_CONTROL_STREAM_INITIAL_TIMEOUT', p.control?.streams?.initialTimeout ?? ''),
    plain('LINKERD2_PROXY_CONTROL_STREAM_IDLE_TIMEOUT', p.control?.streams?.idleTimeout ?? ''),
    plain('LINKERD2_PROXY_CONTROL_STREAM_LIFETIME', p.control?.streams?.lifetime ?? ''),
  );
  if (given(p.inboundConnectTimeout)) env.push(plain('LINKERD2_PROXY_INBOUND_CONNECT_TIMEOUT', p.inboundConnectTimeout));
  if (given(p.outboundConnectTimeout)) env.push(plain('LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT', p.outboundConnectTimeout));
  if (given(p.outboundDiscoveryCacheUnusedTimeout)) {
    env.push(plain('LINKERD2_PROXY_OUTBOUND_DISCOVERY_IDLE_TIMEOUT', p.outboundDiscoveryCacheUnusedTimeout));
  }
  if (given(p.inboundDiscoveryCacheUnusedTimeout)) {
    env.push(plain('LINKERD2_PROXY_INBOUND_DISCOVERY_IDLE_TIMEOUT', p.inboundDiscoveryCacheUnusedTimeout));
  }
  if (p.disableOutboundProtocolDetectTimeout) env.push(plain('LINKERD2_PROXY_OUTBOUND_DETECT_TIMEOUT', DISABLED_DETECT_TIMEOUT));
  if (p.disableInboundProtocolDetectTimeout) env.push(plain('LINKERD2_PROXY_INBOUND_DETECT_TIMEOUT', DISABLED_DETECT_TIMEOUT));
  const outbound = `127.0.0.1:${p.ports.outbound}${values.disableIPv6 ? '' : `,[::1]:${p.ports.outbound}`}`;
  env.push(
    plain('LINKERD2_PROXY_CONTROL_LISTEN_ADDR', `${host}:${p.ports.control}`),
    plain('LINKERD2_PROXY_ADMIN_LISTEN_ADDR', `${host}:${p.ports.admin}`),
    // Deprecated single-address form, still rendered for older proxies.
    plain('LINKERD2_PROXY_OUTBOUND_LISTEN_ADDR', `127.0.0.1:${p.ports.outbound}`),
    plain('LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS', outbound),
    plain('LINKERD2_PROXY_INBOUND_LISTEN_ADDR', `${host}:${p.ports.inbound}`),
    fieldRef('LINKERD2_PROXY_INBOUND_IPS', 'status.podIPs'),
    plain('LINKERD2_PROXY_INBOUND_PORTS', p.podInboundPorts ?? ''),
  );
  const internalSuffix = `svc.${values.clusterDomain}.`;
  if (p.isGateway) env.push(plain('LINKERD2_PROXY_INBOUND_GATEWAY_SUFFIXES', internalSuffix));
  if (p.isIngress) env.push(plain('LINKERD2_PROXY_INGRESS_MODE', 'true'));
  env.push(
    plain('LINKERD2_PROXY_DESTINATION_PROFILE_SUFFIXES', p.enableExternalProfiles ? '.' : internalSuffix),
    plain('LINKERD2_PROXY_INBOUND_ACCEPT_KEEPALIVE', '10000ms'),
    plain('LINKERD2_PROXY_OUTBOUND_CONNECT_KEEPALIVE', '10000ms'),
    plain('LINKERD2_PROXY_INBOUND_ACCEPT_USER_TIMEOUT', '30s'),
    plain('LINKERD2_PROXY_OUTBOUND_CONNECT_USER_TIMEOUT', '30s'),
    plain('LINKERD2_PROXY_OUTBOUND_METRICS_HOSTNAME_LABELS', p.metrics?.hostnameLabels ?? false),
    ...serverParamsEnv('inbound', p.inbound),
    ...serverParamsEnv('outbound', p.outbound),
  );
  if (given(p.opaquePorts)) env.push(plain('LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION', p.opaquePorts));
  const identityName = (sa: string) => meshIdentity(values, ctx, sa, ns);
  const tokenFile = values.identity.serviceAccountTokenProjection ? `${IDENTITY_TOKEN_DIR}/${IDENTITY_TOKEN_VOLUME}` : DEFAULT_SA_TOKEN_FILE;
  env.push(
    plain('LINKERD2_PROXY_DESTINATION_CONTEXT', '{"ns":"$(_pod_ns)", "nodeName":"$(_pod_nodeName)", "pod":"$(_pod_name)"}\n'),
    fieldRef('_pod_sa', 'spec.serviceAccountName'),
    plain('_l5d_ns', ns),
    plain('_l5d_trustdomain', trustDomain(values)),
    plain('LINKERD2_PROXY_IDENTITY_DIR', IDENTITY_END_ENTITY_PATH),
    trustAnchorsEnv(values, ctx),
    plain('LINKERD2_PROXY_IDENTITY_TOKEN_FILE', tokenFile),
    plain('LINKERD2_PROXY_IDENTITY_SVC_ADDR', serviceAddr(values, ctx, 'linkerd-identity', 'linkerd-identity-headless', 8080)),
    plain('LINKERD2_PROXY_IDENTITY_LOCAL_NAME', `$(_pod_sa).$(_pod_ns).serviceaccount.identity.${ns}.${trustDomain(values)}`),
    plain('LINKERD2_PROXY_IDENTITY_SVC_NAME', identityName('linkerd-identity')),
    plain('LINKERD2_PROXY_DESTINATION_SVC_NAME', identityName('linkerd-destination')),
    plain('LINKERD2_PROXY_POLICY_SVC_NAME', identityName('linkerd-destination')),
  );
  if (given(p.accessLog)) env.push(plain('LINKERD2_PROXY_ACCESS_LOG', p.accessLog));
  if (given(p.shutdownGracePeriod)) env.push(plain('LINKERD2_PROXY_SHUTDOWN_GRACE_PERIOD', p.shutdownGracePeriod));
  env.push(...tracingEnv(values, ctx), ...extraEnv(p.additionalEnv), ...extraEnv(p.experimentalEnv));
  return env;
}
