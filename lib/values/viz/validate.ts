/**
 * Validation of a resolved viz tree. Every problem is collected (key path, value, what is allowed) so
 * the user fixes a values file in one pass; the templates' own `fail`s (no Prometheus, tap TLS with
 * nothing to trust) are checks here too, plus the TLS material we refuse to invent at render time.
 */
import type { ValidationIssue } from '../../errors.js';
import { dns1123LabelProblem, dns1123SubdomainProblem, dnsDomainProblem } from '../../k8s/name-rules.js';
import {
  integerInRange,
  isBoolean,
  isString,
  LOG_FORMATS,
  LOG_LEVELS,
  oneOf,
  PULL_POLICIES,
  quantity,
  userId,
} from '../checks.js';
import { checkShapes } from '../shape.js';
import { getPath, isTree, type ValueTree } from '../tree.js';
import { findUnknownKeys, refusedUnknownKeys, type UnknownValuesOptions } from '../unknown-keys.js';
import { vizDefaults } from './defaults.js';
import { VIZ_COMPONENTS, VIZ_EXTRA_KEYS, VIZ_FREE_FORM_KEYS, vizKnownKeys } from './known-keys.js';
import type { VizValues, VizWebhookTlsValues } from './types.js';

type Check = (value: unknown) => string | undefined;

const orEmpty =
  (check: Check): Check =>
  (v) =>
    v === '' ? undefined : check(v);
const listOf =
  (what: string): Check =>
  (v) =>
    Array.isArray(v) ? undefined : `must be a list of ${what}`;

/** Required keys: checked even when absent (a `null` from the user deletes them). */
const REQUIRED: ReadonlyArray<readonly [string, Check]> = [
  ['linkerdVersion', isString],
  ['clusterDomain', dnsDomainProblem],
  ['identityTrustDomain', orEmpty(dnsDomainProblem)],
  ['linkerdNamespace', dns1123LabelProblem],
  ['revisionHistoryLimit', (v) => integerInRange(v, 0)],
  ['defaultRegistry', isString],
  ['defaultImagePullPolicy', (v) => oneOf(v, PULL_POLICIES.filter((p) => p !== ''))],
  ['defaultLogLevel', (v) => oneOf(v, LOG_LEVELS)],
  ['defaultLogFormat', (v) => oneOf(v, LOG_FORMATS)],
  ['defaultUID', userId],
  ['defaultGID', userId],
  ['enablePodAntiAffinity', isBoolean],
  ['enablePodDisruptionBudget', isBoolean],
  ['createNamespaceMetadataJob', isBoolean],
  ['enablePSP', isBoolean],
  ['prometheusUrl', isString],
  ['prometheusCredsSecret', orEmpty(dns1123SubdomainProblem)],
  ['jaegerUrl', isString],
  ['tap.ignoreHeaders', listOf('header names')],
  ['tapInjector.failurePolicy', (v) => oneOf(v, ['Ignore', 'Fail'])],
  ['dashboard.restrictPrivileges', isBoolean],
  ['dashboard.enforcedHostRegexp', regexp],
  ['namespaceMetadata.image.pullPolicy', (v) => oneOf(v, PULL_POLICIES)],
  ['prometheus.enabled', isBoolean],
  ['prometheus.logLevel', (v) => oneOf(v, ['', ...LOG_LEVELS])],
  ['prometheus.logFormat', (v) => oneOf(v, ['', ...LOG_FORMATS])],
  ['prometheus.image.pullPolicy', (v) => oneOf(v, PULL_POLICIES)],
  ...VIZ_COMPONENTS.flatMap((c): [string, Check][] => [
    [`${c}.replicas`, (v) => integerInRange(v, 1)],
    [`${c}.logLevel`, (v) => oneOf(v, ['', ...LOG_LEVELS])],
    [`${c}.logFormat`, (v) => oneOf(v, ['', ...LOG_FORMATS])],
    [`${c}.image.name`, isString],
    [`${c}.image.pullPolicy`, (v) => oneOf(v, PULL_POLICIES)],
  ]),
];

/** Optional keys: checked only when set. */
const OPTIONAL: ReadonlyArray<readonly [string, Check]> = [
  ['cniEnabled', isBoolean],
  ['enablePprof', isBoolean],
  ['tolerations', listOf('tolerations')],
  ['metricsAPI.tolerations', listOf('tolerations')],
  ['namespaceMetadata.tolerations', listOf('tolerations')],
  ['prometheus.tolerations', listOf('tolerations')],
  ['nodeAffinity', (v) => (isTree(v) ? undefined : 'must be a map (a Kubernetes NodeAffinity)')],
  ['tapInjector.objectSelector', (v) => (isTree(v) ? undefined : 'must be a label selector (matchLabels / matchExpressions)')],
  ['grafana.url', isString],
  ['grafana.externalUrl', isString],
  ['grafana.uidPrefix', isString],
  ['prometheus.alertRelabelConfigs', listOf('relabel configs')],
  ['prometheus.alertmanagers', listOf('alertmanager configs')],
  ['prometheus.remoteWrite', listOf('remote_write configs')],
  ['prometheus.scrapeConfigs', listOf('scrape configs')],
  ['prometheus.metricRelabelConfigs', listOf('relabel configs')],
  ['prometheus.sidecarContainers', listOf('containers')],
  ...VIZ_COMPONENTS.flatMap((c): [string, Check][] => [
    [`${c}.UID`, userId],
    [`${c}.GID`, userId],
  ]),
];

function regexp(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'must be a string (a regular expression, or empty)';
  try {
    new RegExp(v);
    return undefined;
  } catch {
    return 'must be a valid regular expression';
  }
}

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
    } else if (pair !== null && !isTree(pair)) {
      out.push({ path: at, value: pair, message: 'must be a map with limit and/or request' });
    } else {
      for (const [field, q] of Object.entries(pair ?? {})) {
        const problem = field === 'limit' || field === 'request' ? quantity(q) : 'unknown field; allowed: limit, request';
        if (problem) out.push({ path: `${at}.${field}`, value: q, message: problem });
      }
    }
  }
}

/** `<owner>.proxy`: only `resources` is read. */
function checkProxy(owner: string, proxy: unknown, out: ValidationIssue[]): void {
  if (proxy === undefined || proxy === null) return;
  if (!isTree(proxy)) {
    out.push({ path: `${owner}.proxy`, value: proxy, message: 'must be a map with a resources key' });
    return;
  }
  for (const key of Object.keys(proxy)) {
    if (key !== 'resources') out.push({ path: `${owner}.proxy.${key}`, value: undefined, message: 'unknown key (allowed: resources)' });
  }
  checkResources(`${owner}.proxy.resources`, proxy.resources, out);
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * The serving certificate and the CA its caller trusts. Upstream generates both with Helm's
 * `genSelfSignedCert` when nothing is given; meshform renders deterministically, so until generated
 * certificates land the user must supply them (or an external secret).
 */
function checkTls(owner: 'tap' | 'tapInjector', tls: VizWebhookTlsValues, out: ValidationIssue[]): void {
  const injected = !blank(tls.injectCaFrom) || !blank(tls.injectCaFromSecret);
  const caAlternatives = `${owner}.caBundle, ${owner}.injectCaFrom or ${owner}.injectCaFromSecret`;
  if (tls.externalSecret) {
    if (blank(tls.caBundle) && !injected) {
      out.push({ path: `${owner}.caBundle`, value: tls.caBundle, message: `${owner}.externalSecret is true, so one of ${caAlternatives} must be set` });
    }
    return;
  }
  const secretHint = `needed for the ${owner === 'tap' ? 'tap-k8s-tls' : 'tap-injector-k8s-tls'} Secret: set ${owner}.crtPEM and ${owner}.keyPEM, or ${owner}.externalSecret=true with a Secret you provide (meshform does not generate certificates at render time)`;
  if (blank(tls.crtPEM)) out.push({ path: `${owner}.crtPEM`, value: tls.crtPEM, message: `is required: ${secretHint}` });
  if (blank(tls.keyPEM)) out.push({ path: `${owner}.keyPEM`, value: tls.keyPEM, message: `is required: ${secretHint}` });
  if (blank(tls.caBundle) && !injected) {
    out.push({ path: `${owner}.caBundle`, value: tls.caBundle, message: `is required: set ${caAlternatives} to the CA that signed ${owner}.crtPEM` });
  }
}

function checkRuleMounts(mounts: unknown, out: ValidationIssue[]): void {
  if (mounts === undefined || mounts === null) return;
  if (!Array.isArray(mounts)) {
    out.push({ path: 'prometheus.ruleConfigMapMounts', value: mounts, message: 'must be a list of {name, subPath, configMap}' });
    return;
  }
  mounts.forEach((m, i) => {
    const at = `prometheus.ruleConfigMapMounts[${i}]`;
    if (!isTree(m)) {
      out.push({ path: at, value: m, message: 'must be a map {name, subPath, configMap}' });
      return;
    }
    for (const key of ['name', 'configMap']) {
      if (blank(m[key])) out.push({ path: `${at}.${key}`, value: m[key], message: 'is required (a string)' });
    }
    if (typeof m.subPath !== 'string' || !/_rules\.ya?ml$/.test(m.subPath)) {
      out.push({ path: `${at}.subPath`, value: m.subPath, message: 'must be a file name ending in _rules.yml or _rules.yaml' });
    }
  });
}

function checkPersistence(p: unknown, out: ValidationIssue[]): void {
  if (p === undefined || p === null) return;
  if (!isTree(p)) {
    out.push({ path: 'prometheus.persistence', value: p, message: 'must be a map {storageClass, accessMode, size}' });
    return;
  }
  const modes = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  const mode = oneOf(p.accessMode, modes);
  if (mode) out.push({ path: 'prometheus.persistence.accessMode', value: p.accessMode, message: mode });
  const size = p.size === undefined || p.size === '' ? 'is required: a quantity such as 8Gi' : quantity(p.size);
  if (size) out.push({ path: 'prometheus.persistence.size', value: p.size, message: size });
}

/** All issues with `values` (the resolved tree) and `user` (what the user wrote, for unknown keys). */
export function validateVizValues(values: VizValues, user: ValueTree, options: UnknownValuesOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const tree = values as unknown as ValueTree;

  issues.push(...refusedUnknownKeys(findUnknownKeys(user, vizKnownKeys()), options));
  issues.push(...checkShapes(user, vizDefaults() as unknown as ValueTree, { skip: new Set(VIZ_EXTRA_KEYS), freeForm: new Set(VIZ_FREE_FORM_KEYS) }));

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

  for (const owner of [...VIZ_COMPONENTS, 'prometheus']) {
    checkResources(`${owner}.resources`, getPath(tree, `${owner}.resources`), issues);
    checkProxy(owner, getPath(tree, `${owner}.proxy`), issues);
  }

  if (values.prometheus?.enabled === false && blank(values.prometheusUrl)) {
    issues.push({
      path: 'prometheusUrl',
      value: values.prometheusUrl,
      message: 'is required when prometheus.enabled is false: viz needs a Prometheus (enable prometheus or set prometheusUrl)',
    });
  }
  if (!blank(values.grafana?.url) && !blank(values.grafana?.externalUrl)) {
    issues.push({ path: 'grafana.externalUrl', value: values.grafana.externalUrl, message: 'cannot be set together with grafana.url (choose one)' });
  }
  if (isTree(values.tap)) checkTls('tap', values.tap, issues);
  if (isTree(values.tapInjector)) checkTls('tapInjector', values.tapInjector, issues);
  checkRuleMounts(values.prometheus?.ruleConfigMapMounts, issues);
  checkPersistence(values.prometheus?.persistence, issues);
  return dedupe(issues);
}

/** The shape check and a per-key check may both flag a path; report each path's first finding. */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (seen.has(i.path)) return false;
    seen.add(i.path);
    return true;
  });
}
