/**
 * Options shared by the app-code meshing helpers (`meshWorkload`, `meshPodTemplate`, `meshNamespace`).
 */
import type { MeshReference } from '../../lib/mesh-reference/types.js';
import type { ProxyConfig } from '../../lib/proxy-config/types.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';

/**
 * `annotation`: the pod template gets `linkerd.io/inject` and the `config.linkerd.io/*` overrides, and
 * the cluster's proxy injector adds the proxy at admission (what `linkerd inject` does by default).
 * `manual`: the full sidecar is written into the manifest (`linkerd inject --manual`), for clusters
 * or pods the webhook does not reach.
 */
export type MeshMode = 'annotation' | 'manual';

export interface MeshNamespaceOptions {
  /** Per-namespace proxy overrides, inherited by every pod that does not set its own. @default - none */
  readonly proxyConfig?: ProxyConfig;
  /** Mesh as an ingress (`linkerd.io/inject: ingress`). @default false */
  readonly ingressMode?: boolean;
}

export interface MeshWorkloadOptions {
  /**
   * The installed mesh's public facts (`Mesh.reference`, `meshform reference`, `meshReferenceFromManifests`):
   * the revision annotation is derived from it, and manual mode renders the sidecar from it (manual
   * mode needs its `trustAnchorsPem`; annotation mode needs no anchors). Give this or `meshValues`.
   * @default - `meshValues`
   */
  readonly mesh?: MeshReference;
  /**
   * The installed mesh's resolved values, the older way in (they hold the issuer when resolved for an
   * install). Give `mesh` or this, not both.
   * @default - `mesh`
   * @deprecated pass `mesh: meshReferenceFromValues(values)` (or `Mesh.reference`) instead.
   */
  readonly meshValues?: MeshValues;
  /** @default 'annotation' */
  readonly mode?: MeshMode;
  /** Per-workload proxy overrides, written as `config.linkerd.io/*` annotations. @default - none */
  readonly proxyConfig?: ProxyConfig;
  /**
   * Mesh an ingress controller: `linkerd.io/inject: ingress`, so the proxy routes on the
   * `l5d-dst-override` header the controller sets (see `nginxIngressAnnotations`). Combine with
   * `proxyConfig.skipInboundPorts` to keep, e.g., the controller's admission webhook port out of the proxy.
   * @default false
   */
  readonly ingressMode?: boolean;
  /**
   * Add the `meshform.io/mesh-revision` annotation so the pods roll when the mesh's proxy version or
   * trust anchors change. @default true
   */
  readonly rollOnMeshChange?: boolean;
  /**
   * Namespace of the control plane (manual mode: where the proxy finds identity and destination).
   * @default - the reference's `controlPlaneNamespace`, else 'linkerd'
   */
  readonly controlPlaneNamespace?: string;
}
