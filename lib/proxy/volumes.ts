/**
 * The pod volumes the proxy partials need: the xtables lock for proxy-init (not with CNI), the
 * projected service-account token the proxy presents to the identity controller, the in-memory
 * directory holding the proxy's certificate, and the labels the trace exporter reads.
 */
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { MeshValues } from '../values/mesh/types.js';
import { IDENTITY_END_ENTITY_VOLUME, IDENTITY_TOKEN_AUDIENCE, IDENTITY_TOKEN_VOLUME, PODINFO_VOLUME } from './context.js';

/** Lifetime of the projected identity token: a day, refreshed by the kubelet. */
const IDENTITY_TOKEN_SECONDS = 86400;

export function buildXtablesLockVolume(values: MeshValues): IVolume {
  return { emptyDir: {}, name: values.proxyInit.xtMountPath.name };
}

export function buildIdentityTokenVolume(): IVolume {
  return {
    name: IDENTITY_TOKEN_VOLUME,
    projected: {
      sources: [
        {
          serviceAccountToken: {
            path: IDENTITY_TOKEN_VOLUME,
            expirationSeconds: IDENTITY_TOKEN_SECONDS,
            audience: IDENTITY_TOKEN_AUDIENCE,
          },
        },
      ],
    },
  };
}

export function buildEndEntityVolume(): IVolume {
  return { emptyDir: { medium: 'Memory' }, name: IDENTITY_END_ENTITY_VOLUME };
}

export function buildPodinfoVolume(): IVolume {
  return {
    name: PODINFO_VOLUME,
    downwardAPI: {
      items: [
        { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
      ],
    },
  };
}

/** Every volume the proxy, its init container and tracing need, in upstream's order. */
export function buildProxyVolumes(values: MeshValues): IVolume[] {
  return [
    ...(values.cniEnabled ? [] : [buildXtablesLockVolume(values)]),
    ...(values.identity.serviceAccountTokenProjection ? [buildIdentityTokenVolume()] : []),
    buildEndEntityVolume(),
    ...(values.proxy.tracing?.enabled ? [buildPodinfoVolume()] : []),
  ];
}
