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
}

export const INJECT_VALUE_FLAGS: readonly InjectFlag[] = [
  { name: 'proxy-image', type: 'string', paths: ['proxy.image.name'] },
  { name: 'proxy-version', type: 'string', paths: ['proxy.image.version'], short: 'v' },
  { name: 'image-pull-policy', type: 'string', paths: ['proxy.image.pullPolicy'] },
  { name: 'inbound-port', type: 'int', paths: ['proxy.ports.inbound'] },
  { name: 'outbound-port', type: 'int', paths: ['proxy.ports.outbound'] },
  { name: 'control-port', type: 'int', paths: ['proxy.ports.control'] },
  { name: 'admin-port', type: 'int', paths: ['proxy.ports.admin'] },
  { name: 'skip-inbound-ports', type: 'list', paths: ['proxyInit.ignoreInboundPorts'] },
  { name: 'skip-outbound-ports', type: 'list', paths: ['proxyInit.ignoreOutboundPorts'] },
  { name: 'skip-subnets', type: 'list', paths: ['proxyInit.skipSubnets'] },
  { name: 'opaque-ports', type: 'list', paths: ['proxy.opaquePorts'] },
  { name: 'require-identity-on-inbound-ports', type: 'list', paths: ['proxy.requireIdentityOnInboundPorts'] },
  { name: 'proxy-uid', type: 'int', paths: ['proxy.uid'] },
  { name: 'proxy-gid', type: 'int', paths: ['proxy.gid'] },
  { name: 'proxy-log-level', type: 'string', paths: ['proxy.logLevel'] },
  { name: 'proxy-log-format', type: 'string', paths: ['proxy.logFormat'] },
  { name: 'enable-external-profiles', type: 'boolean', paths: ['proxy.enableExternalProfiles'] },
  { name: 'default-inbound-policy', type: 'string', paths: ['proxy.defaultInboundPolicy'] },
  { name: 'ingress', type: 'boolean', paths: ['proxy.isIngress'] },
  { name: 'native-sidecar', type: 'boolean', paths: ['proxy.nativeSidecar'] },
  { name: 'wait-before-exit-seconds', type: 'int', paths: ['proxy.waitBeforeExitSeconds'] },
  { name: 'proxy-cpu-request', type: 'cpu', paths: ['proxy.resources.cpu.request'], workers: 'proxy.runtime.workers.minimum' },
  { name: 'proxy-cpu-limit', type: 'cpu', paths: ['proxy.resources.cpu.limit'], workers: 'proxy.runtime.workers.maximum' },
  { name: 'proxy-memory-request', type: 'quantity', paths: ['proxy.resources.memory.request'] },
  { name: 'proxy-memory-limit', type: 'quantity', paths: ['proxy.resources.memory.limit'] },
  { name: 'proxy-ephemeral-storage-request', type: 'quantity', paths: ['proxy.resources.ephemeral-storage.request'] },
  { name: 'proxy-ephemeral-storage-limit', type: 'quantity', paths: ['proxy.resources.ephemeral-storage.limit'] },
  // Deprecated aliases of the requests.
  { name: 'proxy-cpu', type: 'cpu', paths: ['proxy.resources.cpu.request'], workers: 'proxy.runtime.workers.minimum' },
  { name: 'proxy-memory', type: 'quantity', paths: ['proxy.resources.memory.request'] },
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
