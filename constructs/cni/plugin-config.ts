/**
 * The CNI network configuration the install-cni container writes onto each node (`cni_network_config`),
 * built as an object from the values. `__KUBECONFIG_FILEPATH__` is a placeholder the install script
 * fills in on the node.
 */
import type { CniValues } from '../../lib/values/cni/types.js';

export interface CniPluginConfig {
  readonly name: string;
  readonly type: string;
  readonly log_level: string;
  readonly kubernetes: { readonly kubeconfig: string };
  readonly linkerd: Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

export function cniPluginConfig(values: CniValues): CniPluginConfig {
  const linkerd: Record<string, string | number | boolean | readonly (string | number)[]> = {
    'incoming-proxy-port': values.inboundProxyPort,
    'outgoing-proxy-port': values.outboundProxyPort,
    'proxy-uid': values.proxyUID,
  };
  // Upstream omits the GID (the proxy's own default applies) when it is negative.
  if (values.proxyGID >= 0) linkerd['proxy-gid'] = values.proxyGID;
  linkerd['ports-to-redirect'] = splitList(String(values.portsToRedirect)).map(Number);
  // The proxy's admin and control ports are always skipped inbound: they must stay reachable directly.
  linkerd['inbound-ports-to-ignore'] = [
    String(values.proxyAdminPort),
    String(values.proxyControlPort),
    ...splitList(String(values.ignoreInboundPorts)),
  ];
  const outbound = splitList(String(values.ignoreOutboundPorts));
  if (outbound.length) linkerd['outbound-ports-to-ignore'] = outbound;
  linkerd.simulate = false;
  linkerd['use-wait-flag'] = values.useWaitFlag;
  linkerd['iptables-mode'] = values.iptablesMode;
  linkerd.ipv6 = !values.disableIPv6;
  return {
    name: 'linkerd-cni',
    type: 'linkerd-cni',
    log_level: values.logLevel,
    kubernetes: { kubeconfig: '__KUBECONFIG_FILEPATH__' },
    linkerd,
  };
}
