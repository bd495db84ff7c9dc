/**
 * The whole mesh prepared from one typed spec: the control plane (and CRDs), then each enabled
 * extension reading the prepared control plane. What `Mesh` renders, phase by phase; every problem is
 * found here, before any chart exists.
 */
import type { CertManagerIdentityOptions } from '../identity/cert-manager-options.js';
import { meshPropsToValues, type ControlPlaneProps } from '../props/mesh-props.js';
import type { CniValues } from '../values/cni/types.js';
import type { MulticlusterValues } from '../values/multicluster/types.js';
import type { ValueTree } from '../values/tree.js';
import { prepareControlPlane, type PreparedControlPlane } from './control-plane.js';
import { prepareCni, prepareMulticluster, prepareViz, type PreparedExtension, type PreparedViz } from './extensions.js';
import { DEFAULT_NAMESPACES } from './namespaces.js';

/** An optional extension phase. */
export interface ExtensionProps {
  /** @default true (giving the options enables the extension) */
  readonly enabled?: boolean;
  /** Upstream's `--ha` overlay for this extension. @default - the mesh's `ha` */
  readonly ha?: boolean;
  /** Upstream values for the extension's chart (Helm semantics). @default {} */
  readonly values?: ValueTree;
  /** Namespace the extension is installed into. @default - upstream's (linkerd-viz, linkerd-cni, linkerd-multicluster) */
  readonly namespace?: string;
}

/** @deprecated Use `ExtensionProps`. */
export type ExtensionOptions = ExtensionProps;

/** How the mesh's identity and webhook certificates are provisioned. */
export interface MeshIdentityProps {
  /**
   * Identity mode `cert-manager`: issue everything in-cluster with cert-manager, and distribute the
   * trust anchors with trust-manager: the render then contains no certificate or key at all. Adds the
   * `cert-manager-identity` chart (after the CRDs, before the control plane), the identity issuer and
   * webhook Certificates to the control-plane chart, tap's and tap-injector's to viz, and values
   * overlays (`identity.issuer.scheme: kubernetes.io/tls`, `identity.externalCA: true`, webhooks'
   * `externalSecret` + `injectCaFrom`) under the user's values, which still win.
   * Needs cert-manager and trust-manager in the cluster: see docs/identity-cert-manager.md.
   * @default - not used: certificates come from `mesh.identity` / the values
   */
  readonly certManager?: CertManagerIdentityOptions;
}

/** @deprecated Use `MeshIdentityProps`. */
export type MeshIdentitySpec = MeshIdentityProps;

/** Props of `Mesh`: every install phase from one spec. */
export interface MeshProps {
  /** The control plane (and CRDs). */
  readonly mesh: ControlPlaneProps;
  /** Control-plane namespace. @default 'linkerd' */
  readonly namespace?: string;
  /** The CNI plugin. @default - installed when `mesh.cniEnabled` is true */
  readonly cni?: ExtensionProps;
  /** The viz extension (dashboard, metrics API, tap, Prometheus). @default - not installed */
  readonly viz?: ExtensionProps;
  /** The multicluster extension. @default - not installed */
  readonly multicluster?: ExtensionProps;
  /** Identity provisioning. @default - certificates from `mesh.identity` / the values */
  readonly identity?: MeshIdentityProps;
  /**
   * Keep value keys a chart does not define (in `mesh.values` or an extension's `values`), as Helm
   * does, instead of refusing them; they reach `linkerd-config`'s values dump verbatim and are listed
   * in the warnings. The CLI's `--allow-unknown-values`.
   * @default false
   */
  readonly allowUnknownValues?: boolean;
}

/** @deprecated Use `MeshProps` (of `Mesh`; the control plane's own props are `ControlPlaneProps`). */
export type MeshSpec = MeshProps;

/** Every enabled phase, prepared. */
export interface PreparedMesh {
  /** The control plane; the CRDs render from its values too. */
  readonly controlPlane: PreparedControlPlane;
  /** @default - CNI not installed */
  readonly cni?: PreparedExtension<CniValues>;
  /** @default - viz not installed */
  readonly viz?: PreparedViz;
  /** @default - multicluster not installed */
  readonly multicluster?: PreparedExtension<MulticlusterValues>;
  /** What resolution warned about (with `allowUnknownValues`: the kept unknown keys). */
  readonly warnings: readonly string[];
}

const enabled = (o: ExtensionProps | undefined, fallback = false): boolean => (o ? o.enabled ?? true : fallback);

/** Prepares every phase `props` enables; throws one `MeshformError` per refused phase. */
export function prepareMesh(props: MeshProps): PreparedMesh {
  const warnings: string[] = [];
  const unknownValues = { allowUnknownValues: props.allowUnknownValues, warn: (m: string) => warnings.push(m) };
  const controlPlane = prepareControlPlane({
    user: meshPropsToValues(props.mesh),
    ha: props.mesh.ha,
    namespace: props.namespace,
    ...(props.identity?.certManager ? { certManager: props.identity.certManager, vizNamespace: props.viz?.namespace ?? DEFAULT_NAMESPACES.viz } : {}),
    ...unknownValues,
  });
  const extension = (o: ExtensionProps | undefined) => ({ user: o?.values ?? {}, ha: o?.ha, namespace: o?.namespace, ...unknownValues });
  return {
    controlPlane,
    ...(enabled(props.cni, controlPlane.values.cniEnabled) ? { cni: prepareCni(extension(props.cni), controlPlane) } : {}),
    ...(enabled(props.viz) ? { viz: prepareViz(extension(props.viz), controlPlane) } : {}),
    ...(enabled(props.multicluster) ? { multicluster: prepareMulticluster(extension(props.multicluster), controlPlane) } : {}),
    warnings,
  };
}
