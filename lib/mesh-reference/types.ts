/**
 * A mesh reference: the public facts about an installed mesh that app code needs to mesh its own
 * workloads — versions, domains, the control plane's namespace, the trust anchors and the proxy
 * defaults the injector applies — and nothing secret (no issuer, no private key). The platform side
 * exports it (from a `Mesh`, its values, a render or a `kubectl get cm linkerd-config -o yaml` dump);
 * app code passes it to `meshWorkload` and friends. A plain JSON object, so it can be written to a
 * file, a Pulumi stack output or a package, and read back with `parseMeshReference`.
 */
import type { ValueTree } from '../values/tree.js';

export const MESH_REFERENCE_API_VERSION = 'meshform.io/v1alpha1';
export const MESH_REFERENCE_KIND = 'MeshReference';

export interface MeshReference {
  /** Format version, so the shape can evolve: `meshform.io/v1alpha1`. */
  readonly apiVersion: typeof MESH_REFERENCE_API_VERSION;
  readonly kind: typeof MESH_REFERENCE_KIND;
  /** Linkerd release the control plane runs. @default - this meshform's release (edge-26.8.3) */
  readonly linkerdVersion?: string;
  /** Tag of the proxy image the injector adds (upstream's `proxy.image.version`). @default - `linkerdVersion` */
  readonly proxyVersion?: string;
  /** Namespace of the control plane. @default 'linkerd' */
  readonly controlPlaneNamespace?: string;
  /** Kubernetes cluster domain. @default 'cluster.local' */
  readonly clusterDomain?: string;
  /** Identity trust domain. @default - `clusterDomain` */
  readonly trustDomain?: string;
  /**
   * The trust anchors (PEM certificates) proxies verify peers with. Annotation mode does not need
   * them (the injector adds them at admission); manual mode writes them into every proxy and refuses
   * without them. With them, the mesh-revision annotation changes when they rotate.
   * @default - none: annotation mode only
   */
  readonly trustAnchorsPem?: string;
  /**
   * The installed mesh's injection values that differ from the chart defaults, as upstream value keys
   * under `proxy`, `proxyInit`, `debugContainer`, `networkValidator`, `cniEnabled`, `disableIPv6`,
   * `clusterNetworks`, `imagePullPolicy`, `proxyContainerName` and `identity.serviceAccountTokenProjection`
   * / `identity.externalCA`: what the injector's proxies get, and what manual mode renders.
   * @default {} (the chart defaults)
   */
  readonly proxyDefaults?: ValueTree;
}

/** The top-level value keys `proxyDefaults` may hold (identity only the two injection reads). */
export const PROXY_DEFAULT_KEYS: readonly string[] = [
  'proxy',
  'proxyInit',
  'debugContainer',
  'networkValidator',
  'cniEnabled',
  'disableIPv6',
  'clusterNetworks',
  'imagePullPolicy',
  'proxyContainerName',
  'identity',
];

/** The keys under `proxyDefaults.identity`: the rest of `identity` is the issuer's business. */
export const PROXY_DEFAULT_IDENTITY_KEYS: readonly string[] = ['serviceAccountTokenProjection', 'externalCA'];
