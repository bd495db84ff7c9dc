/**
 * Names of the injection surface: the workload kinds, containers and volumes injection adds. The
 * label and annotation keys live in lib/k8s/labels.ts (upstream `pkg/k8s/labels.go`); re-exported
 * here for the inject code.
 */

export {
  LINKERD_PREFIX,
  CONFIG_PREFIX,
  INJECT_ANNOTATION,
  INJECT_ENABLED,
  INJECT_DISABLED,
  INJECT_INGRESS,
  CREATED_BY_ANNOTATION,
  CONTROL_PLANE_COMPONENT_LABEL,
  ANNOTATIONS,
} from '../k8s/labels.js';

/** Kinds whose pod template can be meshed, with the `linkerd.io/proxy-<kind>` owner label they get. */
export const WORKLOAD_KINDS = [
  'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Pod',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Containers and volumes injection adds, which `uninject` removes. */
export const INJECTED_CONTAINER_NAMES: readonly string[] = ['linkerd-init', 'linkerd-proxy', 'linkerd-network-validator', 'linkerd-debug'];
export const INJECTED_VOLUME_NAMES: readonly string[] = [
  'linkerd-identity-end-entity', 'linkerd-proxy-init-xtables-lock', 'linkerd-identity-token',
];
/** Where Kubernetes mounts the default service-account token. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
