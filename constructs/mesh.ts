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
import type { ResolvedCertManagerIdentity } from '../lib/identity/cert-manager-options.js';
import { prepareMesh, type MeshProps, type PreparedMesh } from '../lib/assembly/mesh.js';
import type { MeshValues } from '../lib/values/mesh/types.js';
import { meshReference, type MeshReference } from '../lib/mesh-reference/index.js';
import { CrdsChart } from './crds/crds-chart.js';
import { ControlPlaneChart } from './control-plane/control-plane-chart.js';
import { CniChart } from './cni/cni-chart.js';
import { CertManagerIdentityChart } from './identity/cert-manager-chart.js';
import { VizChart } from './viz/viz-chart.js';
import { MulticlusterChart } from './multicluster/multicluster-chart.js';

export type { ExtensionOptions, ExtensionProps, MeshIdentityProps, MeshIdentitySpec, MeshProps, MeshSpec } from '../lib/assembly/mesh.js';

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

  /** Every phase as prepared (lib/assembly): what the charts were rendered from. */
  readonly prepared: PreparedMesh;

  /**
   * The public facts app code meshes workloads with (`meshWorkload(d, { mesh: mesh.reference })`):
   * versions, domains, namespace, trust anchors and proxy defaults — no issuer, no key.
   */
  get reference(): MeshReference {
    return meshReference(this);
  }

  constructor(scope: Construct, id: string, props: MeshProps) {
    super(scope, id);
    // Every check runs here, before any chart exists: the charts only render.
    const prepared = prepareMesh(props);
    this.prepared = prepared;
    this.warnings = prepared.warnings;
    const { controlPlane } = prepared;
    this.values = controlPlane.values;
    this.namespace = controlPlane.namespace;
    const values = this.values;
    const certManager = controlPlane.certManager;
    this.certManager = certManager;

    this.crds = new CrdsChart(this, 'crds', { values, namespace: this.namespace });
    if (certManager) {
      this.certManagerIdentity = new CertManagerIdentityChart(this, 'cert-manager-identity', { identity: certManager });
      this.certManagerIdentity.addDependency(this.crds);
    }
    this.controlPlane = new ControlPlaneChart(this, 'control-plane', { values, namespace: this.namespace, certManager });
    this.controlPlane.addDependency(this.crds);
    // Identity waits for the issuer Secret, and the trust roots ConfigMap comes from the Bundle.
    if (this.certManagerIdentity) this.controlPlane.addDependency(this.certManagerIdentity);

    if (prepared.cni) {
      this.cni = new CniChart(this, 'cni', prepared.cni);
      // Upstream installs the plugin first: meshed pods' network validator waits for it.
      this.controlPlane.addDependency(this.cni);
      this.cni.addDependency(this.crds);
    }

    if (prepared.viz) {
      this.viz = new VizChart(this, 'viz', prepared.viz);
      this.viz.addDependency(this.controlPlane);
    }

    if (prepared.multicluster) {
      this.multicluster = new MulticlusterChart(this, 'multicluster', prepared.multicluster);
      this.multicluster.addDependency(this.controlPlane);
    }
  }
}
