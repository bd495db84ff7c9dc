/**
 * `Mesh`: the whole mesh from one typed spec. Creates every enabled install phase as its own chart —
 * CRDs, CNI, control plane, viz, multicluster — with apply-order dependencies between them, so
 * `cdk8s synth` numbers the files in the order `kubectl apply` needs and the Pulumi stacks get the
 * same edges as `dependsOn`.
 *
 * With `identity.certManager`, a `cert-manager-identity` chart comes between the CRDs and the CNI /
 * control plane, and no certificate or key passes through the render.
 *
 * Extensions read what they need from the control plane's resolved values (namespace, trust domain,
 * CNI mode, outbound port), as upstream's `viz install` / `multicluster install` read `linkerd-config`;
 * the user's extension values still win.
 */
import { Construct } from 'constructs';
import { certManagerControlPlaneValues, certManagerVizValues } from '../lib/identity/cert-manager.js';
import {
  resolveCertManagerIdentity,
  type CertManagerIdentityOptions,
  type ResolvedCertManagerIdentity,
} from '../lib/identity/cert-manager-options.js';
import type { MeshProps } from '../lib/props/mesh-props.js';
import { meshPropsToValues, resolveMeshProps } from '../lib/props/mesh-props.js';
import { resolveMeshValues } from '../lib/values/mesh/resolve.js';
import { mergeUserValues, type ValueTree } from '../lib/values/tree.js';
import type { MeshValues } from '../lib/values/mesh/types.js';
import { meshReference, type MeshReference } from '../lib/mesh-reference/index.js';
import { resolveCniValues } from '../lib/values/cni/resolve.js';
import { resolveVizValues } from '../lib/values/viz/resolve.js';
import { resolveMulticlusterValues } from '../lib/values/multicluster/resolve.js';
import { CrdsChart } from './crds/crds-chart.js';
import { ControlPlaneChart } from './control-plane/control-plane-chart.js';
import { CniChart } from './cni/cni-chart.js';
import { CertManagerIdentityChart } from './identity/cert-manager-chart.js';
import { DEFAULT_VIZ_NAMESPACE, VizChart } from './viz/viz-chart.js';
import { MulticlusterChart } from './multicluster/multicluster-chart.js';

/** An optional extension phase. */
export interface ExtensionOptions {
  /** @default true (giving the options enables the extension) */
  readonly enabled?: boolean;
  /** Upstream's `--ha` overlay for this extension. @default - the mesh's `ha` */
  readonly ha?: boolean;
  /** Upstream values for the extension's chart (Helm semantics). @default {} */
  readonly values?: ValueTree;
  /** Namespace the extension is installed into. @default - upstream's (linkerd-viz, linkerd-cni, linkerd-multicluster) */
  readonly namespace?: string;
}

/** How the mesh's identity and webhook certificates are provisioned. */
export interface MeshIdentitySpec {
  /**
   * Issue everything in-cluster with cert-manager, and distribute the trust anchors with
   * trust-manager: the render then contains no certificate or key at all. Adds the
   * `cert-manager-identity` chart (after the CRDs, before the control plane), the identity issuer and
   * webhook Certificates to the control-plane chart, tap's and tap-injector's to viz, and values
   * overlays (`identity.issuer.scheme: kubernetes.io/tls`, `identity.externalCA: true`, webhooks'
   * `externalSecret` + `injectCaFrom`) under the user's values, which still win.
   * Needs cert-manager and trust-manager in the cluster: see docs/identity-cert-manager.md.
   * @default - not used: certificates come from `mesh.identity` / the values
   */
  readonly certManager?: CertManagerIdentityOptions;
}

export interface MeshSpec {
  /** The control plane (and CRDs). */
  readonly mesh: MeshProps;
  /** Control-plane namespace. @default 'linkerd' */
  readonly namespace?: string;
  /** The CNI plugin. @default - installed when `mesh.cniEnabled` is true */
  readonly cni?: ExtensionOptions;
  /** The viz extension (dashboard, metrics API, tap, Prometheus). @default - not installed */
  readonly viz?: ExtensionOptions;
  /** The multicluster extension. @default - not installed */
  readonly multicluster?: ExtensionOptions;
  /** Identity provisioning. @default - certificates from `mesh.identity` / the values */
  readonly identity?: MeshIdentitySpec;
  /**
   * Keep value keys a chart does not define (in `mesh.values` or an extension's `values`), as Helm
   * does, instead of refusing them; they reach `linkerd-config`'s values dump verbatim and are listed
   * in `Mesh.warnings`. The CLI's `--allow-unknown-values`.
   * @default false
   */
  readonly allowUnknownValues?: boolean;
}

const enabled = (o: ExtensionOptions | undefined, fallback = false): boolean => (o ? o.enabled ?? true : fallback);

export class Mesh extends Construct {
  /** The control plane's resolved, validated values: what every phase was rendered from. */
  readonly values: MeshValues;
  readonly namespace: string;
  readonly crds: CrdsChart;
  /** cert-manager mode only: its resolved options and the cert-manager / trust-manager chart. */
  readonly certManager?: ResolvedCertManagerIdentity;
  readonly certManagerIdentity?: CertManagerIdentityChart;
  readonly controlPlane: ControlPlaneChart;
  readonly cni?: CniChart;
  readonly viz?: VizChart;
  readonly multicluster?: MulticlusterChart;
  /** What resolution warned about (with `allowUnknownValues`: the kept unknown keys). */
  readonly warnings: readonly string[];

  /**
   * The public facts app code meshes workloads with (`meshWorkload(d, { mesh: mesh.reference })`):
   * versions, domains, namespace, trust anchors and proxy defaults — no issuer, no key.
   */
  get reference(): MeshReference {
    return meshReference(this);
  }

  constructor(scope: Construct, id: string, spec: MeshSpec) {
    super(scope, id);
    const warnings: string[] = [];
    this.warnings = warnings;
    const unknownValues = { allowUnknownValues: spec.allowUnknownValues, warn: (m: string) => warnings.push(m) };
    this.namespace = spec.namespace ?? 'linkerd';
    const vizNamespace = spec.viz?.namespace ?? DEFAULT_VIZ_NAMESPACE;
    const certManagerOptions = spec.identity?.certManager;
    // Options are checked before the values: the overlay depends only on the namespaces.
    const preliminary = certManagerOptions
      ? resolveCertManagerIdentity(certManagerOptions, { controlPlaneNamespace: this.namespace, vizNamespace })
      : undefined;
    this.values = preliminary
      ? resolveMeshValues({ user: mergeUserValues([certManagerControlPlaneValues(preliminary), meshPropsToValues(spec.mesh)]), ha: spec.mesh.ha, ...unknownValues })
      : resolveMeshProps(spec.mesh, unknownValues);
    const values = this.values;
    const ha = spec.mesh.ha ?? false;
    const certManager = preliminary ? { ...preliminary, trustDomain: values.identityTrustDomain || values.clusterDomain } : undefined;
    this.certManager = certManager;

    this.crds = new CrdsChart(this, 'crds', { values, controlPlaneNamespace: this.namespace });
    if (certManager) {
      this.certManagerIdentity = new CertManagerIdentityChart(this, 'cert-manager-identity', { identity: certManager });
      this.certManagerIdentity.addDependency(this.crds);
    }
    this.controlPlane = new ControlPlaneChart(this, 'control-plane', { values, namespace: this.namespace, certManager });
    this.controlPlane.addDependency(this.crds);
    // Identity waits for the issuer Secret, and the trust roots ConfigMap comes from the Bundle.
    if (this.certManagerIdentity) this.controlPlane.addDependency(this.certManagerIdentity);

    if (enabled(spec.cni, values.cniEnabled)) {
      const cniValues = resolveCniValues({
        user: mergeUserValues([
          { inboundProxyPort: values.proxy.ports.inbound, outboundProxyPort: values.proxy.ports.outbound, proxyUID: values.proxy.uid },
          spec.cni?.values ?? {},
        ]),
        ...unknownValues,
      });
      this.cni = new CniChart(this, 'cni', { values: cniValues, namespace: spec.cni?.namespace });
      // Upstream installs the plugin first: meshed pods' network validator waits for it.
      this.controlPlane.addDependency(this.cni);
      this.cni.addDependency(this.crds);
    }

    if (enabled(spec.viz)) {
      const vizValues = resolveVizValues({
        user: mergeUserValues([
          { linkerdNamespace: this.namespace, cniEnabled: values.cniEnabled, linkerdVersion: values.linkerdVersion },
          certManager ? certManagerVizValues(certManager) : {},
          spec.viz?.values ?? {},
        ]),
        ha: spec.viz?.ha ?? ha,
        ...unknownValues,
      });
      this.viz = new VizChart(this, 'viz', { values: vizValues, namespace: vizNamespace, certManager });
      this.viz.addDependency(this.controlPlane);
    }

    if (enabled(spec.multicluster)) {
      const mcValues = resolveMulticlusterValues({
        user: mergeUserValues([
          {
            linkerdNamespace: this.namespace,
            identityTrustDomain: values.identityTrustDomain || values.clusterDomain,
            proxyOutboundPort: values.proxy.ports.outbound,
            linkerdVersion: values.linkerdVersion,
          },
          spec.multicluster?.values ?? {},
        ]),
        ha: spec.multicluster?.ha ?? ha,
        ...unknownValues,
      });
      this.multicluster = new MulticlusterChart(this, 'multicluster', { values: mcValues, namespace: spec.multicluster?.namespace });
      this.multicluster.addDependency(this.controlPlane);
    }
  }
}
