/**
 * The `linkerd-proxy` container (upstream's `partials.proxy`): image, env, probes, ports, resources,
 * security context, lifecycle and mounts. Placement (native sidecar or regular container) is
 * `injectPodSpec`'s job; this builder only adds `restartPolicy: Always` when the proxy is a native
 * sidecar, since that field is part of the container.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { CapabilitiesValues, MeshValues, ProbeValues } from '../values/mesh/types.js';
import { PROXY_ADMIN_PORT_NAME, PROXY_INBOUND_PORT_NAME } from '../k8s/names.js';
import { runAsIds } from '../pod/run-as.js';
import {
  DEFAULT_PROXY_CONTAINER_NAME,
  IDENTITY_END_ENTITY_PATH,
  IDENTITY_END_ENTITY_VOLUME,
  IDENTITY_TOKEN_DIR,
  IDENTITY_TOKEN_VOLUME,
  LINKERD_AWAIT_BINARY,
  PODINFO_PATH,
  PODINFO_VOLUME,
  type ProxyContext,
} from './context.js';
import { buildProxyEnv } from './env.js';
import { proxyImage, proxyImagePullPolicy } from './images.js';
import { buildResources } from '../pod/resources.js';

/** The proxy container's name (`proxyContainerName`, default `linkerd-proxy`). */
export function proxyContainerName(values: MeshValues): string {
  return values.proxyContainerName || DEFAULT_PROXY_CONTAINER_NAME;
}

/** Probe tunables in upstream's order; unset ones are left out. */
function tunables(p: ProbeValues | undefined, keys: readonly (keyof ProbeValues)[]): Partial<IProbe> {
  const out: Record<string, number> = {};
  for (const k of keys) {
    const v = p?.[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/** `capabilities: {add, drop}` from a capabilities value, or undefined when neither list is set. */
export function buildCapabilities(caps: CapabilitiesValues | null | undefined): ISecurityContext['capabilities'] | undefined {
  if (!caps) return undefined;
  const add = caps.add?.length ? { add: [...caps.add] } : {};
  const drop = caps.drop?.length ? { drop: [...caps.drop] } : {};
  return caps.add?.length || caps.drop?.length ? { ...add, ...drop } : undefined;
}

function securityContext(values: MeshValues): ISecurityContext {
  const p = values.proxy;
  // A user-supplied security context replaces upstream's hardened default wholesale.
  if (p.securityContext && Object.keys(p.securityContext).length) return structuredClone(p.securityContext) as ISecurityContext;
  const capabilities = buildCapabilities(p.capabilities);
  return {
    allowPrivilegeEscalation: false,
    ...(capabilities ? { capabilities } : {}),
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    ...runAsIds(p.uid, p.gid),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function lifecycle(values: MeshValues): IContainer['lifecycle'] | undefined {
  const p = values.proxy;
  // Native sidecars get readiness ordering from the startup probe and stop after the app anyway.
  if (p.nativeSidecar) return undefined;
  const postStart = p.await
    ? { exec: { command: [LINKERD_AWAIT_BINARY, '--timeout=2m', `--port=${p.ports.admin}`] } }
    : undefined;
  const preStop = p.waitBeforeExitSeconds ? { exec: { command: ['/bin/sleep', String(p.waitBeforeExitSeconds)] } } : undefined;
  if (!postStart && !preStop) return undefined;
  return { ...(postStart ? { postStart } : {}), ...(preStop ? { preStop } : {}) };
}

function volumeMounts(values: MeshValues): IVolumeMount[] {
  const mounts: IVolumeMount[] = [{ mountPath: IDENTITY_END_ENTITY_PATH, name: IDENTITY_END_ENTITY_VOLUME }];
  if (values.identity.serviceAccountTokenProjection) mounts.push({ mountPath: IDENTITY_TOKEN_DIR, name: IDENTITY_TOKEN_VOLUME });
  const sa = values.proxy.saMountPath;
  if (sa) mounts.push({ mountPath: sa.mountPath, name: sa.name, readOnly: sa.readOnly ?? false });
  if (values.proxy.tracing?.enabled) mounts.push({ mountPath: PODINFO_PATH, name: PODINFO_VOLUME });
  return mounts;
}

/** The proxy sidecar container for the effective values. */
export function buildProxyContainer(values: MeshValues, ctx: ProxyContext): IContainer {
  const p = values.proxy;
  const admin = p.ports.admin;
  const startupProbe: IProbe | undefined =
    p.nativeSidecar && p.await
      ? {
          httpGet: { path: '/ready', port: admin },
          ...tunables(p.startupProbe, ['initialDelaySeconds', 'periodSeconds', 'failureThreshold']),
        }
      : undefined;
  const resources = buildResources(p.resources);
  const life = lifecycle(values);
  return {
    env: buildProxyEnv(values, ctx),
    image: proxyImage(values),
    imagePullPolicy: proxyImagePullPolicy(values),
    livenessProbe: {
      httpGet: { path: '/live', port: admin },
      ...tunables(p.livenessProbe, ['initialDelaySeconds', 'timeoutSeconds']),
    },
    name: proxyContainerName(values),
    ports: [
      { containerPort: p.ports.inbound, name: PROXY_INBOUND_PORT_NAME },
      { containerPort: admin, name: PROXY_ADMIN_PORT_NAME },
    ],
    readinessProbe: {
      httpGet: { path: '/ready', port: admin },
      ...tunables(p.readinessProbe, ['initialDelaySeconds', 'timeoutSeconds']),
    },
    ...(startupProbe ? { startupProbe } : {}),
    ...(resources ? { resources } : {}),
    securityContext: securityContext(values),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    ...(life ? { lifecycle: life } : {}),
    volumeMounts: volumeMounts(values),
    ...(p.nativeSidecar ? { restartPolicy: 'Always' } : {}),
  };
}
