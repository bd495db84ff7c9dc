/**
 * `proxy.inbound` / `proxy.outbound`: free maps of scope → protocol → parameter that upstream's proxy
 * partial renders generically, one env var per leaf, Go's sorted map order at every level:
 * `inbound.server.http2.keepAliveInterval` → `LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_INTERVAL`.
 * Scope and protocol names are upper-cased, parameter names snake-cased then upper-cased.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { ProxyParamTree } from '../values/mesh/proxy-types.js';

/** Sprig's `snakecase` for the camelCase names parameters have (`keepAliveInterval` → `keep_alive_interval`). */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

const isTree = (v: unknown): v is ProxyParamTree => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedEntries = (tree: ProxyParamTree) => Object.keys(tree).sort().map((k) => [k, tree[k]] as const);

export function serverParamsEnv(direction: 'inbound' | 'outbound', tree: ProxyParamTree | null | undefined): IEnvVar[] {
  const out: IEnvVar[] = [];
  const walk = (node: ProxyParamTree, prefix: string): void => {
    for (const [key, value] of sortedEntries(node)) {
      if (isTree(value)) walk(value, `${prefix}_${key.toUpperCase()}`);
      // Helm's `quote` of nil prints nothing: the variable is declared without a value.
      else if (value === null || value === undefined) out.push({ name: `${prefix}_${snakeCase(key).toUpperCase()}` });
      else out.push({ name: `${prefix}_${snakeCase(key).toUpperCase()}`, value: String(value) });
    }
  };
  if (isTree(tree)) walk(tree, `LINKERD2_PROXY_${direction.toUpperCase()}`);
  return out;
}
