/**
 * Reading a mesh reference that app code was handed (a file, a stack output, an object literal):
 * every problem is collected and named by its path in the reference, the defaults are filled in, and
 * the proxy values the injector would apply are resolved (and validated) as upstream's chart does.
 */
import { MeshformError, type ValidationIssue } from '../errors.js';
import { parseCertificatesPem } from '../identity/pem.js';
import { dns1123LabelProblem, dnsDomainProblem } from '../k8s/name-rules.js';
import { LINKERD_VERSION } from '../versions.js';
import { parseYamlDocument } from '../yaml-input.js';
import { resolveMeshValues } from '../values/mesh/resolve.js';
import type { MeshValues } from '../values/mesh/types.js';
import { cloneValue, isTree, mergeValues, type ValueTree } from '../values/tree.js';
import { DEFAULT_CONTROL_PLANE_NAMESPACE } from './from-values.js';
import {
  MESH_REFERENCE_API_VERSION,
  MESH_REFERENCE_KIND,
  PROXY_DEFAULT_IDENTITY_KEYS,
  PROXY_DEFAULT_KEYS,
  type MeshReference,
} from './types.js';

/** A validated reference with every default filled in, and the mesh values it stands for. */
export interface ResolvedMeshReference {
  readonly reference: Required<Omit<MeshReference, 'trustAnchorsPem'>> & Pick<MeshReference, 'trustAnchorsPem'>;
  /**
   * The control plane's values as far as injection reads them (chart defaults ⊕ `proxyDefaults` ⊕
   * the reference's versions, domains and anchors); no identity issuer.
   */
  readonly values: MeshValues;
  /** The upstream value keys `values` was resolved from (for a caller that layers its own on top, as inject does). */
  readonly valueTree: ValueTree;
}

const FIELDS = ['apiVersion', 'kind', 'linkerdVersion', 'proxyVersion', 'controlPlaneNamespace', 'clusterDomain', 'trustDomain', 'trustAnchorsPem', 'proxyDefaults'];

/** Where a values issue points in the reference: its own fields, else under `proxyDefaults`. */
const VALUE_PATHS: Readonly<Record<string, string>> = {
  linkerdVersion: 'linkerdVersion',
  'proxy.image.version': 'proxyVersion',
  clusterDomain: 'clusterDomain',
  identityTrustDomain: 'trustDomain',
  identityTrustAnchorsPEM: 'trustAnchorsPem',
};

function referencePath(valuePath: string): string {
  return VALUE_PATHS[valuePath] ?? `proxyDefaults.${valuePath}`;
}

function checkFields(input: Record<string, unknown>, issues: ValidationIssue[]): void {
  if (input.apiVersion !== MESH_REFERENCE_API_VERSION) {
    issues.push({ path: 'apiVersion', value: input.apiVersion, message: `must be ${MESH_REFERENCE_API_VERSION}` });
  }
  if (input.kind !== MESH_REFERENCE_KIND) issues.push({ path: 'kind', value: input.kind, message: `must be ${MESH_REFERENCE_KIND}` });
  for (const key of Object.keys(input)) {
    if (!FIELDS.includes(key)) issues.push({ path: key, value: input[key], message: `is not a MeshReference field (allowed: ${FIELDS.join(', ')})` });
  }
  for (const key of ['linkerdVersion', 'proxyVersion', 'controlPlaneNamespace', 'clusterDomain', 'trustDomain', 'trustAnchorsPem']) {
    const value = input[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      issues.push({ path: key, value, message: 'must be a non-empty string (leave it out for the default)' });
    }
  }
  const ns = input.controlPlaneNamespace;
  const nsProblem = typeof ns === 'string' && ns ? dns1123LabelProblem(ns) : undefined;
  if (nsProblem) issues.push({ path: 'controlPlaneNamespace', value: ns, message: nsProblem });
  for (const key of ['clusterDomain', 'trustDomain']) {
    const value = input[key];
    const problem = typeof value === 'string' && value ? dnsDomainProblem(value) : undefined;
    if (problem) issues.push({ path: key, value, message: problem });
  }
  const anchors = input.trustAnchorsPem;
  if (typeof anchors === 'string' && anchors) {
    const parsed = parseCertificatesPem(anchors);
    if (!parsed.ok || !parsed.value.length) issues.push({ path: 'trustAnchorsPem', value: anchors, message: `must be PEM certificates${parsed.ok ? '' : `: ${parsed.error}`}` });
  }
  checkProxyDefaults(input.proxyDefaults, issues);
}

function checkProxyDefaults(defaults: unknown, issues: ValidationIssue[]): void {
  if (defaults === undefined) return;
  if (!isTree(defaults)) {
    issues.push({ path: 'proxyDefaults', value: defaults, message: 'must be a map of upstream value keys' });
    return;
  }
  for (const key of Object.keys(defaults)) {
    if (!PROXY_DEFAULT_KEYS.includes(key)) {
      issues.push({ path: `proxyDefaults.${key}`, value: undefined, message: `is not an injection value (allowed: ${PROXY_DEFAULT_KEYS.join(', ')})` });
    }
  }
  const identity = defaults.identity;
  if (isTree(identity)) {
    for (const key of Object.keys(identity)) {
      if (!PROXY_DEFAULT_IDENTITY_KEYS.includes(key)) {
        issues.push({ path: `proxyDefaults.identity.${key}`, value: undefined, message: `is not an injection value (allowed: ${PROXY_DEFAULT_IDENTITY_KEYS.join(', ')}); a reference holds no issuer` });
      }
    }
  }
  const image = isTree(defaults.proxy) && isTree(defaults.proxy.image) ? defaults.proxy.image : undefined;
  if (image?.version !== undefined) {
    issues.push({ path: 'proxyDefaults.proxy.image.version', value: image.version, message: 'give the proxy version as proxyVersion' });
  }
}

/** The user values the reference stands for: its proxy defaults plus its top-level facts. */
function userValuesOf(ref: ResolvedMeshReference['reference']): ValueTree {
  const user = cloneValue(ref.proxyDefaults);
  const top: ValueTree = {
    linkerdVersion: ref.linkerdVersion,
    clusterDomain: ref.clusterDomain,
    // The chart's own fallback (trust domain = cluster domain) is kept when they agree.
    ...(ref.trustDomain !== ref.clusterDomain ? { identityTrustDomain: ref.trustDomain } : {}),
    ...(ref.trustAnchorsPem ? { identityTrustAnchorsPEM: ref.trustAnchorsPem } : {}),
    ...(ref.proxyVersion !== ref.linkerdVersion ? { proxy: { image: { version: ref.proxyVersion } } } : {}),
  };
  return mergeValues(user, top);
}

/** A copy of `proxyDefaults` without the keys already reported (the whole map when it is no map). */
function withoutFlagged(defaults: unknown, flagged: ReadonlySet<string>): ValueTree {
  if (!isTree(defaults) || flagged.has('proxyDefaults')) return {};
  const out = cloneValue(defaults);
  for (const path of flagged) {
    if (!path.startsWith('proxyDefaults.')) continue;
    const keys = path.split('.').slice(1);
    let node: unknown = out;
    for (const key of keys.slice(0, -1)) node = isTree(node) ? node[key] : undefined;
    if (isTree(node)) delete node[keys[keys.length - 1]];
  }
  return out;
}

const cache = new WeakMap<object, ResolvedMeshReference>();

/** Validates `input` (all problems at once, by path) and resolves it; throws a MeshformError. */
export function resolveMeshReference(input: unknown, source = 'mesh reference'): ResolvedMeshReference {
  if (typeof input === 'object' && input !== null) {
    const cached = cache.get(input);
    if (cached) return cached;
  }
  if (!isTree(input)) throw new MeshformError(`invalid ${source}`, [{ path: '', value: input, message: `must be a ${MESH_REFERENCE_KIND} object (apiVersion ${MESH_REFERENCE_API_VERSION})` }]);
  const issues: ValidationIssue[] = [];
  checkFields(input, issues);
  // The values are checked too, from the fields that passed, so one run reports every problem.
  const flagged = new Set(issues.map((i) => i.path));
  const field = (key: string): string | undefined => (!flagged.has(key) && typeof input[key] === 'string' && input[key] ? (input[key] as string) : undefined);
  const linkerdVersion = field('linkerdVersion') ?? LINKERD_VERSION;
  const clusterDomain = field('clusterDomain') ?? 'cluster.local';
  const trustAnchorsPem = field('trustAnchorsPem');
  const reference: ResolvedMeshReference['reference'] = {
    apiVersion: MESH_REFERENCE_API_VERSION,
    kind: MESH_REFERENCE_KIND,
    linkerdVersion,
    proxyVersion: field('proxyVersion') ?? linkerdVersion,
    controlPlaneNamespace: field('controlPlaneNamespace') ?? DEFAULT_CONTROL_PLANE_NAMESPACE,
    clusterDomain,
    trustDomain: field('trustDomain') ?? clusterDomain,
    ...(trustAnchorsPem ? { trustAnchorsPem } : {}),
    proxyDefaults: withoutFlagged(input.proxyDefaults, flagged),
  };
  const valueTree = userValuesOf(reference);
  let values: MeshValues | undefined;
  try {
    values = resolveMeshValues({ user: valueTree, crdsOnly: true });
  } catch (e) {
    if (!(e instanceof MeshformError)) throw e;
    issues.push(...e.issues.map((issue) => ({ ...issue, path: referencePath(issue.path) })));
  }
  if (issues.length || !values) throw new MeshformError(`invalid ${source}`, issues);
  const resolved = { reference, values, valueTree };
  cache.set(input, resolved);
  return resolved;
}

/** Validates `input` and returns it complete (every default written out): what `meshform reference` prints. */
export function parseMeshReference(input: unknown, source?: string): MeshReference {
  return resolveMeshReference(input, source).reference;
}

/** What manual injection needs that annotation mode does not: the trust anchors. */
export function manualReferenceIssues(ref: MeshReference): ValidationIssue[] {
  if (ref.trustAnchorsPem?.trim()) return [];
  return [{
    path: 'trustAnchorsPem',
    value: undefined,
    message: 'is required for manual injection (the anchors are written into every proxy): export the reference from the mesh ' +
      '(meshform reference, Mesh.reference) or add the anchors; annotation mode needs none, the proxy injector adds them',
  }];
}

/** A reference written as YAML or JSON (what `meshform reference` prints), validated and completed. */
export function parseMeshReferenceText(text: string, source = 'mesh reference'): MeshReference {
  return parseMeshReference(parseYamlDocument(text, source), source);
}
