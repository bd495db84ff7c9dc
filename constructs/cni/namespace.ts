/**
 * The CNI namespace `linkerd install-cni` adds in front of the chart: the plugin needs host paths, so
 * it is `privileged` under Pod Security, and the admission webhooks leave it alone.
 */
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { CNI_RESOURCE_LABEL } from './labels.js';
import { ADMISSION_WEBHOOKS_LABEL } from '../../lib/k8s/labels.js';

export function cniNamespace(namespace: string): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      labels: {
        [CNI_RESOURCE_LABEL]: 'true',
        [ADMISSION_WEBHOOKS_LABEL]: 'disabled',
        'pod-security.kubernetes.io/enforce': 'privileged',
      },
    },
  };
}
