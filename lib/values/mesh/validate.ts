/**
 * Validation of a resolved control-plane tree. Every problem is collected (key path, value, what is
 * allowed) so the user fixes a values file in one pass.
 */
import type { ValidationIssue } from '../../errors.js';
import { dnsDomainProblem } from '../../k8s/name-rules.js';
import {
  cidr,
  cidrList,
  DEFAULT_INBOUND_POLICIES,
  duration,
  imageName,
  imageVersion,
  integerInRange,
  intOrPercent,
  isBoolean,
  isString,
  LOG_FORMATS,
  LOG_LEVELS,
  oneOf,
  port,
  portList,
  proxyLogLevel,
  PULL_POLICIES,
  quantity,
  userId,
} from '../checks.js';
import { findUnknownKeys, refusedUnknownKeys, type UnknownValuesOptions } from '../unknown-keys.js';
import { getPath, isTree, type ValueTree } from '../tree.js';
import { meshDefaults } from './defaults.js';
import { MESH_EXTRA_KEYS, MESH_FREE_FORM_KEYS, meshKnownKeys, RESOURCE_KEYS } from './known-keys.js';
import { checkShapes } from '../shape.js';
import type { MeshValues } from './types.js';
import { validateMeshIdentity } from './validate-identity.js';
import { serverParamsIssues } from './validate-server-params.js';
import { ISSUER_SCHEME_KUBERNETES, ISSUER_SCHEME_LINKERD } from '../../k8s/labels.js';

type Check = (value: unknown) => string | undefined;

const orEmpty =
  (check: Check): Check =>
  (v) =>
    v === '' ? undefined : check(v);
const nonNegativeInt: Check = (v) => integerInRange(v, 0);
const anyNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'must be a number >= 0');

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
const cron: Check = (v) =>
  typeof v === 'string' && v.trim().split(/\s+/).length === 5 && v.trim().split(/\s+/).every((f) => CRON_FIELD.test(f))
    ? undefined
    : 'must be a cron schedule of 5 fields, e.g. "30 4 * * *"';

/** Required keys: checked even when absent (a `null` from the user deletes them). */
const REQUIRED: ReadonlyArray<readonly [string, Check]> = [
  ['clusterDomain', dnsDomainProblem],
  ['identityTrustDomain', orEmpty(dnsDomainProblem)],
  // Upstream's install parses every comma-separated item: an empty list is refused.
  ['clusterNetworks', (v) => (v === '' ? 'must not be empty: a comma-separated list of CIDRs such as 10.0.0.0/8' : cidrList(v))],
  ['imagePullPolicy', (v) => oneOf(v, PULL_POLICIES.filter((p) => p !== ''))],
  ['revisionHistoryLimit', nonNegativeInt],
  ['controllerLogLevel', (v) => oneOf(v, LOG_LEVELS)],
  ['controllerLogFormat', (v) => oneOf(v, LOG_FORMATS)],
  ['linkerdVersion', imageVersion],
  ['deploymentStrategy.rollingUpdate.maxUnavailable', intOrPercent],
  ['deploymentStrategy.rollingUpdate.maxSurge', intOrPercent],
  ['controller.podDisruptionBudget.maxUnavailable', intOrPercent],
  ['controllerReplicas', (v) => integerInRange(v, 1)],
  ['controllerUID', userId],
  ['controllerGID', userId],
  ['kubeAPI.clientQPS', anyNumber],
  ['kubeAPI.clientBurst', nonNegativeInt],
  ['identity.kubeAPI.clientQPS', anyNumber],
  ['identity.kubeAPI.clientBurst', nonNegativeInt],
  ['policyController.logLevel', (v) => oneOf(v, LOG_LEVELS)],
  ['proxy.logLevel', proxyLogLevel],
  ['proxy.logFormat', (v) => oneOf(v, LOG_FORMATS)],
  ['proxy.logHTTPHeaders', (v) => oneOf(v, ['off', 'insecure'])],
  ['proxy.image.pullPolicy', (v) => oneOf(v, PULL_POLICIES)],
  ['debugContainer.image.pullPolicy', (v) => oneOf(v, PULL_POLICIES)],
  ['proxy.ports.admin', port],
  ['proxy.ports.control', port],
  ['proxy.ports.inbound', port],
  ['proxy.ports.outbound', port],
  ['proxy.uid', userId],
  ['proxy.gid', userId],
  ['proxy.waitBeforeExitSeconds', nonNegativeInt],
  ['proxy.runtime.workers.minimum', (v) => integerInRange(v, 1)],
  ['proxy.opaquePorts', (v) => portList(v, true)],
  ['proxy.requireIdentityOnInboundPorts', (v) => portList(v)],
  ['proxy.defaultInboundPolicy', (v) => oneOf(v, DEFAULT_INBOUND_POLICIES)],
  ['proxy.outboundTransportMode', (v) => oneOf(v, ['transport-header', 'transparent'])],
  ['proxy.outboundConnectTimeout', (v) => duration(v)],
  ['proxy.inboundConnectTimeout', (v) => duration(v)],
  ['proxy.outboundDiscoveryCacheUnusedTimeout', (v) => duration(v)],
  ['proxy.inboundDiscoveryCacheUnusedTimeout', (v) => duration(v)],
  ['proxy.shutdownGracePeriod', (v) => duration(v, true)],
  ['proxy.control.streams.initialTimeout', (v) => duration(v)],
  ['proxy.control.streams.idleTimeout', (v) => duration(v)],
  ['proxy.control.streams.lifetime', (v) => duration(v)],
  ['proxy.inbound.server.http2.keepAliveInterval', (v) => duration(v)],
  ['proxy.inbound.server.http2.keepAliveTimeout', (v) => duration(v)],
  ['proxy.outbound.server.http2.keepAliveInterval', (v) => duration(v)],
  ['proxy.outbound.server.http2.keepAliveTimeout', (v) => duration(v)],
  ['proxyInit.iptablesMode', (v) => oneOf(v, ['nft', 'legacy'])],
  ['proxyInit.ignoreInboundPorts', (v) => portList(v)],
  ['proxyInit.ignoreOutboundPorts', (v) => portList(v)],
  ['proxyInit.kubeAPIServerPorts', (v) => portList(v)],
  ['proxyInit.skipSubnets', cidrList],
  ['proxyInit.logLevel', (v) => oneOf(v, ['', ...LOG_LEVELS])],
  ['proxyInit.logFormat', (v) => oneOf(v, ['', ...LOG_FORMATS])],
  ['proxyInit.closeWaitTimeoutSecs', nonNegativeInt],
  ['proxyInit.runAsUser', userId],
  ['proxyInit.runAsGroup', userId],
  ['networkValidator.logLevel', (v) => oneOf(v, LOG_LEVELS)],
  ['networkValidator.logFormat', (v) => oneOf(v, LOG_FORMATS)],
  ['networkValidator.timeout', (v) => duration(v)],
  ['webhookFailurePolicy', (v) => oneOf(v, ['Ignore', 'Fail'])],
  ['identity.issuer.scheme', (v) => oneOf(v, [ISSUER_SCHEME_LINKERD, ISSUER_SCHEME_KUBERNETES])],
  ['identity.issuer.clockSkewAllowance', (v) => duration(v)],
  ['identity.issuer.issuanceLifetime', (v) => duration(v)],
  ['proxyInjector.timeoutSeconds', (v) => integerInRange(v, 1, 30)],
  ['podMonitor.scrapeInterval', (v) => duration(v)],
  ['podMonitor.scrapeTimeout', (v) => duration(v)],
  ['destinationController.meshedHttp2ClientProtobuf.keep_alive.interval.seconds', nonNegativeInt],
  ['destinationController.meshedHttp2ClientProtobuf.keep_alive.timeout.seconds', nonNegativeInt],
];

/** Optional keys: checked only when set. */
const OPTIONAL: ReadonlyArray<readonly [string, Check]> = [
  ['proxy.image.version', orEmpty(imageVersion)],
  ['debugContainer.image.version', orEmpty(imageVersion)],
  ['proxy.image.name', imageName],
  ['debugContainer.image.name', imageName],
  ['heartbeatSchedule', cron],
  ['cliVersion', isString],
  ['proxyContainerName', isString],
  ['highAvailability', isBoolean],
  ['enableHttpRoutes', isBoolean],
  ['enableTlsRoutes', isBoolean],
  ['enableTcpRoutes', isBoolean],
  ['proxy.isIngress', isBoolean],
  ['proxy.isGateway', isBoolean],
  ['proxy.accessLog', (v) => oneOf(v, ['', 'apache', 'json'])],
  ['proxy.cores', (v) => integerInRange(v, 1)],
  ['proxy.runtime.workers.maximum', (v) => integerInRange(v, 1)],
  ['proxy.runtime.workers.maximumCPURatio', (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'must be a number in (0, 1]')],
  ['tolerations', (v) => (Array.isArray(v) ? undefined : 'must be a list of tolerations')],
  ['nodeAffinity', (v) => (isTree(v) ? undefined : 'must be a map (a Kubernetes NodeAffinity)')],
  ['configReaders', (v) => (Array.isArray(v) ? undefined : 'must be a list of {name, namespace}')],
];

const PROBE_OWNERS = ['policyController', 'proxy', 'destinationController', 'identity', 'proxyInjector', 'spValidator'];
const PROBE_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'failureThreshold'];

const RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral-storage'];

/** A `{cpu, memory, ephemeral-storage}: {limit, request}` tree. */
function checkResources(path: string, tree: unknown, out: ValidationIssue[]): void {
  if (tree === undefined || tree === null) return;
  if (!isTree(tree)) {
    out.push({ path, value: tree, message: 'must be a map with cpu, memory and/or ephemeral-storage' });
    return;
  }
  for (const [name, pair] of Object.entries(tree)) {
    const at = `${path}.${name}`;
    if (!RESOURCE_NAMES.includes(name)) {
      out.push({ path: at, value: pair, message: `unknown resource; allowed: ${RESOURCE_NAMES.join(', ')}` });
      continue;
    }
    if (pair === null) continue;
    if (!isTree(pair)) {
      out.push({ path: at, value: pair, message: 'must be a map with limit and/or request' });
      continue;
    }
    for (const [field, q] of Object.entries(pair)) {
      if (field !== 'limit' && field !== 'request') {
        out.push({ path: `${at}.${field}`, value: q, message: 'unknown field; allowed: limit, request' });
      } else {
        const problem = quantity(q);
        if (problem) out.push({ path: `${at}.${field}`, value: q, message: problem });
      }
    }
  }
}

/** All issues with `values` (the resolved tree) and `user` (what the user wrote, for unknown keys). */
export function validateMeshValues(
  values: MeshValues,
  user: ValueTree,
  options: UnknownValuesOptions & { readonly identity?: boolean } = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const tree = values as unknown as ValueTree;

  issues.push(...refusedUnknownKeys(findUnknownKeys(user, meshKnownKeys()), options));
  const skip = new Set([...MESH_EXTRA_KEYS, 'controller.podDisruptionBudget.maxUnavailable']);
  issues.push(...checkShapes(user, meshDefaults() as unknown as ValueTree, { skip, freeForm: new Set(MESH_FREE_FORM_KEYS) }));

  for (const [path, check] of REQUIRED) {
    const v = getPath(tree, path);
    const problem = check(v);
    if (problem) issues.push({ path, value: v, message: v === undefined ? `is required: ${problem}` : problem });
  }
  for (const [path, check] of OPTIONAL) {
    const v = getPath(tree, path);
    if (v === undefined || v === null) continue;
    const problem = check(v);
    if (problem) issues.push({ path, value: v, message: problem });
  }

  const probeNetworks = values.policyController?.probeNetworks as unknown;
  if (!Array.isArray(probeNetworks)) {
    issues.push({ path: 'policyController.probeNetworks', value: probeNetworks, message: 'must be a list of CIDRs' });
  } else {
    probeNetworks.forEach((c, i) => {
      const problem = cidr(c);
      if (problem) issues.push({ path: `policyController.probeNetworks[${i}]`, value: c, message: problem });
    });
  }

  for (const owner of PROBE_OWNERS) {
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      for (const field of PROBE_FIELDS) {
        const path = `${owner}.${probe}.${field}`;
        const v = getPath(tree, path);
        if (v === undefined || v === null) continue;
        const problem = nonNegativeInt(v);
        if (problem) issues.push({ path, value: v, message: problem });
      }
    }
  }

  issues.push(...serverParamsIssues('proxy.inbound', getPath(tree, 'proxy.inbound')), ...serverParamsIssues('proxy.outbound', getPath(tree, 'proxy.outbound')));
  for (const path of ['proxy.resources', 'policyController.resources', 'proxyInit.resources', ...RESOURCE_KEYS]) {
    checkResources(path, getPath(tree, path), issues);
  }

  if (options.identity ?? true) issues.push(...validateMeshIdentity(values));
  return dedupe(issues);
}

/** The shape check and a per-key check may both flag a path; report each path's first finding. */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  // A key of the wrong kind (`proxy: 1`) is one finding, not one per required key below it.
  const wrongKind = issues.filter((i) => /^must be a (map|list)/.test(i.message)).map((i) => i.path);
  const under = (path: string): boolean => wrongKind.some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
  return issues.filter((i) => {
    if (seen.has(i.path) || under(i.path)) return false;
    seen.add(i.path);
    return true;
  });
}
