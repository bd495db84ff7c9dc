/**
 * Validation of resolved CNI values: every problem is collected (key path, value, what is allowed) so
 * the user fixes a values file in one pass.
 */
import { IssueCollector, type ValidationIssue } from '../../errors.js';
import {
  LOG_FORMATS,
  LOG_LEVELS,
  PULL_POLICIES,
  integerInRange,
  intOrPercent,
  isBoolean,
  isString,
  oneOf,
  port,
  portList,
  quantity,
  userId,
} from '../checks.js';
import { isTree } from '../tree.js';
import type { CniValues } from './types.js';

export const IPTABLES_MODES = ['nft', 'legacy', 'plain'] as const;

/** Comma-separated plain port numbers: the plugin config embeds them as JSON integers. */
export function portNumberList(value: unknown): string | undefined {
  if (value === '') return undefined;
  const allowed = 'must be a comma-separated list of port numbers (1-65535), e.g. 80,8080';
  if (typeof value === 'number') return port(value) && allowed;
  if (typeof value !== 'string') return allowed;
  return value.split(',').every((p) => /^\s*\d+\s*$/.test(p) && port(Number(p)) === undefined) ? undefined : allowed;
}

/** `{cpu, memory, ephemeral-storage}` each with `limit` / `request` quantities. */
export function checkResources(issues: IssueCollector, path: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isTree(value)) {
    issues.add(path, value, 'must be a map with cpu, memory and ephemeral-storage limits/requests');
    return;
  }
  for (const [kind, pair] of Object.entries(value)) {
    const kindPath = `${path}.${kind}`;
    if (!['cpu', 'memory', 'ephemeral-storage'].includes(kind)) {
      issues.add(kindPath, undefined, 'unknown resource (allowed: cpu, memory, ephemeral-storage)');
    } else if (pair !== null && !isTree(pair)) {
      issues.add(kindPath, pair, 'must be a map with limit and request');
    } else if (pair) {
      for (const [k, q] of Object.entries(pair)) {
        if (k !== 'limit' && k !== 'request') issues.add(`${kindPath}.${k}`, undefined, 'unknown key (allowed: limit, request)');
        else issues.check(`${kindPath}.${k}`, q, quantity(q));
      }
    }
  }
}

function checkStringMap(issues: IssueCollector, path: string, value: unknown): void {
  if (!isTree(value)) {
    issues.add(path, value, 'must be a map of strings');
    return;
  }
  for (const [k, v] of Object.entries(value)) issues.check(`${path}.${k}`, v, isString(v));
}

function checkList(issues: IssueCollector, path: string, value: unknown, itemsAreMaps = true): void {
  if (!Array.isArray(value)) issues.add(path, value, 'must be a list');
  else if (itemsAreMaps) value.forEach((item, i) => issues.check(`${path}[${i}]`, item, isTree(item) ? undefined : 'must be a map'));
}

/** Returns every issue with `values` (which should already include the defaults). */
export function validateCniValues(values: CniValues): ValidationIssue[] {
  const v = values as unknown as Record<string, unknown>;
  const issues = new IssueCollector();
  for (const key of ['inboundProxyPort', 'outboundProxyPort', 'proxyAdminPort', 'proxyControlPort']) issues.check(key, v[key], port(v[key]));
  issues.check('ignoreInboundPorts', v.ignoreInboundPorts, v.ignoreInboundPorts === '' ? undefined : portList(v.ignoreInboundPorts));
  issues.check('ignoreOutboundPorts', v.ignoreOutboundPorts, v.ignoreOutboundPorts === '' ? undefined : portList(v.ignoreOutboundPorts));
  issues.check('portsToRedirect', v.portsToRedirect, portNumberList(v.portsToRedirect));
  issues.check('proxyUID', v.proxyUID, userId(v.proxyUID));
  issues.check('proxyGID', v.proxyGID, userId(v.proxyGID));
  issues.check('logLevel', v.logLevel, oneOf(v.logLevel, LOG_LEVELS));
  for (const key of ['destCNINetDir', 'destCNIBinDir']) {
    const dir = v[key];
    issues.check(key, dir, typeof dir === 'string' && dir.startsWith('/') ? undefined : 'must be an absolute host path');
  }
  for (const key of ['useWaitFlag', 'disableIPv6', 'enablePSP', 'privileged']) issues.check(key, v[key], isBoolean(v[key]));
  issues.check('iptablesMode', v.iptablesMode, oneOf(v.iptablesMode, IPTABLES_MODES));
  issues.check('priorityClassName', v.priorityClassName, isString(v.priorityClassName));
  issues.check('revisionHistoryLimit', v.revisionHistoryLimit, integerInRange(v.revisionHistoryLimit, 0));
  checkStringMap(issues, 'podLabels', v.podLabels);
  checkStringMap(issues, 'commonLabels', v.commonLabels);
  checkList(issues, 'tolerations', v.tolerations ?? []);
  checkList(issues, 'imagePullSecrets', v.imagePullSecrets);
  checkList(issues, 'extraInitContainers', v.extraInitContainers);
  if (v.nodeAffinity !== undefined && v.nodeAffinity !== null && !isTree(v.nodeAffinity)) issues.add('nodeAffinity', v.nodeAffinity, 'must be a map (a Kubernetes NodeAffinity)');

  const strategy = v.updateStrategy;
  if (!isTree(strategy)) {
    issues.add('updateStrategy', strategy, 'must be a map such as {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}');
  } else {
    if (strategy.type !== undefined) issues.check('updateStrategy.type', strategy.type, oneOf(strategy.type, ['RollingUpdate', 'OnDelete']));
    const rolling = strategy.rollingUpdate;
    if (isTree(rolling)) {
      for (const k of ['maxUnavailable', 'maxSurge']) {
        if (rolling[k] !== undefined) issues.check(`updateStrategy.rollingUpdate.${k}`, rolling[k], intOrPercent(rolling[k]));
      }
    } else if (rolling !== undefined && rolling !== null) {
      issues.add('updateStrategy.rollingUpdate', rolling, 'must be a map with maxUnavailable and/or maxSurge');
    }
  }

  const image = isTree(v.image) ? v.image : {};
  issues.check('image.name', image.name, typeof image.name === 'string' && image.name !== '' ? undefined : 'must be a non-empty image name');
  issues.check('image.version', image.version, typeof image.version === 'string' && image.version !== '' ? undefined : 'must be a non-empty image tag');
  issues.check('image.pullPolicy', image.pullPolicy, oneOf(image.pullPolicy, PULL_POLICIES));

  const repair = isTree(v.repairController) ? v.repairController : {};
  issues.check('repairController.enabled', repair.enabled, isBoolean(repair.enabled));
  issues.check('repairController.enableSecurityContext', repair.enableSecurityContext, isBoolean(repair.enableSecurityContext));
  issues.check('repairController.logLevel', repair.logLevel, oneOf(repair.logLevel, LOG_LEVELS));
  issues.check('repairController.logFormat', repair.logFormat, oneOf(repair.logFormat, LOG_FORMATS));
  checkResources(issues, 'repairController.resources', repair.resources);
  checkResources(issues, 'resources', v.resources);
  return [...issues.issues];
}
