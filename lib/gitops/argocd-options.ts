/** Where Argo CD finds the layout and where it applies it. */
import type { IssueCollector } from '../errors.js';

export interface ArgoCdOptions {
  /** The Git repository holding the layout (every Application's `source.repoURL`; the project's only source). */
  readonly repoURL: string;
  /**
   * Branch, tag or commit to follow.
   * @default 'HEAD'
   */
  readonly targetRevision?: string;
  /**
   * Argo CD's namespace, where the Applications and the AppProject live.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * The cluster the mesh is applied to.
   * @default 'https://kubernetes.default.svc' (the cluster Argo CD runs in)
   */
  readonly server?: string;
  /**
   * Name of the AppProject the phase Applications belong to (written by the layout).
   * @default 'linkerd'
   */
  readonly project?: string;
  /**
   * Project of the root Application. Not the mesh's own project: that one may create no
   * Applications, so a change in the mesh's folder cannot reach beyond the mesh.
   * @default 'default'
   */
  readonly rootProject?: string;
  /**
   * Prefix of the Applications' names (`<prefix>-<phase>`; the root Application is `<prefix>`).
   * @default 'linkerd'
   */
  readonly namePrefix?: string;
}

/** The options with their defaults applied. */
export type ResolvedArgoCdOptions = Required<ArgoCdOptions>;

export function resolveArgoCdOptions(options: ArgoCdOptions): ResolvedArgoCdOptions {
  return {
    repoURL: options.repoURL,
    targetRevision: options.targetRevision ?? 'HEAD',
    namespace: options.namespace ?? 'argocd',
    server: options.server ?? 'https://kubernetes.default.svc',
    project: options.project ?? 'linkerd',
    rootProject: options.rootProject ?? 'default',
    namePrefix: options.namePrefix ?? 'linkerd',
  };
}

export function checkArgoCdOptions(issues: IssueCollector, options: ArgoCdOptions | undefined): void {
  if (!options?.repoURL) {
    issues.add('argocd.repoURL', options?.repoURL, 'is required for Argo CD: the Git repository the layout is committed to');
    return;
  }
  issues.check('argocd.repoURL', options.repoURL, /^(https?:\/\/|ssh:\/\/|git@)\S+$/.test(options.repoURL) ? undefined : 'must be an https://, ssh:// or git@ repository URL');
  const resolved = resolveArgoCdOptions(options);
  if (resolved.project === resolved.rootProject) {
    issues.add('argocd.rootProject', resolved.rootProject, 'must differ from argocd.project: the mesh project must not be able to create Applications');
  }
}
