/**
 * Renders the `Mesh` construct in-process for a stack: the same charts `cdk8s synth` and the CLI
 * produce, with the values the stack manages itself put in:
 * - identity: the control plane is rendered with `identity.issuer.scheme: kubernetes.io/tls` and
 *   `identity.externalCA: true`, so it contains neither the issuer Secret nor the trust-roots
 *   ConfigMap; the stack's identity phase creates both from certificate Outputs (generated, provided
 *   or cert-manager) — no private key ever passes through rendering. This is upstream's documented
 *   external-issuer setup; identity reads `tls.crt`/`tls.key` from the Secret either way.
 * - admission webhooks (control plane, and viz's tap / tap-injector): placeholder PEMs, replaced by
 *   `@pulumi/tls` Outputs after rendering (see `placeholders.ts`), unless the user's values already
 *   configure that webhook's TLS.
 *
 * With `certManager` (identity mode `cert-manager`) none of this applies: the `Mesh` is rendered
 * with `identity.certManager`, whose own overlay makes identity and every webhook read cert-manager's
 * Secrets; the render holds no certificate, key or placeholder, and the phase plan gets the
 * `cert-manager-identity` chart instead of the stack's identity phase.
 */
import { App, Chart } from 'cdk8s';
import { chartObjects } from '../../constructs/kube-object.js';
import { Mesh, type MeshProps } from '../../constructs/mesh.js';
import type { CertManagerIdentityOptions, ResolvedCertManagerIdentity } from '../../lib/identity/cert-manager-options.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { multiclusterDefaults } from '../../lib/values/multicluster/defaults.js';
import { mergeUserValues, type ValueTree } from '../../lib/values/tree.js';
import { planPhases, type RenderedPhase } from './phase-plan.js';
import { placeholder } from './placeholders.js';
import { ISSUER_SCHEME_KUBERNETES } from '../../lib/k8s/labels.js';

export interface MeshRenderOptions {
  /** Control-plane and proxy image tag (the `Mesh`'s `version`); templates stay LINKERD_VERSION's. @default - LINKERD_VERSION */
  readonly imageTag?: string;
  /** @default false */
  readonly ha?: boolean;
  /** @default false */
  readonly viz?: boolean;
  /** @default false */
  readonly cni?: boolean;
  /** @default false */
  readonly multicluster?: boolean;
  /** @default 'linkerd' */
  readonly namespace?: string;
  /** @default - the cluster domain */
  readonly trustDomain?: string;
  /** Raw upstream control-plane values. @default {} */
  readonly values?: ValueTree;
  /** Raw upstream viz values. @default {} */
  readonly vizValues?: ValueTree;
  /** Raw upstream multicluster values. @default {} */
  readonly multiclusterValues?: ValueTree;
  /**
   * Identity from cert-manager + trust-manager (the `Mesh`'s `identity.certManager`): no stack
   * identity phase, no webhook certificates to generate.
   * @default - identity and webhook certificates come from the stack
   */
  readonly certManager?: CertManagerIdentityOptions;
}

/** A webhook whose serving certificate the stack generates. */
export interface WebhookCertSpec {
  /** Slot name prefix: the tokens are `<slot>.crt` and `<slot>.key`. */
  readonly slot: string;
  /** The webhook's Service (the certificate's DNS names). */
  readonly service: string;
  readonly namespace: string;
}

export interface MeshRender {
  /** Phases in apply order, including the stack's namespace and identity phases. */
  readonly phases: readonly RenderedPhase[];
  /** Control-plane values every phase was rendered from. */
  readonly values: MeshValues;
  readonly namespace: string;
  /** The trust domain certificates must be issued for. */
  readonly trustDomain: string;
  /** Webhook certificates to generate and substitute (none with `certManager`). */
  readonly webhookCerts: readonly WebhookCertSpec[];
  /** The multicluster gateway Service (its await is configurable). @default - no multicluster */
  readonly multiclusterGateway?: { readonly namespace: string; readonly name: string };
  /** With `certManager`: the options as resolved by the `Mesh`. @default - not in that mode */
  readonly certManager?: ResolvedCertManagerIdentity;
}

/** True when the user's values leave this webhook's TLS to the stack. */
function stackOwnsTls(user: ValueTree, key: string): boolean {
  const w = user[key];
  if (w === null || typeof w !== 'object' || Array.isArray(w)) return true;
  return !['crtPEM', 'keyPEM', 'externalSecret', 'injectCaFrom', 'injectCaFromSecret'].some((k) => w[k]);
}

function webhookPlaceholders(specs: readonly WebhookCertSpec[], withCaBundle: boolean): ValueTree {
  return Object.fromEntries(
    specs.map((s) => {
      const key = s.slot.split('.').pop() as string;
      const crt = placeholder(`${s.slot}.crt`);
      // Self-signed, as upstream's Helm chart generates them: the certificate is its own CA bundle.
      return [key, { crtPEM: crt, keyPEM: placeholder(`${s.slot}.key`), ...(withCaBundle ? { caBundle: crt } : {}) }];
    }),
  );
}

export function renderMesh(options: MeshRenderOptions = {}): MeshRender {
  const namespace = options.namespace ?? 'linkerd';
  const user = options.values ?? {};
  const vizUser = options.vizValues ?? {};
  const vizNamespace = 'linkerd-viz';
  const inCluster = options.certManager !== undefined;
  const cpWebhooks: WebhookCertSpec[] = inCluster
    ? []
    : [
        { slot: 'proxyInjector', service: 'linkerd-proxy-injector', namespace },
        { slot: 'profileValidator', service: 'linkerd-sp-validator', namespace },
        { slot: 'policyValidator', service: 'linkerd-policy-validator', namespace },
      ].filter((s) => stackOwnsTls(user, s.slot));
  const vizWebhooks: WebhookCertSpec[] = options.viz && !inCluster
    ? [
        { slot: 'viz.tap', service: 'tap', namespace: vizNamespace },
        { slot: 'viz.tapInjector', service: 'tap-injector', namespace: vizNamespace },
      ].filter((s) => stackOwnsTls(vizUser, s.slot.slice('viz.'.length)))
    : [];

  const identity: ValueTree = {
    // With cert-manager the Mesh's own overlay sets these (under the user's values).
    ...(inCluster ? {} : { identity: { externalCA: true, issuer: { scheme: ISSUER_SCHEME_KUBERNETES } } }),
    ...(options.trustDomain ? { identityTrustDomain: options.trustDomain } : {}),
  };
  const spec: MeshProps = {
    namespace,
    mesh: {
      version: options.imageTag,
      ha: options.ha ?? false,
      cniEnabled: options.cni ?? false,
      // Identity last: the stack's identity phase depends on exactly these settings.
      values: mergeUserValues([webhookPlaceholders(cpWebhooks, false), user, identity]),
    },
    viz: options.viz ? { values: mergeUserValues([webhookPlaceholders(vizWebhooks, true), vizUser]) } : undefined,
    multicluster: options.multicluster ? { values: options.multiclusterValues ?? {} } : undefined,
    ...(inCluster ? { identity: { certManager: options.certManager } } : {}),
  };

  const mesh = new Mesh(new App(), 'mesh', spec);
  const charts = mesh.node.children.filter((c): c is Chart => c instanceof Chart);
  const rendered: RenderedPhase[] = charts.map((chart) => ({
    name: chart.node.id,
    objects: chartObjects(chart),
    dependsOn: chart.node.dependencies.filter((d): d is Chart => charts.includes(d as Chart)).map((d) => d.node.id),
  }));
  const values = mesh.values;
  const gatewayName = (options.multiclusterValues?.gateway as ValueTree | undefined)?.name;
  return {
    phases: planPhases(rendered),
    values,
    namespace,
    trustDomain: values.identityTrustDomain || values.clusterDomain,
    webhookCerts: [...cpWebhooks, ...vizWebhooks],
    ...(mesh.multicluster
      ? {
          multiclusterGateway: {
            namespace: mesh.multicluster.multiclusterNamespace,
            name: typeof gatewayName === 'string' && gatewayName ? gatewayName : multiclusterDefaults().gateway.name,
          },
        }
      : {}),
    ...(mesh.certManager ? { certManager: mesh.certManager } : {}),
  };
}
