/** `linkerd-cni-config`: where the plugin goes on the host and the network config it installs. */
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { CniValues } from '../../lib/values/cni/types.js';
import { CNI_CONFIG_MAP, cniLabels } from './labels.js';
import { cniPluginConfig } from './plugin-config.js';

export function cniConfigMap(values: CniValues, namespace: string): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CNI_CONFIG_MAP, namespace, labels: cniLabels(values) },
    data: {
      dest_cni_net_dir: values.destCNINetDir,
      dest_cni_bin_dir: values.destCNIBinDir,
      cni_network_config: JSON.stringify(cniPluginConfig(values), null, 2),
    },
  };
}
