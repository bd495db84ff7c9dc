/**
 * The service-account token volume upstream's charts project by hand on Linkerd's own pods, which set
 * `automountServiceAccountToken: false` so that only the containers that mount it see the token. One
 * definition for the control plane, viz and multicluster.
 */
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

export const KUBE_API_ACCESS_VOLUME = 'kube-api-access';
const SA_TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

export function kubeApiAccessVolume(): IVolume {
  return {
    name: KUBE_API_ACCESS_VOLUME,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

export function kubeApiAccessMount(): IVolumeMount {
  return { mountPath: SA_TOKEN_MOUNT, name: KUBE_API_ACCESS_VOLUME, readOnly: true };
}
