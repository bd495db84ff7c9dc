/**
 * Places the proxy partials into a pod spec the way upstream's injector does: the network setup
 * container (`linkerd-init`, or `linkerd-network-validator` with CNI) runs first; the proxy then
 * follows it as a native sidecar (an init container with `restartPolicy: Always`), or, without
 * native sidecars, becomes a regular container, first when the app must await its readiness.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { MeshValues } from '../values/mesh/types.js';
import type { ProxyContext } from './context.js';
import { buildDebugContainer } from './debug-container.js';
import { reencodePodSpecLikeGo } from './go-omitempty.js';
import { buildNetworkValidatorContainer } from './network-validator-container.js';
import { buildProxyContainer } from './proxy-container.js';
import { buildProxyInitContainer } from './proxy-init-container.js';
import { buildProxyVolumes } from './volumes.js';

export interface InjectPodSpecOptions {
  /** Add the `linkerd-debug` sidecar. @default false */
  readonly debugSidecar?: boolean;
  /**
   * Re-encode the result as upstream's injector does when it round-trips the pod spec through Go
   * structs: zero-valued `omitempty` fields and nulls vanish and quantities come back canonical, in
   * the app's containers as in the proxy's (see `reencodePodSpecLikeGo`). @default false
   */
  readonly omitEmpty?: boolean;
}

/** The init container that prepares the pod's network for the proxy. */
export function buildNetworkInitContainer(values: MeshValues): IContainer {
  return values.cniEnabled ? buildNetworkValidatorContainer(values) : buildProxyInitContainer(values);
}

/** A copy of `spec` with the proxy, its init container, volumes and (optionally) the debug sidecar. */
export function injectPodSpec(
  spec: IPodSpec,
  values: MeshValues,
  ctx: ProxyContext,
  options: InjectPodSpecOptions = {},
): IPodSpec {
  const proxy = buildProxyContainer(values, ctx);
  const netInit = buildNetworkInitContainer(values);
  const appInit = structuredClone(spec.initContainers ?? []);
  const app = structuredClone(spec.containers ?? []);

  // Network setup and a native-sidecar proxy must precede the app's own init containers, which may
  // need the network.
  const initContainers = values.proxy.nativeSidecar ? [netInit, proxy, ...appInit] : [netInit, ...appInit];
  let containers = app;
  if (!values.proxy.nativeSidecar) {
    // linkerd-await in the proxy's postStart only holds the app back if the proxy starts first.
    containers = values.proxy.await ? [proxy, ...app] : [...app, proxy];
  }
  if (options.debugSidecar) containers = [...containers, buildDebugContainer(values)];

  const injected: IPodSpec = {
    ...structuredClone(spec),
    containers,
    initContainers,
    volumes: [...structuredClone(spec.volumes ?? []), ...buildProxyVolumes(values)],
  };
  return options.omitEmpty ? reencodePodSpecLikeGo(injected) : injected;
}
