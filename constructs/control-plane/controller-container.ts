/**
 * The parts of a control-plane controller container upstream's templates repeat: the image, the
 * restricted security context, admin-server probes, tracing arguments and free-form env entries.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import { restrictedSecurityContext } from '../../lib/pod/security-context.js';
import type { JsonObject, MeshValues, ProbeValues } from '../../lib/values/mesh/types.js';

/** `controllerImage:(controllerImageVersion | default linkerdVersion)`. */
export function controllerImage(values: MeshValues): string {
  return `${values.controllerImage}:${values.controllerImageVersion || values.linkerdVersion}`;
}

/** The hardened security context of every controller container. */
export function controllerSecurityContext(values: MeshValues): ISecurityContext {
  return restrictedSecurityContext(values.controllerUID, values.controllerGID);
}

export interface ControllerProbeOptions {
  /** @default - unset */
  readonly initialDelaySeconds?: number;
  /** @default - unset */
  readonly failureThreshold?: number;
}

/**
 * Probe tunables as upstream's CLI renders them. The templates read `<component>.livenessProbe` and
 * `.readinessProbe`, but the CLI's Go `Values` struct only has those fields for `spValidator`: for
 * identity, destination, the policy controller and the proxy injector they are dropped before
 * rendering (the `linkerd-config` values dump shows it), so they never reach the pod. We mirror the
 * rendered result: only the sp-validator honours its probe values.
 */
export function renderedProbeTunables(tunables: ProbeValues | undefined, honoured: boolean): ProbeValues | undefined {
  return honoured ? tunables : undefined;
}

/** An HTTP probe of a controller's admin server, with the optional `timeoutSeconds` value. */
export function controllerProbe(path: string, port: number | string, tunables: ProbeValues | undefined, options: ControllerProbeOptions = {}): IProbe {
  return {
    ...(options.failureThreshold !== undefined ? { failureThreshold: options.failureThreshold } : {}),
    httpGet: { path, port },
    ...(options.initialDelaySeconds !== undefined ? { initialDelaySeconds: options.initialDelaySeconds } : {}),
    ...(typeof tunables?.timeoutSeconds === 'number' ? { timeoutSeconds: tunables.timeoutSeconds } : {}),
  };
}

/** `-trace-collector=...` when controller tracing is on (the proxy's collector is the fallback). */
export function controllerTracingArgs(values: MeshValues): string[] {
  const tracing = values.controller?.tracing;
  if (!tracing?.enabled) return [];
  const endpoint = tracing.collector?.endpoint || values.proxy.tracing?.collector?.endpoint || '';
  return [`-trace-collector=${endpoint}`];
}

/** Free-form env entries (`additionalEnv`, `experimentalEnv`) copied verbatim. */
export function extraEnv(...lists: (readonly JsonObject[] | null | undefined)[]): IEnvVar[] {
  return lists.flatMap((l) => (l ?? []).map((e) => structuredClone(e) as unknown as IEnvVar));
}
