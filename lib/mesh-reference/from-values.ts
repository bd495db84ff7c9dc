/**
 * Mesh references exported from the platform side's values. Every source goes through the
 * `linkerd-config` values dump (what the proxy injector itself reads in the cluster), so a reference
 * from a `Mesh`, from its values, from a render and from a kubectl dump of the ConfigMap are equal.
 */
import { LINKERD_VERSION } from '../versions.js';
import { configValuesDump } from '../values/mesh/config-dump.js';
import { storedOverrides } from '../values/mesh/stored-values.js';
import { meshKnownKeys } from '../values/mesh/known-keys.js';
import type { MeshValues } from '../values/mesh/types.js';
import { isTree, parseKeyPathSafe, type ValueTree } from '../values/tree.js';
import { findUnknownKeys } from '../values/unknown-keys.js';
import {
  MESH_REFERENCE_API_VERSION,
  MESH_REFERENCE_KIND,
  PROXY_DEFAULT_IDENTITY_KEYS,
  PROXY_DEFAULT_KEYS,
  type MeshReference,
} from './types.js';

/** The control plane's namespace when nothing says otherwise (upstream's default). */
export const DEFAULT_CONTROL_PLANE_NAMESPACE = 'linkerd';

export interface MeshReferenceSourceOptions {
  /** Namespace the control plane was installed into. @default 'linkerd' */
  readonly controlPlaneNamespace?: string;
  /**
   * Trust anchors to use when the values dump has none (an external CA: the
   * `linkerd-identity-trust-roots` ConfigMap's bundle). @default - none
   */
  readonly fallbackTrustAnchorsPem?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `tree` restricted to the injection keys, without the version (a top-level field of the reference). */
function proxyDefaultsOf(overrides: ValueTree): ValueTree {
  const out: ValueTree = {};
  for (const key of PROXY_DEFAULT_KEYS) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (key === 'identity') {
      if (!isTree(value)) continue;
      const identity = Object.fromEntries(PROXY_DEFAULT_IDENTITY_KEYS.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
      if (Object.keys(identity).length) out.identity = identity;
      continue;
    }
    out[key] = value;
  }
  const image = isTree(out.proxy) && isTree(out.proxy.image) ? out.proxy.image : undefined;
  if (image && 'version' in image) {
    delete image.version;
    if (!Object.keys(image).length) delete (out.proxy as ValueTree).image;
    if (!Object.keys(out.proxy as ValueTree).length) delete out.proxy;
  }
  return withoutUnknownKeys(out);
}

/**
 * `tree` without keys the chart does not define (kept by `allowUnknownValues`): no template reads
 * them, and a reference must read back through its own validation.
 */
function withoutUnknownKeys(tree: ValueTree): ValueTree {
  for (const issue of findUnknownKeys(tree, meshKnownKeys())) {
    const path = parseKeyPathSafe(issue.path);
    let node: unknown = tree;
    for (const key of path.slice(0, -1)) node = isTree(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (isTree(node)) delete node[String(path[path.length - 1])];
  }
  return tree;
}

/** A reference from a `linkerd-config` values dump (a parsed `data.values`). */
export function meshReferenceFromDump(dump: ValueTree, options: MeshReferenceSourceOptions = {}): MeshReference {
  const linkerdVersion = text(dump.linkerdVersion) || LINKERD_VERSION;
  const proxy = isTree(dump.proxy) ? dump.proxy : {};
  const image = isTree(proxy.image) ? proxy.image : {};
  const clusterDomain = text(dump.clusterDomain) || 'cluster.local';
  // The injector writes the dump's anchors into each proxy; the ConfigMap is the fallback for an external CA.
  const anchors = text(dump.identityTrustAnchorsPEM).trim() ? text(dump.identityTrustAnchorsPEM) : (options.fallbackTrustAnchorsPem ?? '');
  return {
    apiVersion: MESH_REFERENCE_API_VERSION,
    kind: MESH_REFERENCE_KIND,
    linkerdVersion,
    proxyVersion: text(image.version) || linkerdVersion,
    controlPlaneNamespace: options.controlPlaneNamespace ?? DEFAULT_CONTROL_PLANE_NAMESPACE,
    clusterDomain,
    trustDomain: text(dump.identityTrustDomain) || clusterDomain,
    ...(anchors.trim() ? { trustAnchorsPem: anchors } : {}),
    proxyDefaults: proxyDefaultsOf(storedOverrides(dump)),
  };
}

/** A reference from the control plane's resolved values (`Mesh.values`, `resolveMeshValues(...)`). */
export function meshReferenceFromValues(values: MeshValues, options: MeshReferenceSourceOptions = {}): MeshReference {
  return meshReferenceFromDump(configValuesDump(values), options);
}

/** What a `Mesh` construct exposes (and anything else holding an installed control plane's values). */
export interface InstalledMesh {
  /** The control plane's resolved values. */
  readonly values: MeshValues;
  /** The control plane's namespace. */
  readonly namespace: string;
}

/** The reference of a `Mesh` (`Mesh.reference`): what app code needs to mesh into it. */
export function meshReference(mesh: InstalledMesh): MeshReference {
  return meshReferenceFromValues(mesh.values, { controlPlaneNamespace: mesh.namespace });
}
