/**
 * The `linkerd-network-validator` init container (upstream's `partials.network-validator`). With the
 * CNI plugin installing the iptables rules (`cniEnabled: true`) it replaces `linkerd-init`: it checks
 * that a connection to an outside address is redirected to a local listener before the proxy starts.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { MeshValues } from '../values/mesh/types.js';
import { NETWORK_VALIDATOR_BINARY, NETWORK_VALIDATOR_CONTAINER_NAME } from './context.js';
import { proxyImage, proxyImagePullPolicy } from './images.js';
import { buildResources } from '../pod/resources.js';

/** The validator's connect address: the configured one, else a public IPv4 (or ULA IPv6) address. */
export function networkValidatorConnectAddr(values: MeshValues): string {
  const v = values.networkValidator;
  if (v.connectAddr) return v.connectAddr;
  return values.disableIPv6 ? '1.1.1.1:20001' : '[fd00::1]:20001';
}

/**
 * The validator's listen address: the configured one, else port 4140 on all interfaces (the CNI
 * plugin's outbound redirect port, configured on the plugin rather than in these values).
 */
export function networkValidatorListenAddr(values: MeshValues): string {
  const v = values.networkValidator;
  if (v.listenAddr) return v.listenAddr;
  return values.disableIPv6 ? '0.0.0.0:4140' : '[::]:4140';
}

export function buildNetworkValidatorContainer(values: MeshValues): IContainer {
  const v = values.networkValidator;
  const resources = buildResources(values.proxy.resources);
  return {
    name: NETWORK_VALIDATOR_CONTAINER_NAME,
    image: proxyImage(values),
    imagePullPolicy: proxyImagePullPolicy(values),
    ...(resources ? { resources } : {}),
    securityContext: structuredClone(v.securityContext) as ISecurityContext,
    command: [NETWORK_VALIDATOR_BINARY],
    args: [
      '--log-format', v.logFormat,
      '--log-level', v.logLevel,
      '--connect-addr', networkValidatorConnectAddr(values),
      '--listen-addr', networkValidatorListenAddr(values),
      '--timeout', v.timeout,
    ],
  };
}
