/**
 * `LinkerdMesh`: the whole mesh as one Pulumi component. It renders the same `Mesh` construct the
 * CLI and `cdk8s synth` use (in-process, see `render/render-mesh.ts`) and applies it phase by phase:
 * every chart becomes a `MeshPhase` whose `dependsOn` are the construct's chart dependencies, with the
 * stack's identity phase between the control-plane namespace and the control plane:
 *
 *   crds → control-plane-namespace → identity → (cni →) control-plane → viz / multicluster
 *
 * With `identity: 'cert-manager'` the construct's cert-manager / trust-manager chart takes the
 * identity phase's place, and nothing certificate-related is created by the stack:
 *
 *   crds → cert-manager-identity → control-plane-namespace → (cni →) control-plane → viz / multicluster
 *
 * Settings that decide which objects exist (version, ha, extensions, values) are plain values, known
 * when the program runs; certificates are `Input`s and only ever reach the cluster as Outputs.
 */
import * as pulumi from '@pulumi/pulumi';
import { controlPlaneLabels, createdByAnnotations } from '../../constructs/control-plane/labels.js';
import type { CertManagerIdentityOptions } from '../../lib/identity/cert-manager-options.js';
import { meshReferenceFromValues, type MeshReference } from '../../lib/mesh-reference/index.js';
import { IssueCollector } from '../../lib/errors.js';
import { mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { LINKERD_VERSION } from '../../lib/versions.js';
import { GATEWAY_SERVICE_TYPES, type GatewayServiceType, type IdentityMode } from '../config.js';
import { bindToAnchors, type AnchorBinding } from '../render/anchor-bound.js';
import type { ResourcePolicyOptions } from '../render/resource-policy.js';
import { CONTROL_PLANE_PHASE, IDENTITY_PHASE, type RenderedPhase } from '../render/phase-plan.js';
import { fillPlaceholders, unfilledPlaceholders } from '../render/placeholders.js';
import { resolveTopologySpread, topologySpreadIssues, withTopologySpread, type TopologySpread } from '../render/topology-spread.js';
import { renderMesh, type MeshRender } from '../render/render-mesh.js';
import { MeshIdentity } from './identity.js';
import type { KubeManifest } from './kube-resource.js';
import { createMeshProvider } from './mesh-provider.js';
import { MeshPhase } from './mesh-phase.js';
import { createWebhookCert } from './webhook-certs.js';

/** The multicluster gateway's exposure and await. */
export interface MulticlusterGatewayArgs {
  /** Upstream's `gateway.serviceType`. @default 'LoadBalancer' */
  readonly serviceType?: GatewayServiceType;
  /** Wait for the gateway Service; `false` adds `pulumi.com/skipAwait` (no load balancer to wait for). @default true */
  readonly await?: boolean;
  /** Await timeout in seconds. @default - the provider's (10 minutes) */
  readonly awaitSeconds?: number;
}

export interface LinkerdMeshArgs {
  /**
   * The Linkerd release. Only the one meshform renders is accepted (LINKERD_VERSION): its CRDs and
   * templates are meshform's, so upgrading Linkerd means upgrading meshform.
   * @default - LINKERD_VERSION
   */
  readonly version?: string;
  /** Image tag of the control-plane and proxy images; the templates and CRDs stay the release's. @default - the release */
  readonly imageTag?: string;
  /** Keep the CRDs, and so every user's custom resources, when the stack deletes them. @default true */
  readonly retainCrds?: boolean;
  /** Take over an existing install (meshform's provider upserts and forces field conflicts). @default false */
  readonly adopt?: boolean;
  /** With `multicluster`: the gateway Service's type and await. @default - LoadBalancer, awaited */
  readonly multiclusterGateway?: MulticlusterGatewayArgs;
  /** Upstream's `--ha` for the control plane and extensions. @default false */
  readonly ha?: boolean;
  /**
   * A topology spread constraint on every Deployment (control plane, viz, multicluster), selecting
   * the Deployment's own pods: `true` spreads over zones (`topology.kubernetes.io/zone`, `maxSkew: 1`,
   * `ScheduleAnyway`); an object chooses `topologyKey`, `maxSkew`, `whenUnsatisfiable`. Meant with `ha`.
   * @default false
   */
  readonly topologySpread?: TopologySpread;
  /** @default false */
  readonly viz?: boolean;
  /** @default false */
  readonly cni?: boolean;
  /** @default false */
  readonly multicluster?: boolean;
  /** Where the trust anchor and issuer come from. @default 'generated' */
  readonly identity?: IdentityMode;
  /** Escape hatch: raw upstream control-plane values (Helm semantics). @default {} */
  readonly values?: ValueTree;
  /** Raw upstream viz values. @default {} */
  readonly vizValues?: ValueTree;
  /** Raw upstream multicluster values. @default {} */
  readonly multiclusterValues?: ValueTree;
  /** Control-plane namespace. @default 'linkerd' */
  readonly namespace?: string;
  /** @default - the cluster domain */
  readonly trustDomain?: string;
  /** Trust-anchor certificate (`provided`, `external-issuer`). @default - none */
  readonly trustAnchorPem?: pulumi.Input<string>;
  /** Issuer certificate (`provided`). @default - none */
  readonly issuerCertPem?: pulumi.Input<string>;
  /** Issuer private key (`provided`); pass a secret. @default - none */
  readonly issuerKeyPem?: pulumi.Input<string>;
  /** `external-issuer`: Secret holding the anchor and its key. @default 'linkerd-trust-anchor' */
  readonly certManagerCaSecretName?: string;
  /**
   * `cert-manager`: the cert-manager / trust-manager identity options (cert-manager's namespace,
   * trust-anchor generations, durations, labels; see docs/identity-cert-manager.md). Only allowed with
   * `identity: 'cert-manager'`.
   * @default - the library's defaults (`CERT_MANAGER_DEFAULTS`) in that mode
   */
  readonly certManager?: CertManagerIdentityOptions;
}

export class LinkerdMesh extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;
  /**
   * Trust-anchor certificate PEM (public). With `identity: 'cert-manager'` it is the empty string:
   * the anchors are generated in-cluster by cert-manager and never pass through the stack; read them
   * from the `linkerd-identity-trust-roots` ConfigMap (key `ca-bundle.crt`) in the control-plane
   * namespace, which trust-manager writes.
   */
  readonly trustAnchorPem: pulumi.Output<string>;
  readonly linkerdVersion: pulumi.Output<string>;
  /** Proxy image tag meshed workloads run (their roll annotation derives from it). */
  readonly proxyVersion: pulumi.Output<string>;
  /**
   * The mesh's public facts for application teams (`meshWorkload(d, { mesh })`, `meshform inject
   * --mesh-reference`): export it as a stack output. No key; with `identity: 'cert-manager'` it has no
   * anchors (annotation mode only).
   */
  readonly reference: pulumi.Output<MeshReference>;
  /** Phase components by name (`crds`, `identity` or `cert-manager-identity`, `control-plane`...). */
  readonly phases: ReadonlyMap<string, pulumi.ComponentResource>;

  constructor(name: string, args: LinkerdMeshArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('meshform:index:LinkerdMesh', name, {}, opts);
    const mode = args.identity ?? 'generated';
    if (args.certManager !== undefined && mode !== 'cert-manager') {
      throw new Error(`LinkerdMesh '${name}': certManager is only used with identity 'cert-manager' (identity is '${mode}')`);
    }
    // `cert-manager` used to name what is now `external-issuer`, which took the anchor: refuse rather than guess.
    if (mode === 'cert-manager' && (args.trustAnchorPem !== undefined || args.certManagerCaSecretName !== undefined)) {
      throw new Error(
        `LinkerdMesh '${name}': identity 'cert-manager' issues the trust anchors in-cluster and takes no trustAnchorPem / certManagerCaSecretName; ` +
          `an issuer renewed from your anchor Secret is identity 'external-issuer' (formerly 'cert-manager')`,
      );
    }
    checkArgs(name, args);
    // The caller's (or a parent's) Kubernetes provider, else meshform's own with mutable data.
    const provider = this.getProvider('kubernetes:core/v1:ConfigMap') ?? createMeshProvider(`${name}-kubernetes`, { adopt: args.adopt }, { parent: this });
    const gateway = args.multiclusterGateway;
    const render = renderMesh({
      imageTag: args.imageTag,
      ha: args.ha,
      viz: args.viz,
      cni: args.cni,
      multicluster: args.multicluster,
      namespace: args.namespace,
      trustDomain: args.trustDomain,
      values: args.values,
      vizValues: args.vizValues,
      multiclusterValues: gateway?.serviceType ? mergeUserValues([args.multiclusterValues ?? {}, { gateway: { serviceType: gateway.serviceType } }]) : args.multiclusterValues,
      certManager: mode === 'cert-manager' ? (args.certManager ?? {}) : undefined,
    });
    const slots = this.webhookSlots(name, render);
    const spread = resolveTopologySpread(args.topologySpread);

    const policy: ResourcePolicyOptions = {
      retainCrds: args.retainCrds ?? true,
      ...(render.multiclusterGateway ? { gateway: { ...render.multiclusterGateway, await: gateway?.await, timeoutSeconds: gateway?.awaitSeconds } } : {}),
    };
    let identity: MeshIdentity | undefined;
    const phases = new Map<string, pulumi.ComponentResource>();
    for (const phase of render.phases) {
      const dependsOn = phase.dependsOn.map((d) => phases.get(d) as pulumi.ComponentResource);
      const opts = { parent: this, dependsOn, providers: [provider] };
      if (phase.name === IDENTITY_PHASE) {
        identity = this.identity(name, args, render, opts);
        phases.set(phase.name, identity);
      } else {
        const anchors: AnchorBinding | undefined = identity
          ? { anchorsPem: identity.trustAnchorPem, values: render.values, keepHeartbeatSchedule: Boolean(args.values?.heartbeatSchedule) }
          : undefined;
        const objects = filled(phase, slots)
          .map((o) => (spread ? withTopologySpread(o, spread) : o))
          .map((o) => (anchors ? bindToAnchors(o, anchors) : o));
        phases.set(phase.name, new MeshPhase(`${name}-${phase.name}`, { objects, namePrefix: name, policy }, opts));
      }
    }
    if (!phases.has(CONTROL_PLANE_PHASE)) throw new Error('the rendered mesh has no control plane');
    if (!identity && mode !== 'cert-manager') throw new Error(`LinkerdMesh '${name}': the phase plan has no identity phase`);

    const proxyVersion = render.values.proxy.image.version || render.values.linkerdVersion;
    this.phases = phases;
    this.namespace = pulumi.output(render.namespace);
    this.trustAnchorPem = identity ? identity.trustAnchorPem : pulumi.output('');
    this.linkerdVersion = pulumi.output(render.values.linkerdVersion);
    this.proxyVersion = pulumi.output(proxyVersion);
    // The anchors are the identity phase's (generated at deploy time), not what the render holds.
    const { trustAnchorsPem: _rendered, ...reference } = meshReferenceFromValues(render.values, { controlPlaneNamespace: render.namespace });
    this.reference = this.trustAnchorPem.apply((pem): MeshReference => (pem.trim() ? { ...reference, trustAnchorsPem: pem } : reference));
    this.registerOutputs({
      reference: this.reference,
      namespace: this.namespace,
      trustAnchorPem: this.trustAnchorPem,
      linkerdVersion: this.linkerdVersion,
      proxyVersion: this.proxyVersion,
    });
  }

  /** Generates the webhook certificates the render left placeholders for. */
  private webhookSlots(name: string, render: MeshRender): Map<string, pulumi.Input<string>> {
    const slots = new Map<string, pulumi.Input<string>>();
    for (const spec of render.webhookCerts) {
      const cert = createWebhookCert(`${name}-${spec.slot.replace(/\./g, '-')}`, spec, { parent: this });
      slots.set(`${spec.slot}.crt`, cert.certPem);
      slots.set(`${spec.slot}.key`, cert.keyPem);
    }
    return slots;
  }

  private identity(name: string, args: LinkerdMeshArgs, render: MeshRender, opts: pulumi.ComponentResourceOptions): MeshIdentity {
    const ctx = { values: render.values, namespace: render.namespace };
    const mode = args.identity ?? 'generated';
    if (mode === 'cert-manager') throw new Error(`LinkerdMesh '${name}': identity 'cert-manager' has no stack identity phase`);
    const anchor = args.trustAnchorPem;
    const need = (what: string, v: pulumi.Input<string> | undefined): pulumi.Input<string> => {
      if (v === undefined) throw new Error(`LinkerdMesh '${name}': identity mode '${mode}' needs ${what}`);
      return v;
    };
    return new MeshIdentity(
      `${name}-identity`,
      {
        mode,
        namespace: render.namespace,
        trustDomain: render.trustDomain,
        labels: controlPlaneLabels(ctx, { component: 'identity' }),
        annotations: createdByAnnotations(ctx),
        namePrefix: name,
        provided:
          mode === 'provided'
            ? { trustAnchorPem: need('trustAnchorPem', anchor), issuerCertPem: need('issuerCertPem', args.issuerCertPem), issuerKeyPem: need('issuerKeyPem', args.issuerKeyPem) }
            : undefined,
        certManager:
          mode === 'external-issuer' ? { trustAnchorPem: need('trustAnchorPem', anchor), caSecretName: args.certManagerCaSecretName } : undefined,
      },
      opts,
    );
  }
}

/** Refuses arguments the render cannot honour, every problem at once. */
function checkArgs(name: string, args: LinkerdMeshArgs): void {
  const issues = new IssueCollector();
  if (args.version !== undefined && args.version !== LINKERD_VERSION) {
    issues.add(
      `${name}.version`,
      args.version,
      `must be ${LINKERD_VERSION}, the release this meshform renders (CRDs and templates included): upgrade meshform to upgrade Linkerd, or set imageTag to run other images of this release`,
    );
  }
  const g = args.multiclusterGateway;
  if (g && !args.multicluster) issues.add(`${name}.multiclusterGateway`, g, 'is only used with multicluster: true');
  if (g?.serviceType !== undefined && !GATEWAY_SERVICE_TYPES.includes(g.serviceType)) {
    issues.add(`${name}.multiclusterGateway.serviceType`, g.serviceType, `must be one of ${GATEWAY_SERVICE_TYPES.join(', ')}`);
  }
  if (g?.awaitSeconds !== undefined && !(Number.isInteger(g.awaitSeconds) && g.awaitSeconds > 0)) {
    issues.add(`${name}.multiclusterGateway.awaitSeconds`, g.awaitSeconds, 'must be a whole number of seconds above 0');
  }
  issues.addAll(topologySpreadIssues(args.topologySpread, `${name}.topologySpread`));
  issues.throwIfAny(`LinkerdMesh '${name}': invalid arguments`);
}

/** The phase's objects with the webhook certificates substituted; refuses a leftover placeholder. */
function filled(phase: RenderedPhase, slots: ReadonlyMap<string, pulumi.Input<string>>): KubeManifest[] {
  return phase.objects.map((obj) => {
    const out = fillPlaceholders(obj, slots) as KubeManifest;
    const left = unfilledPlaceholders(out);
    if (left.length) throw new Error(`${obj.kind} ${obj.metadata?.name}: unfilled certificate placeholder at ${left.join(', ')}`);
    return out;
  });
}
