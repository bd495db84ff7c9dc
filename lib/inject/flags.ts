/**
 * `linkerd inject`'s proxy flags as data: each flag names the upstream value key(s) it sets, so the
 * command line builds a per-workload value tree exactly like `--set` would, and the override
 * annotations fall out of comparing that tree with the installed mesh's values.
 */
import type { ValidationIssue } from '../errors.js';
import { quantity } from '../values/checks.js';
import type { ValueTree } from '../values/tree.js';
import { setIn, wholeCpuCores } from './apply-annotations.js';

export type InjectFlagType = 'string' | 'int' | 'boolean' | 'list' | 'cpu' | 'quantity';

export interface InjectFlag {
  /** Long name without dashes, e.g. `admin-port`. */
  readonly name: string;
  readonly type: InjectFlagType;
  /** Upstream value keys the flag sets (all to the same value). */
  readonly paths: readonly string[];
  /** For `cpu` flags: the `proxy.runtime.workers.*` key sized from the quantity. @default - none */
  readonly workers?: string;
  /** One-letter alias. @default - none */
  readonly short?: string;
  /** One line for `--help`. */
  readonly description: string;
}

export const INJECT_VALUE_FLAGS: readonly InjectFlag[] = [
  { name: 'proxy-image', type: 'string', paths: ['proxy.image.name'], description: 'Linkerd proxy container image name' },
  { name: 'proxy-version', type: 'string', paths: ['proxy.image.version'], short: 'v', description: 'tag of the Linkerd proxy image' },
  { name: 'image-pull-policy', type: 'string', paths: ['proxy.image.pullPolicy'], description: 'image pull policy of the proxy containers (Always, IfNotPresent, Never)' },
  { name: 'inbound-port', type: 'int', paths: ['proxy.ports.inbound'], description: 'proxy port for inbound traffic' },
  { name: 'outbound-port', type: 'int', paths: ['proxy.ports.outbound'], description: 'proxy port for outbound traffic' },
  { name: 'control-port', type: 'int', paths: ['proxy.ports.control'], description: 'proxy port for control traffic' },
  { name: 'admin-port', type: 'int', paths: ['proxy.ports.admin'], description: 'proxy port serving metrics and probes' },
  { name: 'skip-inbound-ports', type: 'list', paths: ['proxyInit.ignoreInboundPorts'], description: 'ports and ranges that bypass the proxy on the way in' },
  { name: 'skip-outbound-ports', type: 'list', paths: ['proxyInit.ignoreOutboundPorts'], description: 'ports and ranges that bypass the proxy on the way out' },
  { name: 'skip-subnets', type: 'list', paths: ['proxyInit.skipSubnets'], description: 'subnets (CIDR) whose traffic bypasses the proxy' },
  { name: 'opaque-ports', type: 'list', paths: ['proxy.opaquePorts'], description: 'ports whose traffic is proxied as opaque TCP, without protocol detection' },
  { name: 'require-identity-on-inbound-ports', type: 'list', paths: ['proxy.requireIdentityOnInboundPorts'], description: 'inbound ports that accept only meshed, authenticated clients' },
  { name: 'proxy-uid', type: 'int', paths: ['proxy.uid'], description: 'user id the proxy runs as' },
  { name: 'proxy-gid', type: 'int', paths: ['proxy.gid'], description: 'group id the proxy runs as' },
  { name: 'proxy-log-level', type: 'string', paths: ['proxy.logLevel'], description: 'proxy log level (e.g. warn,linkerd=info)' },
  { name: 'proxy-log-format', type: 'string', paths: ['proxy.logFormat'], description: 'proxy log format (plain or json)' },
  { name: 'enable-external-profiles', type: 'boolean', paths: ['proxy.enableExternalProfiles'], description: 'let the proxy use ServiceProfiles of services outside the cluster' },
  { name: 'default-inbound-policy', type: 'string', paths: ['proxy.defaultInboundPolicy'], description: 'inbound policy of the proxy when no Server selects a port' },
  { name: 'ingress', type: 'boolean', paths: ['proxy.isIngress'], description: 'run the proxy in ingress mode' },
  { name: 'native-sidecar', type: 'boolean', paths: ['proxy.nativeSidecar'], description: 'run the proxy as a native sidecar (an init container with restartPolicy Always)' },
  { name: 'wait-before-exit-seconds', type: 'int', paths: ['proxy.waitBeforeExitSeconds'], description: 'seconds the proxy waits after the pod is told to stop' },
  { name: 'proxy-cpu-request', type: 'cpu', paths: ['proxy.resources.cpu.request'], workers: 'proxy.runtime.workers.minimum', description: 'CPU request of the proxy (also sizes its minimum worker threads)' },
  { name: 'proxy-cpu-limit', type: 'cpu', paths: ['proxy.resources.cpu.limit'], workers: 'proxy.runtime.workers.maximum', description: 'CPU limit of the proxy (also sizes its maximum worker threads)' },
  { name: 'proxy-memory-request', type: 'quantity', paths: ['proxy.resources.memory.request'], description: 'memory request of the proxy' },
  { name: 'proxy-memory-limit', type: 'quantity', paths: ['proxy.resources.memory.limit'], description: 'memory limit of the proxy' },
  { name: 'proxy-ephemeral-storage-request', type: 'quantity', paths: ['proxy.resources.ephemeral-storage.request'], description: 'ephemeral storage request of the proxy' },
  { name: 'proxy-ephemeral-storage-limit', type: 'quantity', paths: ['proxy.resources.ephemeral-storage.limit'], description: 'ephemeral storage limit of the proxy' },
  // Deprecated aliases of the requests.
  { name: 'proxy-cpu', type: 'cpu', paths: ['proxy.resources.cpu.request'], workers: 'proxy.runtime.workers.minimum', description: 'deprecated: --proxy-cpu-request' },
  { name: 'proxy-memory', type: 'quantity', paths: ['proxy.resources.memory.request'], description: 'deprecated: --proxy-memory-request' },
];

/** A flag's raw command-line value(s): a string, a boolean, or repeated strings for `list` flags. */
export type RawFlagValue = string | boolean | readonly (string | boolean)[];

export interface FlagTreeResult {
  readonly tree: ValueTree;
  /** Malformed flag values (the path is the flag, e.g. `--admin-port`). */
  readonly issues: readonly ValidationIssue[];
}

function convert(flag: InjectFlag, raw: RawFlagValue, issues: ValidationIssue[]): unknown {
  const path = `--${flag.name}`;
  const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  switch (flag.type) {
    case 'boolean':
      return last === true || last === 'true';
    case 'list':
      // A string-slice flag: repeated or comma-separated, joined back with commas.
      return (Array.isArray(raw) ? raw : [raw]).map(String).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean).join(',');
    case 'int': {
      const text = String(last).trim();
      if (!/^-?\d+$/.test(text)) {
        issues.push({ path, value: last, message: 'must be an integer' });
        return undefined;
      }
      return Number(text);
    }
    case 'cpu':
    case 'quantity': {
      const text = String(last);
      if (quantity(text) !== undefined || text.trim() === '') {
        issues.push({ path, value: last, message: 'must be a Kubernetes quantity such as 100m, 0.5, 250Mi or 1Gi' });
        return undefined;
      }
      return text;
    }
    default:
      return String(last);
  }
}

/** The value tree the given flags describe (only flags present in `options` contribute). */
export function injectFlagTree(options: Readonly<Record<string, RawFlagValue | undefined>>): FlagTreeResult {
  const tree: ValueTree = {};
  const issues: ValidationIssue[] = [];
  for (const flag of INJECT_VALUE_FLAGS) {
    const raw = options[flag.name];
    if (raw === undefined) continue;
    const value = convert(flag, raw, issues);
    if (value === undefined) continue;
    for (const path of flag.paths) setIn(tree, path, value);
    if (flag.workers) {
      const cores = wholeCpuCores(String(value));
      if (cores !== undefined) setIn(tree, flag.workers, cores);
    }
  }
  return { tree, issues };
}
