/**
 * Preparation of the extension phases (CNI, viz, multicluster). Each reads what it needs from the
 * control plane (as upstream's `viz install` / `multicluster install` read `linkerd-config`) beneath the
 * user's values, which still win; without a prepared control plane (the CLI verbs) the user's values
 * alone say it.
 *
 * As for the control plane, `xxxPhase(input)` composes the supplied tree and `prepare(user)` resolves
 * the final one (the CLI fills webhook certificates from its store in between); `prepareXxx` does both.
 */
import type { ResolvedCertManagerIdentity } from '../identity/cert-manager-options.js';
import { resolveCertManagerIdentity } from '../identity/cert-manager-options.js';
import { certManagerVizValues } from '../identity/cert-manager.js';
import { resolveCniValues } from '../values/cni/resolve.js';
import type { CniValues } from '../values/cni/types.js';
import { resolveMulticlusterValues } from '../values/multicluster/resolve.js';
import type { MulticlusterValues } from '../values/multicluster/types.js';
import { getPath, mergeUserValues, type ValueTree } from '../values/tree.js';
import type { UnknownValuesOptions } from '../values/unknown-keys.js';
import { resolveVizValues } from '../values/viz/resolve.js';
import type { VizValues } from '../values/viz/types.js';
import type { PreparedControlPlane } from './control-plane.js';
import { DEFAULT_NAMESPACES } from './namespaces.js';

export interface ExtensionPhaseInput extends UnknownValuesOptions {
  /** The extension's upstream values (Helm semantics): they win over what comes from the control plane. @default {} */
  readonly user?: ValueTree;
  /** Upstream's `--ha` overlay for the extension (CNI has none). @default false */
  readonly ha?: boolean;
  /** Namespace the extension is installed into. @default - upstream's (linkerd-cni, linkerd-viz, linkerd-multicluster) */
  readonly namespace?: string;
}

/** An extension ready to render. */
export interface PreparedExtension<V> {
  readonly values: V;
  readonly namespace: string;
}

export interface PreparedViz extends PreparedExtension<VizValues> {
  /** Identity mode `cert-manager`: tap's and tap-injector's certificates are cert-manager's. @default - another mode */
  readonly certManager?: ResolvedCertManagerIdentity;
}

export interface ExtensionPhase<P> {
  readonly namespace: string;
  /** The user's tree with the control plane's inputs and overlays under it. */
  readonly supplied: ValueTree;
  /** Resolves `user` (default: `supplied`); throws one `MeshformError` with every problem. */
  prepare(user?: ValueTree): P;
}

export function prepareCni(input: ExtensionPhaseInput, controlPlane?: PreparedControlPlane): PreparedExtension<CniValues> {
  const fromControlPlane: ValueTree = controlPlane
    ? { inboundProxyPort: controlPlane.values.proxy.ports.inbound, outboundProxyPort: controlPlane.values.proxy.ports.outbound, proxyUID: controlPlane.values.proxy.uid }
    : {};
  const user = controlPlane ? mergeUserValues([fromControlPlane, input.user ?? {}]) : input.user ?? {};
  const values = resolveCniValues({ user, allowUnknownValues: input.allowUnknownValues, warn: input.warn });
  return { values, namespace: input.namespace ?? DEFAULT_NAMESPACES.cni };
}

export interface VizPhaseInput extends ExtensionPhaseInput {
  /**
   * Identity mode `cert-manager` without a prepared control plane (the CLI's `viz install --cert-manager`):
   * the control-plane namespace comes from the user's `linkerdNamespace`. With a control plane, its mode applies.
   * @default false
   */
  readonly certManager?: boolean;
}

export function vizPhase(input: VizPhaseInput, controlPlane?: PreparedControlPlane): ExtensionPhase<PreparedViz> {
  const namespace = input.namespace ?? DEFAULT_NAMESPACES.viz;
  const linkerdNamespace = getPath(input.user ?? {}, 'linkerdNamespace');
  const certManager = controlPlane
    ? controlPlane.certManager
    : input.certManager
      ? resolveCertManagerIdentity({}, { vizNamespace: namespace, controlPlaneNamespace: typeof linkerdNamespace === 'string' && linkerdNamespace ? linkerdNamespace : undefined })
      : undefined;
  const fromControlPlane: ValueTree = controlPlane
    ? { linkerdNamespace: controlPlane.namespace, cniEnabled: controlPlane.values.cniEnabled, linkerdVersion: controlPlane.values.linkerdVersion }
    : {};
  // The cert-manager overlay sits under the user's values, which still win.
  const supplied = mergeUserValues([fromControlPlane, certManager ? certManagerVizValues(certManager) : {}, input.user ?? {}]);
  const ha = input.ha ?? controlPlane?.ha ?? false;
  return {
    namespace,
    supplied,
    prepare: (user = supplied) => ({
      values: resolveVizValues({ user, ha, allowUnknownValues: input.allowUnknownValues, warn: input.warn }),
      namespace,
      ...(certManager ? { certManager } : {}),
    }),
  };
}

export function prepareViz(input: VizPhaseInput, controlPlane?: PreparedControlPlane): PreparedViz {
  return vizPhase(input, controlPlane).prepare();
}

export function prepareMulticluster(input: ExtensionPhaseInput, controlPlane?: PreparedControlPlane): PreparedExtension<MulticlusterValues> {
  const fromControlPlane: ValueTree = controlPlane
    ? {
        linkerdNamespace: controlPlane.namespace,
        identityTrustDomain: controlPlane.trustDomain,
        proxyOutboundPort: controlPlane.values.proxy.ports.outbound,
        linkerdVersion: controlPlane.values.linkerdVersion,
      }
    : {};
  const user = controlPlane ? mergeUserValues([fromControlPlane, input.user ?? {}]) : input.user ?? {};
  const ha = input.ha ?? controlPlane?.ha ?? false;
  const values = resolveMulticlusterValues({ user, ha, allowUnknownValues: input.allowUnknownValues, warn: input.warn });
  return { values, namespace: input.namespace ?? DEFAULT_NAMESPACES.multicluster };
}
