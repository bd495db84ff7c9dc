/** Building blocks shared by the control-plane value types (and reusable by other charts' trees). */

/** A free-form map of strings (labels, annotations, node selectors). */
export type StringMap = { readonly [key: string]: string };

/** Free-form YAML/JSON passed through verbatim (affinity terms, tolerations, securityContext...). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** One `limit` / `request` pair of a resource; `''` means unset. */
export interface ResourceQuantityValues {
  /** @default '' (no limit) */
  readonly limit?: string | number;
  /** @default '' (no request) */
  readonly request?: string | number;
}

/** `{cpu, memory, ephemeral-storage}` as used by `proxy.resources` and the `*Resources` keys. */
export interface ResourceRequirementsValues {
  readonly cpu?: ResourceQuantityValues;
  readonly memory?: ResourceQuantityValues;
  readonly 'ephemeral-storage'?: ResourceQuantityValues;
}

/** A probe's tunables (`livenessProbe`, `readinessProbe`, `startupProbe`). */
export interface ProbeValues {
  /** @default - Kubernetes' default */
  readonly initialDelaySeconds?: number;
  /** @default - Kubernetes' default */
  readonly timeoutSeconds?: number;
  /** @default - Kubernetes' default */
  readonly periodSeconds?: number;
  /** @default - Kubernetes' default */
  readonly failureThreshold?: number;
}

/** A container image reference split as upstream does. */
export interface ImageValues {
  readonly name: string;
  /** `''` falls back to the global `imagePullPolicy`. */
  readonly pullPolicy: string;
  /** `''` falls back to `linkerdVersion`. */
  readonly version: string;
}

export interface MeshIdentityValues {
  readonly serviceAccountName: string;
  readonly namespace: string;
}

/** A volume mount path descriptor (`xtMountPath`, `saMountPath`). */
export interface MountPathValues {
  readonly mountPath: string;
  readonly name: string;
  /** @default false */
  readonly readOnly?: boolean;
}

/** Linux capabilities to add/drop on a container. */
export interface CapabilitiesValues {
  readonly add?: readonly string[];
  readonly drop?: readonly string[];
}
