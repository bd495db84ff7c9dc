/**
 * What `link-gen` learns from the target cluster, as pure functions of the objects it reads:
 * - the multicluster gateway Service: its identity, probe path and period (annotations), the ports named
 *   `mc-gateway` and `mc-probe` (the node ports for a NodePort Service), and its address (load-balancer
 *   ingress; for a NodePort Service its external IPs, else the nodes' addresses);
 * - `linkerd-config`: the trust domain and cluster domain from its `values` dump.
 * Every problem is collected (one `MeshformError`), naming the object and field read.
 */
import { IssueCollector, MeshformError } from '../../lib/errors.js';
import { GATEWAY_ANNOTATIONS, GATEWAY_PORT_NAME, GATEWAY_PROBE_PORT_NAME } from '../../lib/k8s/labels.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';

/** The fields of the target's gateway Service that a link needs (a `k8s.core.v1.Service`'s state fits). */
export interface GatewayServiceState {
  /** @default - none */
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly annotations?: Readonly<Record<string, string>> };
  /** @default - none */
  readonly spec?: {
    readonly type?: string;
    readonly ports?: readonly { readonly name?: string; readonly port?: number; readonly nodePort?: number }[];
    readonly externalIPs?: readonly string[];
  };
  /** @default - none */
  readonly status?: { readonly loadBalancer?: { readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[] } };
}

/** The fields of a Node that give a NodePort gateway its address. */
export interface NodeState {
  /** @default - none */
  readonly metadata?: { readonly name?: string };
  /** @default - none */
  readonly status?: { readonly addresses?: readonly { readonly type?: string; readonly address?: string }[] };
}

/** Settings given instead of what the Service says (`link-gen --gateway-addresses`, `--gateway-port`). */
export interface GatewayOverrides {
  /** Comma-separated addresses. @default - from the Service */
  readonly addresses?: string;
  /** @default - the Service's `mc-gateway` port */
  readonly port?: number;
  /** Node address type used for a NodePort gateway. @default 'InternalIP' */
  readonly nodeAddressType?: string;
}

export interface GatewayFacts {
  readonly address: string;
  readonly port: number;
  readonly identity: string;
  readonly probe: { readonly path: string; readonly port: number; readonly period: string };
}

export interface MeshFacts {
  readonly trustDomain: string;
  readonly clusterDomain: string;
}

const UNITS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `3` (seconds, as the chart writes it) or a Go duration (`1m30s`, `500ms`) → milliseconds. */
function periodMillis(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^(\d+(h|ms|m|s))+$/.test(text)) return undefined;
  return [...text.matchAll(/(\d+)(h|ms|m|s)/g)].reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit], 0);
}

/** Go's `time.Duration.String()` for whole milliseconds (`3s`, `1m0s`, `1h0m0s`, `500ms`), as upstream writes `period`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) return `${h}h${m}m${sec}`;
  return m ? `${m}m${sec}` : sec;
}

function portOf(svc: GatewayServiceState, name: string, where: string, issues: IssueCollector): number {
  const nodePort = svc.spec?.type === 'NodePort';
  const port = svc.spec?.ports?.find((p) => p.name === name);
  const value = nodePort ? port?.nodePort : port?.port;
  if (value === undefined) issues.add(`${where}.spec.ports`, undefined, `has no ${nodePort ? 'node port' : 'port'} named ${name}`);
  return value ?? 0;
}

function addressesOf(svc: GatewayServiceState, nodes: readonly NodeState[], o: GatewayOverrides): string[] {
  if (o.addresses !== undefined) return o.addresses.split(',').map((a) => a.trim()).filter(Boolean);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
  if (ingress.length || svc.spec?.type !== 'NodePort') return ingress;
  if (svc.spec.externalIPs?.length) return [...svc.spec.externalIPs];
  const type = o.nodeAddressType ?? 'InternalIP';
  return nodes.flatMap((n) => (n.status?.addresses ?? []).filter((a) => a.type === type && a.address).map((a) => a.address as string));
}

/** The gateway facts `link-gen` writes into the Link, or a `MeshformError` listing what is missing. */
export function gatewayFacts(svc: GatewayServiceState, nodes: readonly NodeState[], o: GatewayOverrides = {}): GatewayFacts {
  const where = `Service ${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}`;
  const issues = new IssueCollector();
  const annotations = svc.metadata?.annotations ?? {};
  const at = (key: string): string => `${where}.metadata.annotations["${key}"]`;
  if (annotations[GATEWAY_ANNOTATIONS.multiclusterGateway] !== 'true') {
    issues.add(at(GATEWAY_ANNOTATIONS.multiclusterGateway), annotations[GATEWAY_ANNOTATIONS.multiclusterGateway], 'must be "true": this Service is not a multicluster gateway');
  }
  const identity = annotations[GATEWAY_ANNOTATIONS.identity] ?? '';
  if (!identity) issues.add(at(GATEWAY_ANNOTATIONS.identity), identity || undefined, 'is required (the gateway proxy identity the source proxies verify)');
  const path = annotations[GATEWAY_ANNOTATIONS.probePath] ?? '';
  if (!path) issues.add(at(GATEWAY_ANNOTATIONS.probePath), path || undefined, 'is required (the probe path the link checks)');
  const rawPeriod = annotations[GATEWAY_ANNOTATIONS.probePeriod] ?? '';
  const period = periodMillis(rawPeriod);
  if (period === undefined) issues.add(at(GATEWAY_ANNOTATIONS.probePeriod), rawPeriod, 'must be whole seconds (e.g. "3") or a duration (e.g. "1m30s")');
  const probePort = portOf(svc, GATEWAY_PROBE_PORT_NAME, where, issues);
  const port = o.port ?? portOf(svc, GATEWAY_PORT_NAME, where, issues);
  const addresses = addressesOf(svc, nodes, o);
  if (!addresses.length) {
    const hint = svc.spec?.type === 'NodePort' ? 'set gatewayAddresses, or gatewayNodes to use their addresses' : 'wait for the load balancer, or set gatewayAddresses';
    issues.add(`${where}.status.loadBalancer.ingress`, [], `the gateway has no address (${hint})`);
  }
  issues.throwIfAny(`cannot link to the gateway ${where}`);
  return { address: addresses.join(','), port, identity, probe: { path, port: probePort, period: goDuration(period ?? 0) } };
}

/** Trust and cluster domain from `linkerd-config`'s `values` (an empty trust domain is the cluster domain, as in the chart). */
export function meshFacts(data: Readonly<Record<string, string>> | undefined, where: string): MeshFacts {
  const text = data?.values;
  if (text === undefined) throw new MeshformError(`cannot read the target mesh from ${where}`, [{ path: `${where}.data.values`, value: undefined, message: 'is required (the control plane values dump)' }]);
  const values = parseYamlDocument(text, `${where}.data.values`) as { identityTrustDomain?: unknown; clusterDomain?: unknown } | null;
  const clusterDomain = typeof values?.clusterDomain === 'string' && values.clusterDomain ? values.clusterDomain : 'cluster.local';
  const trustDomain = typeof values?.identityTrustDomain === 'string' && values.identityTrustDomain ? values.identityTrustDomain : clusterDomain;
  return { trustDomain, clusterDomain };
}
