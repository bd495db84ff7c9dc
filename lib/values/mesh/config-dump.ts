/**
 * The control-plane values as upstream's CLI hands them to its templates, and the `values` entry of
 * the `linkerd-config` ConfigMap built from them (which the proxy injector reads back at run time).
 *
 * Upstream's CLI loads the chart's values.yaml into its Go `Values` struct, so chart defaults for keys
 * that struct has no field for never reach the templates: the injector webhook's `objectSelector`
 * renders as null and `timeoutSeconds` falls back to the template's own default, for instance. Values
 * the user supplies are merged on top as a plain map and do reach them. We cannot tell "user set it to
 * the default" from "left at the default" after resolution, so a struct-less key counts as
 * user-supplied exactly when it differs from the chart default — identical for every other input.
 */
import type { ValueTree } from '../tree.js';
import { meshDefaults } from './defaults.js';
import type { MeshValues } from './types.js';

/**
 * Chart keys that the Go `Values` struct lacks, with a default that is not null/{}/[] (dropping or
 * keeping such an empty default renders the same; an empty string does not compare equal to absent).
 */
export const NON_STRUCT_KEYS: readonly string[] = [
  'controllerImageVersion',
  'runtimeClassName',
  'enablePprof',
  'enablePSP',
  'kubeAPI',
  'installGatewayAPI',
  'policyController.livenessProbe',
  'policyController.readinessProbe',
  'destinationController.livenessProbe',
  'destinationController.readinessProbe',
  'identity.livenessProbe',
  'identity.readinessProbe',
  'proxyInjector.timeoutSeconds',
  'proxyInjector.objectSelector',
  'proxyInjector.livenessProbe',
  'proxyInjector.readinessProbe',
];

/** Struct fields absent from the chart's values.yaml that the struct always serializes (zero values). */
const STRUCT_ZERO_VALUES: readonly (readonly [string, string | boolean])[] = [
  ['proxy.isGateway', false],
  ['proxy.isIngress', false],
  ['proxy.accessLog', ''],
  ['proxy.podInboundPorts', ''],
  ['proxy.tracing.protocol', ''],
  ['proxyInit.xtMountPath.readOnly', false],
  ['controller.tracing.protocol', ''],
  ['controller.tracing.traceServiceName', ''],
];

/** Keys of the struct's `Resources` type, which always serializes cpu, memory and ephemeral-storage. */
const RESOURCE_KEYS: readonly string[] = [
  'destinationResources',
  'destinationProxyResources',
  'identityResources',
  'identityProxyResources',
  'heartbeatResources',
  'proxyInjectorResources',
  'proxyInjectorProxyResources',
  'policyController.resources',
  'proxy.resources',
];

/** Private keys the config template unsets before dumping: `linkerd-config` is world-readable in-cluster. */
const PRIVATE_KEYS: readonly string[] = [
  'identity.issuer.tls.keyPEM',
  'proxyInjector.keyPEM',
  'profileValidator.keyPEM',
  'policyValidator.keyPEM',
];

type Tree = Record<string, unknown>;

const isObject = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function lookup(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

function parentOf(tree: Tree, path: readonly string[], create: boolean): Tree | undefined {
  let node: Tree = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isObject(next)) {
      if (!create) return undefined;
      node[key] = {};
    }
    node = node[key] as Tree;
  }
  return node;
}

/** Structural equality of plain JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The values upstream's CLI templates see: `values` minus the struct-less keys still at their chart
 * default, plus the struct's zero values. A deep copy; `values` is not modified.
 */
export function cliTemplateValues(values: MeshValues): ValueTree {
  const out = structuredClone(values) as unknown as Tree;
  const defaults = meshDefaults();
  for (const key of NON_STRUCT_KEYS) {
    const path = key.split('.');
    const parent = parentOf(out, path, false);
    const leaf = path[path.length - 1];
    if (parent && leaf in parent && jsonEqual(parent[leaf], lookup(defaults, path))) delete parent[leaf];
  }
  for (const [key, zero] of STRUCT_ZERO_VALUES) {
    const path = key.split('.');
    const parent = parentOf(out, path, true)!;
    const leaf = path[path.length - 1];
    if (parent[leaf] === undefined) parent[leaf] = zero;
  }
  for (const key of RESOURCE_KEYS) {
    const resources = lookup(out, key.split('.'));
    if (!isObject(resources)) continue;
    for (const kind of ['cpu', 'memory', 'ephemeral-storage']) {
      const quantity = isObject(resources[kind]) ? resources[kind] : {};
      resources[kind] = { limit: '', request: '', ...quantity };
    }
  }
  return out as ValueTree;
}

/**
 * The `linkerd-config` ConfigMap's `values` document: the CLI's view of the values with private keys
 * removed, the trust domain resolved and keys sorted (Go marshals maps in key order).
 */
export function configValuesDump(values: MeshValues): ValueTree {
  const out = cliTemplateValues(values) as Tree;
  for (const key of PRIVATE_KEYS) {
    const path = key.split('.');
    const parent = parentOf(out, path, false);
    if (parent) delete parent[path[path.length - 1]];
  }
  // The CLI stores the effective trust domain, so the injector need not know the fallback rule.
  if (!out.identityTrustDomain) out.identityTrustDomain = values.clusterDomain;
  // A string field in the Go struct: the dump quotes it even when given as a number.
  const pdb = lookup(out, ['controller', 'podDisruptionBudget']);
  if (isObject(pdb) && pdb.maxUnavailable !== undefined && pdb.maxUnavailable !== null) {
    pdb.maxUnavailable = String(pdb.maxUnavailable);
  }
  return sortKeys(out) as ValueTree;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: Tree = {};
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  }
  return out;
}
