/**
 * Validation of resolved multicluster values: every problem is collected (key path, value, what is
 * allowed) so the user fixes a values file in one pass.
 */
import { IssueCollector, type ValidationIssue } from '../../errors.js';
import { dns1123LabelProblem, dns1123LabelProblemUpTo, dns1123SubdomainProblemUpTo, dnsDomainProblem } from '../../k8s/name-rules.js';
import { LOG_FORMATS, LOG_LEVELS, PULL_POLICIES, cidr, integerInRange, isBoolean, isString, oneOf, port, userId } from '../checks.js';
import { checkResources } from '../cni/validate.js';
import { isTree } from '../tree.js';
import type { MulticlusterValues } from './types.js';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
const TRAFFIC_POLICIES = ['', 'Cluster', 'Local'] as const;
/** A Link's name: `controller-<name>` names its controller's objects and must stay a DNS-1123 label. */
const linkNameProblem = dns1123LabelProblemUpTo(63 - 'controller-'.length);
/** The remote-access ServiceAccount's name: its token Secret is `<name>-token`. */
const serviceAccountNameProblem = dns1123SubdomainProblemUpTo(253 - '-token'.length);

type Tree = Record<string, unknown>;
const tree = (v: unknown): Tree => (isTree(v) ? v : {});

/** A free-form map; absent (a `null` removed the default) renders as empty. */
function stringMap(issues: IssueCollector, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isTree(value)) return issues.add(path, value, 'must be a map of strings');
  for (const [k, v] of Object.entries(value)) issues.check(`${path}.${k}`, v, isString(v));
}

function listOfMaps(issues: IssueCollector, path: string, value: unknown, optional = true): void {
  if (value === undefined && optional) return;
  if (!Array.isArray(value)) return issues.add(path, value, 'must be a list');
  value.forEach((item, i) => issues.check(`${path}[${i}]`, item, isTree(item) ? undefined : 'must be a map'));
}

function optionalNodePort(issues: IssueCollector, path: string, value: unknown): void {
  if (value !== undefined && value !== null && value !== '') issues.check(path, value, integerInRange(value, 1, 65535) && 'must be a node port number (usually 30000-32767)');
}

function image(issues: IssueCollector, path: string, value: unknown): void {
  const img = tree(value);
  issues.check(`${path}.name`, img.name, typeof img.name === 'string' && img.name !== '' ? undefined : 'must be a non-empty image name');
  issues.check(`${path}.version`, img.version, isString(img.version));
  issues.check(`${path}.pullPolicy`, img.pullPolicy, oneOf(img.pullPolicy, PULL_POLICIES));
}

function checkGateway(issues: IssueCollector, value: unknown): void {
  const g = tree(value);
  issues.check('gateway.enabled', g.enabled, isBoolean(g.enabled));
  issues.check('gateway.replicas', g.replicas, integerInRange(g.replicas, 0));
  issues.check('gateway.name', g.name, dns1123LabelProblem(g.name));
  issues.check('gateway.port', g.port, port(g.port));
  issues.check('gateway.serviceType', g.serviceType, oneOf(g.serviceType, SERVICE_TYPES));
  optionalNodePort(issues, 'gateway.nodePort', g.nodePort);
  optionalNodePort(issues, 'gateway.healthCheckNodePort', g.healthCheckNodePort);
  const probe = tree(g.probe);
  issues.check('gateway.probe.path', probe.path, typeof probe.path === 'string' && probe.path.startsWith('/') ? undefined : 'must be an HTTP path starting with /');
  issues.check('gateway.probe.port', probe.port, port(probe.port));
  issues.check('gateway.probe.seconds', probe.seconds, integerInRange(probe.seconds, 1));
  optionalNodePort(issues, 'gateway.probe.nodePort', probe.nodePort);
  stringMap(issues, 'gateway.serviceAnnotations', g.serviceAnnotations);
  stringMap(issues, 'gateway.deploymentAnnotations', g.deploymentAnnotations);
  stringMap(issues, 'gateway.nodeSelector', g.nodeSelector);
  listOfMaps(issues, 'gateway.tolerations', g.tolerations);
  issues.check('gateway.serviceExternalTrafficPolicy', g.serviceExternalTrafficPolicy, oneOf(g.serviceExternalTrafficPolicy, TRAFFIC_POLICIES));
  issues.check('gateway.loadBalancerClass', g.loadBalancerClass, isString(g.loadBalancerClass));
  issues.check('gateway.loadBalancerIP', g.loadBalancerIP, isString(g.loadBalancerIP));
  if (!Array.isArray(g.loadBalancerSourceRanges)) issues.add('gateway.loadBalancerSourceRanges', g.loadBalancerSourceRanges, 'must be a list of CIDRs');
  else g.loadBalancerSourceRanges.forEach((r, i) => issues.check(`gateway.loadBalancerSourceRanges[${i}]`, r, cidr(r)));
  const grace = g.terminationGracePeriodSeconds;
  if (grace !== '' && grace !== undefined && grace !== null) issues.check('gateway.terminationGracePeriodSeconds', grace, integerInRange(grace, 0));
  issues.check('gateway.pauseImage', g.pauseImage, typeof g.pauseImage === 'string' && g.pauseImage !== '' ? undefined : 'must be a non-empty image reference');
  issues.check('gateway.UID', g.UID, userId(g.UID));
  issues.check('gateway.GID', g.GID, userId(g.GID));
}

/** The settings shared by `controllerDefaults` and each (merged) `controllers[]` entry. */
function checkControllerSettings(issues: IssueCollector, path: string, value: unknown): void {
  const c = tree(value);
  issues.check(`${path}.replicas`, c.replicas, integerInRange(c.replicas, 0));
  image(issues, `${path}.image`, c.image);
  const gw = tree(c.gateway);
  issues.check(`${path}.gateway.enabled`, gw.enabled, isBoolean(gw.enabled));
  issues.check(`${path}.gateway.probe.port`, tree(gw.probe).port, port(tree(gw.probe).port));
  issues.check(`${path}.logLevel`, c.logLevel, oneOf(c.logLevel, LOG_LEVELS));
  issues.check(`${path}.logFormat`, c.logFormat, oneOf(c.logFormat, LOG_FORMATS));
  for (const k of ['enableHeadlessServices', 'enablePprof', 'enablePodAntiAffinity']) issues.check(`${path}.${k}`, c[k], isBoolean(c[k]));
  issues.check(`${path}.UID`, c.UID, userId(c.UID));
  issues.check(`${path}.GID`, c.GID, userId(c.GID));
  issues.check(`${path}.retryLimit`, c.retryLimit, integerInRange(c.retryLimit, 0));
  checkResources(issues, `${path}.resources`, c.resources);
  stringMap(issues, `${path}.nodeSelector`, c.nodeSelector);
  // Upstream's default is `{}`; anything non-empty must be a toleration list.
  if (!(isTree(c.tolerations) && Object.keys(c.tolerations).length === 0)) listOfMaps(issues, `${path}.tolerations`, c.tolerations);
  if (c.nodeAffinity !== undefined && !isTree(c.nodeAffinity)) issues.add(`${path}.nodeAffinity`, c.nodeAffinity, 'must be a map (a Kubernetes NodeAffinity)');
}

export function validateMulticlusterValues(values: MulticlusterValues): ValidationIssue[] {
  const v = values as unknown as Tree;
  const issues = new IssueCollector();
  checkGateway(issues, v.gateway);
  issues.check('linkerdVersion', v.linkerdVersion, typeof v.linkerdVersion === 'string' && v.linkerdVersion !== '' ? undefined : 'must be a non-empty version tag');
  for (const k of ['podAnnotations', 'podLabels', 'commonLabels']) stringMap(issues, k, v[k]);
  issues.check('imagePullPolicy', v.imagePullPolicy, oneOf(v.imagePullPolicy, PULL_POLICIES.filter((p) => p !== '')));
  listOfMaps(issues, 'imagePullSecrets', v.imagePullSecrets, false);
  issues.check('proxyOutboundPort', v.proxyOutboundPort, port(v.proxyOutboundPort));
  for (const k of ['remoteMirrorServiceAccount', 'enablePSP', 'enableNamespaceCreation', 'enablePodAntiAffinity', 'createNamespaceMetadataJob']) {
    issues.check(k, v[k], isBoolean(v[k]));
  }
  issues.check('remoteMirrorServiceAccountName', v.remoteMirrorServiceAccountName, serviceAccountNameProblem(v.remoteMirrorServiceAccountName));
  issues.check('linkerdNamespace', v.linkerdNamespace, dns1123LabelProblem(v.linkerdNamespace));
  issues.check('identityTrustDomain', v.identityTrustDomain, dnsDomainProblem(v.identityTrustDomain));
  if (v.nodeAffinity !== undefined && v.nodeAffinity !== null && !isTree(v.nodeAffinity)) issues.add('nodeAffinity', v.nodeAffinity, 'must be a map (a Kubernetes NodeAffinity)');
  issues.check('revisionHistoryLimit', v.revisionHistoryLimit, integerInRange(v.revisionHistoryLimit, 0));

  const lsm = tree(v.localServiceMirror);
  issues.check('localServiceMirror.serviceMirrorRetryLimit', lsm.serviceMirrorRetryLimit, integerInRange(lsm.serviceMirrorRetryLimit, 0));
  for (const k of ['federatedServiceSelector', 'excludedLabels', 'excludedAnnotations']) issues.check(`localServiceMirror.${k}`, lsm[k], isString(lsm[k]));
  issues.check('localServiceMirror.replicas', lsm.replicas, integerInRange(lsm.replicas, 0));
  image(issues, 'localServiceMirror.image', lsm.image);
  issues.check('localServiceMirror.logLevel', lsm.logLevel, oneOf(lsm.logLevel, LOG_LEVELS));
  issues.check('localServiceMirror.logFormat', lsm.logFormat, oneOf(lsm.logFormat, LOG_FORMATS));
  issues.check('localServiceMirror.enablePprof', lsm.enablePprof, isBoolean(lsm.enablePprof));
  issues.check('localServiceMirror.UID', lsm.UID, userId(lsm.UID));
  issues.check('localServiceMirror.GID', lsm.GID, userId(lsm.GID));
  checkResources(issues, 'localServiceMirror.resources', lsm.resources);

  checkControllerSettings(issues, 'controllerDefaults', v.controllerDefaults);
  if (!Array.isArray(v.controllers)) {
    issues.add('controllers', v.controllers, 'must be a list of {link: {ref: {name: <Link name>}}, ...}');
  } else {
    const seen = new Set<string>();
    v.controllers.forEach((entry, i) => {
      const path = `controllers[${i}]`;
      const name = tree(tree(tree(entry).link).ref).name;
      if (name === undefined || name === '') {
        issues.add(`${path}.link.ref.name`, name, 'is required: the name of the Link this controller mirrors');
      } else {
        issues.check(`${path}.link.ref.name`, name, linkNameProblem(name));
        if (typeof name === 'string' && seen.has(name)) issues.add(`${path}.link.ref.name`, name, 'duplicates an earlier controller for the same Link');
        if (typeof name === 'string') seen.add(name);
      }
      checkControllerSettings(issues, path, entry);
    });
  }
  return [...issues.issues];
}
