/**
 * The data-plane rollout for workloads meshform does not render: a Job that runs `kubectl rollout
 * restart` on the Deployments, StatefulSets and DaemonSets of the listed namespaces, with a
 * ServiceAccount allowed exactly that (a Role per namespace: get, list, patch on those kinds).
 * Workloads meshed with meshWorkload roll by themselves (their `meshform.io/mesh-revision`
 * annotation changes with the proxy version or trust anchors); this covers the rest.
 *
 * The Job is named after the mesh revision (`trigger`): a Job is immutable, so a mesh upgrade
 * creates a new Job (the engine prunes the old one) and an unchanged mesh never restarts anything.
 * It has no `ttlSecondsAfterFinished`: a Job deleted from the cluster would be re-created by the
 * engine and restart the workloads again.
 */
import { createHash } from 'node:crypto';
import type { IssueCollector } from '../errors.js';
import { INJECT_ANNOTATION, INJECT_DISABLED } from '../k8s/labels.js';
import { dns1123LabelProblem, dns1123LabelProblemUpTo } from '../k8s/name-rules.js';
import type { KubeObject } from '../manifest.js';
import { ROLLOUT_TRIGGER_ANNOTATION } from './annotations.js';
import { restrictedPodSecurityContext, restrictedSecurityContext } from '../pod/security-context.js';

/** kubectl, pinned; the image runs `kubectl` and nothing else (no shell). */
export const DEFAULT_KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.33.4';
export const ROLLOUT_RESTART_NAME = 'linkerd-rollout-restart';
const RESTARTED_KINDS = ['deployments', 'statefulsets', 'daemonsets'] as const;
/** The nobody user: kubectl needs no identity of its own in the container. */
const NOBODY = 65534;
/** `restart-` + namespace must fit a container name (a DNS label of at most 63 characters). */
const restartedNamespaceProblem = dns1123LabelProblemUpTo(63 - 'restart-'.length);

export interface RolloutRestartOptions {
  /** Namespaces whose Deployments, StatefulSets and DaemonSets restart when the mesh changes. */
  readonly namespaces: readonly string[];
  /**
   * A value that changes exactly when the workloads must roll; the Job's name derives from it.
   * @default - the mesh revision (`meshRevision(values)`: proxy version and trust anchors), set by synthGitOps
   */
  readonly trigger?: string;
  /**
   * Namespace of the Job and its ServiceAccount.
   * @default - the control plane's namespace
   */
  readonly namespace?: string;
  /**
   * The kubectl image (pin a digest in production).
   * @default DEFAULT_KUBECTL_IMAGE
   */
  readonly image?: string;
}

/** Every problem with the options, collected under `rolloutRestart.*`. */
export function checkRolloutRestartOptions(issues: IssueCollector, options: RolloutRestartOptions): void {
  if (!options.namespaces.length) issues.add('rolloutRestart.namespaces', [], 'must list at least one namespace');
  options.namespaces.forEach((ns, i) => {
    const path = `rolloutRestart.namespaces[${i}]`;
    const problem = restartedNamespaceProblem(ns);
    if (problem !== undefined) issues.add(path, ns, `${problem} (restart-<namespace> names a container)`);
    else if (options.namespaces.indexOf(ns) !== i) issues.add(path, ns, 'is listed twice');
  });
  if (options.trigger !== undefined && !options.trigger) issues.add('rolloutRestart.trigger', options.trigger, 'must not be empty');
  if (options.namespace !== undefined) issues.check('rolloutRestart.namespace', options.namespace, dns1123LabelProblem(options.namespace));
}

/** The restart Job's objects; `namespace` and `trigger` resolved by the caller. */
export function rolloutRestartObjects(options: RolloutRestartOptions & { readonly namespace: string; readonly trigger: string }): KubeObject[] {
  const { namespace } = options;
  const labels = { 'app.kubernetes.io/name': ROLLOUT_RESTART_NAME, 'app.kubernetes.io/part-of': 'linkerd' };
  const perNamespace = options.namespaces.flatMap((ns): KubeObject[] => [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: ROLLOUT_RESTART_NAME, namespace: ns, labels },
      rules: [{ apiGroups: ['apps'], resources: [...RESTARTED_KINDS], verbs: ['get', 'list', 'patch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: ROLLOUT_RESTART_NAME, namespace: ns, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: ROLLOUT_RESTART_NAME },
      subjects: [{ kind: 'ServiceAccount', name: ROLLOUT_RESTART_NAME, namespace }],
    },
  ]);
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: ROLLOUT_RESTART_NAME, namespace, labels } },
    ...perNamespace,
    restartJob(options, labels),
  ];
}

function restartJob(options: RolloutRestartOptions & { readonly namespace: string; readonly trigger: string }, labels: Record<string, string>): KubeObject {
  const suffix = createHash('sha256').update(options.trigger).digest('hex').slice(0, 10);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${ROLLOUT_RESTART_NAME}-${suffix}`, namespace: options.namespace, labels, annotations: { [ROLLOUT_TRIGGER_ANNOTATION]: options.trigger } },
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 600,
      template: {
        // A proxy would keep the Job's pod running after kubectl exits.
        metadata: { labels, annotations: { [INJECT_ANNOTATION]: INJECT_DISABLED } },
        spec: {
          serviceAccountName: ROLLOUT_RESTART_NAME,
          restartPolicy: 'Never',
          securityContext: restrictedPodSecurityContext(),
          // One container per namespace (they run side by side): the image has no shell to loop with.
          containers: options.namespaces.map((ns) => ({
            name: `restart-${ns}`,
            image: options.image ?? DEFAULT_KUBECTL_IMAGE,
            command: ['kubectl'],
            args: ['rollout', 'restart', RESTARTED_KINDS.join(','), '--namespace', ns],
            // kubectl caches API discovery under $HOME; the root filesystem is read-only.
            env: [{ name: 'HOME', value: '/tmp' }],
            securityContext: restrictedSecurityContext(NOBODY, NOBODY),
            resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          })),
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

/** The same restart as shell commands, for the plain layout. */
export function rolloutRestartCommands(namespaces: readonly string[]): string[] {
  return namespaces.map((ns) => `kubectl rollout restart ${RESTARTED_KINDS.join(',')} --namespace ${ns}`);
}
