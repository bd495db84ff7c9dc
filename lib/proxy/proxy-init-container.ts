/**
 * The `linkerd-init` container (upstream's `partials.proxy-init`): runs linkerd2-proxy-init from the
 * proxy image to install the iptables rules that redirect the pod's traffic through the proxy.
 * Only rendered when the CNI plugin does not do that job (`cniEnabled: false`).
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import { MeshformError } from '../errors.js';
import { runAsIds } from '../pod/run-as.js';
import type { MeshValues } from '../values/mesh/types.js';
import { PROXY_INIT_BINARY, PROXY_INIT_CONTAINER_NAME } from './context.js';
import { proxyImage, proxyImagePullPolicy } from './images.js';
import { buildResources, hasResources } from '../pod/resources.js';

/** iptables front-ends per `proxyInit.iptablesMode` (an empty mode means legacy, as upstream). */
const FIREWALL_BINARIES: Readonly<Record<string, readonly [string, string]>> = {
  nft: ['iptables-nft', 'iptables-nft-save'],
  legacy: ['iptables-legacy', 'iptables-legacy-save'],
  plain: ['iptables', 'iptables-save'],
};

/** `--inbound-ports-to-ignore`: the proxy's own control and admin ports, then the user's list. */
export function inboundPortsToIgnore(values: MeshValues): string {
  const extra = String(values.proxyInit.ignoreInboundPorts ?? '');
  return `${values.proxy.ports.control},${values.proxy.ports.admin}${extra ? `,${extra}` : ''}`;
}

function args(values: MeshValues): string[] {
  const init = values.proxyInit;
  const mode = init.iptablesMode || 'legacy';
  const binaries = FIREWALL_BINARIES[mode];
  if (!binaries) {
    throw new MeshformError('invalid values', [
      { path: 'proxyInit.iptablesMode', value: init.iptablesMode, message: 'must be one of nft, legacy, plain' },
    ]);
  }
  const out = ['--firewall-bin-path', binaries[0], '--firewall-save-bin-path', binaries[1]];
  if (values.disableIPv6) out.push('--ipv6=false');
  out.push(
    '--incoming-proxy-port', String(values.proxy.ports.inbound),
    '--outgoing-proxy-port', String(values.proxy.ports.outbound),
    '--proxy-uid', String(values.proxy.uid),
  );
  if (values.proxy.gid >= 0) out.push('--proxy-gid', String(values.proxy.gid));
  out.push('--inbound-ports-to-ignore', inboundPortsToIgnore(values));
  if (init.ignoreOutboundPorts !== '' && init.ignoreOutboundPorts !== undefined && init.ignoreOutboundPorts !== null) {
    out.push('--outbound-ports-to-ignore', String(init.ignoreOutboundPorts));
  }
  if (init.closeWaitTimeoutSecs) out.push('--timeout-close-wait-secs', String(init.closeWaitTimeoutSecs));
  if (init.logFormat) out.push('--log-format', init.logFormat);
  if (init.logLevel) out.push('--log-level', init.logLevel);
  if (init.skipSubnets) out.push('--subnets-to-ignore', init.skipSubnets);
  return out;
}

function securityContext(values: MeshValues): ISecurityContext {
  const init = values.proxyInit;
  // Changing the conntrack close-wait timeout writes a sysctl, which needs a privileged container.
  const privileged = Boolean(init.closeWaitTimeoutSecs) || init.privileged;
  const add = ['NET_ADMIN', 'NET_RAW', ...(init.capabilities?.add ?? [])];
  const drop = init.capabilities?.drop?.length ? { drop: [...init.capabilities.drop] } : {};
  // A 0 uid/gid would silently make the container root; upstream maps it back to nobody.
  const nonRootId = (id: number) => (Number(id) === 0 ? 65534 : id);
  const identity = init.runAsRoot
    ? { runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 }
    : { runAsNonRoot: true, ...runAsIds(nonRootId(init.runAsUser), nonRootId(init.runAsGroup)) };
  return {
    allowPrivilegeEscalation: privileged,
    capabilities: { add, ...drop },
    privileged,
    ...identity,
    readOnlyRootFilesystem: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The iptables init container for the effective values. */
export function buildProxyInitContainer(values: MeshValues): IContainer {
  const init = values.proxyInit;
  const resources = buildResources(hasResources(init.resources) ? init.resources : values.proxy.resources);
  const mounts = [
    ...(values.cniEnabled ? [] : [{ mountPath: init.xtMountPath.mountPath, name: init.xtMountPath.name }]),
    ...(init.saMountPath
      ? [{ mountPath: init.saMountPath.mountPath, name: init.saMountPath.name, readOnly: init.saMountPath.readOnly ?? false }]
      : []),
  ];
  return {
    args: args(values),
    image: proxyImage(values),
    command: [PROXY_INIT_BINARY],
    imagePullPolicy: proxyImagePullPolicy(values),
    name: PROXY_INIT_CONTAINER_NAME,
    ...(resources ? { resources } : {}),
    securityContext: securityContext(values),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}
