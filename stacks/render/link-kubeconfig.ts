/**
 * The kubeconfig a link's service mirror uses to watch the target, built the way `link-gen` builds it:
 * from the user's own kubeconfig for the target (the one its Kubernetes provider uses), keeping that
 * context's cluster entry — server, CA, `tls-server-name`, `proxy-url`, TLS options — and replacing
 * the user with the remote-access ServiceAccount's token. The server may be overridden
 * (`--api-server-address`: the address the source cluster reaches). The CA comes from the user's
 * kubeconfig, not from the token Secret: the token Secret's `ca.crt` is the cluster's internal CA,
 * which need not be the one the reachable endpoint presents (managed clusters, proxies).
 * Keys are written sorted, as `clientcmd.Write` writes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { stringify } from 'yaml';
import { IssueCollector, MeshformError } from '../../lib/errors.js';
import { parseYamlDocument } from '../../lib/yaml-input.js';

export interface RemoteKubeconfigOptions {
  /** The user's kubeconfig for the target: its contents (YAML or JSON) or a path to it, as the provider takes it. */
  readonly kubeconfig: string;
  /** Field named in error messages, e.g. `east.targetKubeconfig`. */
  readonly field: string;
  /** @default - the kubeconfig's current-context */
  readonly context?: string;
  /** Server the source cluster reaches the target at. @default - the context cluster's `server` */
  readonly apiServer?: string;
  readonly serviceAccount: string;
  /** Decoded ServiceAccount token. */
  readonly token: string;
}

/** Cluster fields kept from the user's entry (any other, e.g. a CA file path, cannot work in-cluster). */
const CLUSTER_FIELDS = ['certificate-authority-data', 'disable-compression', 'insecure-skip-tls-verify', 'proxy-url', 'server', 'tls-server-name'] as const;

type Named = { readonly name?: unknown; readonly [key: string]: unknown };
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A path (existing file, `~/` allowed) or the contents themselves; the provider accepts both. */
function contentsOf(kubeconfig: string): { text: string; dir: string } {
  const trimmed = kubeconfig.trim();
  if (!trimmed.includes('\n') && !trimmed.startsWith('{')) {
    const path = trimmed.startsWith('~/') ? resolve(homedir(), trimmed.slice(2)) : resolve(trimmed);
    if (existsSync(path)) return { text: readFileSync(path, 'utf8'), dir: dirname(path) };
  }
  return { text: kubeconfig, dir: process.cwd() };
}

function entry(list: unknown, name: string): Record<string, unknown> | undefined {
  const found = Array.isArray(list) ? (list as Named[]).find((e) => isMap(e) && e.name === name) : undefined;
  return found ? (found as Record<string, unknown>) : undefined;
}

/** The remote kubeconfig (YAML text); a `MeshformError` names what the user's kubeconfig lacks. */
export function remoteKubeconfig(o: RemoteKubeconfigOptions): string {
  const { text, dir } = contentsOf(o.kubeconfig);
  const config = parseYamlDocument(text, o.field);
  const issues = new IssueCollector();
  if (!isMap(config)) throw new MeshformError(`${o.field}: not a kubeconfig (a map with clusters, contexts, users)`);
  const contextName = o.context ?? (typeof config['current-context'] === 'string' ? config['current-context'] : '');
  const context = isMap(entry(config.contexts, contextName)?.context) ? (entry(config.contexts, contextName)?.context as Record<string, unknown>) : undefined;
  if (!contextName) issues.add(`${o.field}.current-context`, undefined, 'is required (or pass the context to use)');
  else if (!context) issues.add(`${o.field}.contexts`, contextName, 'has no context of that name');
  const clusterName = typeof context?.cluster === 'string' ? context.cluster : '';
  const userCluster = entry(config.clusters, clusterName)?.cluster;
  if (context && !isMap(userCluster)) issues.add(`${o.field}.clusters`, clusterName, `has no cluster of that name (context ${contextName})`);
  issues.throwIfAny(`${o.field}: cannot build the link's kubeconfig`);

  const source = userCluster as Record<string, unknown>;
  const cluster: Record<string, unknown> = {};
  for (const key of CLUSTER_FIELDS) if (source[key] !== undefined) cluster[key] = source[key];
  if (o.apiServer) cluster.server = o.apiServer;
  const caFile = source['certificate-authority'];
  if (cluster['certificate-authority-data'] === undefined && typeof caFile === 'string') {
    const path = isAbsolute(caFile) ? caFile : resolve(dir, caFile);
    if (!existsSync(path)) issues.add(`${o.field}.clusters[${clusterName}].certificate-authority`, caFile, 'file not found (embedded as certificate-authority-data)');
    else cluster['certificate-authority-data'] = readFileSync(path).toString('base64');
  }
  if (typeof cluster.server !== 'string' || !cluster.server) issues.add(`${o.field}.clusters[${clusterName}].server`, cluster.server, 'is required (or pass targetApiServer)');
  issues.throwIfAny(`${o.field}: cannot build the link's kubeconfig`);

  const sorted = Object.fromEntries(Object.entries(cluster).sort(([a], [b]) => (a < b ? -1 : 1)));
  const namespace = typeof context?.namespace === 'string' ? { namespace: context.namespace } : {};
  return stringify({
    apiVersion: 'v1',
    clusters: [{ cluster: sorted, name: clusterName }],
    contexts: [{ context: { cluster: clusterName, ...namespace, user: o.serviceAccount }, name: contextName }],
    'current-context': contextName,
    kind: 'Config',
    preferences: {},
    users: [{ name: o.serviceAccount, user: { token: o.token } }],
  });
}
