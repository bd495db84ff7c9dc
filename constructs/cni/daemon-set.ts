/**
 * The `linkerd-cni` DaemonSet: on every node, install-cni copies the plugin binary and network config
 * into the host's CNI directories and then sleeps; the optional repair controller restarts pods whose
 * network validation lost the race against the cluster's own CNI plugin.
 */
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INodeAffinity } from 'kubernetes-models/v1/NodeAffinity';
import { LINKERD_VERSION } from '../../lib/versions.js';
import type { CniValues } from '../../lib/values/cni/types.js';
import { buildResources } from '../../lib/pod/resources.js';
import { podScheduling } from '../../lib/pod/scheduling.js';
import { restrictedPodSecurityContext } from '../../lib/pod/security-context.js';
import { CNI_CONFIG_MAP, CNI_NAME, CNI_RESOURCE_LABEL, cniLabels } from './labels.js';
import { CREATED_BY_ANNOTATION, INJECT_ANNOTATION, INJECT_DISABLED } from '../../lib/k8s/labels.js';

const CREATED_BY = `linkerd/cli ${LINKERD_VERSION}`;

function image(values: CniValues): Pick<IContainer, 'image' | 'imagePullPolicy'> {
  return {
    image: `${values.image.name}:${values.image.version}`,
    // An empty pull policy is left out, so Kubernetes applies its own default.
    ...(values.image.pullPolicy && { imagePullPolicy: values.image.pullPolicy as IContainer['imagePullPolicy'] }),
  };
}

/** The plugin binaries and the network config go to different host directories (the usual case). */
const separateBinDir = (values: CniValues): boolean => values.destCNIBinDir !== values.destCNINetDir;

function fromConfig(name: string, key: string): NonNullable<IContainer['env']>[number] {
  return { name, valueFrom: { configMapKeyRef: { name: CNI_CONFIG_MAP, key } } };
}

function installCniContainer(values: CniValues): IContainer {
  const resources = buildResources(values.resources);
  return {
    name: 'install-cni',
    ...image(values),
    env: [
      fromConfig('DEST_CNI_NET_DIR', 'dest_cni_net_dir'),
      fromConfig('DEST_CNI_BIN_DIR', 'dest_cni_bin_dir'),
      fromConfig('CNI_NETWORK_CONFIG', 'cni_network_config'),
      { name: 'SLEEP', value: 'true' },
    ],
    // SIGTERM to the install script makes it remove the plugin from the node before the pod goes.
    lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'kill -15 1; sleep 15s'] } } },
    volumeMounts: [
      // One host directory is mounted once (upstream: `if ne .Values.destCNIBinDir .Values.destCNINetDir`).
      ...(separateBinDir(values) ? [{ mountPath: `/host${values.destCNIBinDir}`, name: 'cni-bin-dir' }] : []),
      { mountPath: `/host${values.destCNINetDir}`, name: 'cni-net-dir' },
      { mountPath: '/tmp', name: 'linkerd-tmp-dir' },
    ],
    securityContext: { readOnlyRootFilesystem: true, privileged: values.privileged },
    ...(resources && { resources }),
  };
}

function repairControllerContainer(values: CniValues): IContainer {
  const repair = values.repairController;
  const resources = buildResources(repair.resources);
  return {
    name: 'repair-controller',
    ...image(values),
    command: ['/usr/lib/linkerd/linkerd-cni-repair-controller'],
    args: ['--admin-addr=0.0.0.0:9990', '--log-format', repair.logFormat, '--log-level', repair.logLevel],
    env: [
      { name: 'LINKERD_CNI_REPAIR_CONTROLLER_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'LINKERD_CNI_REPAIR_CONTROLLER_POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    ports: [{ containerPort: 9990, name: 'admin-http' }],
    readinessProbe: { failureThreshold: 7, httpGet: { path: '/ready', port: 9990 }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1 },
    livenessProbe: { httpGet: { path: '/live', port: 9990 }, initialDelaySeconds: 10 },
    ...(repair.enableSecurityContext && { securityContext: { readOnlyRootFilesystem: true, privileged: false } }),
    ...(resources && { resources }),
  };
}

/**
 * The values' strategy as given, except that `type: OnDelete` drops the default `rollingUpdate` it
 * was merged over (Helm merges maps), which the API server would otherwise reject.
 */
function updateStrategy(values: CniValues): NonNullable<IDaemonSet['spec']>['updateStrategy'] {
  const { type, rollingUpdate } = values.updateStrategy;
  return {
    ...(type !== 'OnDelete' && rollingUpdate && { rollingUpdate: { ...rollingUpdate } }),
    ...(type && { type: type as 'RollingUpdate' | 'OnDelete' }),
  };
}

export function cniDaemonSet(values: CniValues, namespace: string): IDaemonSet {
  const selector = { 'k8s-app': CNI_NAME };
  const containers = [installCniContainer(values)];
  if (values.repairController.enabled) containers.push(repairControllerContainer(values));
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: CNI_NAME,
      namespace,
      labels: cniLabels(values, selector),
      annotations: { [CREATED_BY_ANNOTATION]: CREATED_BY },
    },
    spec: {
      revisionHistoryLimit: values.revisionHistoryLimit,
      selector: { matchLabels: selector },
      ...(Object.keys(values.updateStrategy ?? {}).length > 0 && { updateStrategy: updateStrategy(values) }),
      template: {
        metadata: {
          labels: { ...selector, [CNI_RESOURCE_LABEL]: 'true', ...values.podLabels },
          annotations: { [CREATED_BY_ANNOTATION]: CREATED_BY, [INJECT_ANNOTATION]: INJECT_DISABLED },
        },
        spec: {
          ...podScheduling({ tolerations: values.tolerations, priorityClassName: values.priorityClassName }),
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          ...(values.nodeAffinity &&
            Object.keys(values.nodeAffinity).length > 0 && {
              affinity: { nodeAffinity: structuredClone(values.nodeAffinity) as INodeAffinity },
            }),
          securityContext: restrictedPodSecurityContext(),
          serviceAccountName: CNI_NAME,
          ...(values.extraInitContainers.length > 0 && { initContainers: structuredClone(values.extraInitContainers) as unknown as IContainer[] }),
          containers,
          volumes: [
            ...(separateBinDir(values) ? [{ name: 'cni-bin-dir', hostPath: { path: values.destCNIBinDir } }] : []),
            { name: 'cni-net-dir', hostPath: { path: values.destCNINetDir } },
            { name: 'linkerd-tmp-dir', emptyDir: {} },
          ],
        },
      },
    },
  };
}
