/**
 * Argo CD: one Application per phase and an app-of-apps root over them. The root syncs the phase
 * Applications wave by wave (`argocd.argoproj.io/sync-wave` = the phase's position, so CRDs, then
 * identity, control plane, extensions), waiting for each wave to be Healthy before the next — which
 * needs Argo CD's Application health check enabled (docs/gitops.md: argocd-cm). An ApplicationSet was
 * not chosen: its ordering (progressive syncs) is an opt-in alpha feature.
 *
 * Every phase is applied server-side (the CRDs exceed client-side apply's annotation limit, and
 * `linkerd-config` is large too). Webhook `caBundle`s that cert-manager's CA injector writes in-cluster
 * are ignored in diffs and left alone by syncs, so the Applications do not go OutOfSync at each renewal.
 */
import type { KubeObject } from '../manifest.js';
import { CERT_MANAGER_CA_INJECTION_ANNOTATIONS } from '../k8s/labels.js';
import { ARGOCD_SYNC_WAVE_ANNOTATION } from './annotations.js';
import type { ResolvedArgoCdOptions } from './argocd-options.js';
import { apiGroup, mainNamespace } from './object-scope.js';
import { repoJoin } from './repo-path.js';

export const ARGOCD_API = 'argoproj.io/v1alpha1';

/** A phase as Argo CD sees it: its name, directory in the repository and objects. */
export interface ArgoCdPhase {
  readonly name: string;
  readonly repoDirectory: string;
  readonly objects: readonly KubeObject[];
}

/** Where in each kind the CA injector writes (Argo CD's jq paths / JSON pointers). */
const INJECTED_CA_FIELDS: Readonly<Record<string, { readonly jqPathExpressions?: string[]; readonly jsonPointers?: string[] }>> = {
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': { jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] },
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': { jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] },
  'apiregistration.k8s.io/APIService': { jsonPointers: ['/spec/caBundle'] },
  'apiextensions.k8s.io/CustomResourceDefinition': { jsonPointers: ['/spec/conversion/webhook/clientConfig/caBundle'] },
};

const RETRY = { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } };

/** The Application of each phase, in phase order (sync wave = position). */
export function argoCdPhaseApplications(phases: readonly ArgoCdPhase[], options: ResolvedArgoCdOptions, fallbackNamespace: string): KubeObject[] {
  return phases.map((phase, wave) => {
    const ignoreDifferences = injectedCaBundles(phase.objects);
    return {
      apiVersion: ARGOCD_API,
      kind: 'Application',
      metadata: {
        name: `${options.namePrefix}-${phase.name}`,
        namespace: options.namespace,
        annotations: { [ARGOCD_SYNC_WAVE_ANNOTATION]: String(wave) },
      },
      spec: {
        project: options.project,
        source: { repoURL: options.repoURL, targetRevision: options.targetRevision, path: repoJoin(phase.repoDirectory) },
        destination: { server: options.server, namespace: mainNamespace(phase.objects) ?? fallbackNamespace },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['ServerSideApply=true', ...(ignoreDifferences.length ? ['RespectIgnoreDifferences=true'] : [])],
          retry: RETRY,
        },
        ...(ignoreDifferences.length ? { ignoreDifferences } : {}),
      },
    };
  });
}

/** The app-of-apps: applies the phase Applications (and the project) from `appsDirectory`. */
export function argoCdRootApplication(appsDirectory: string, options: ResolvedArgoCdOptions): KubeObject {
  return {
    apiVersion: ARGOCD_API,
    kind: 'Application',
    metadata: { name: options.namePrefix, namespace: options.namespace },
    spec: {
      project: options.rootProject,
      source: { repoURL: options.repoURL, targetRevision: options.targetRevision, path: repoJoin(appsDirectory) },
      destination: { server: options.server, namespace: options.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, retry: RETRY },
    },
  };
}

/** ignoreDifferences entries for the objects whose CA bundle cert-manager injects. */
function injectedCaBundles(objects: readonly KubeObject[]): unknown[] {
  return objects.flatMap((o) => {
    const annotations = (o.metadata?.annotations ?? {}) as Record<string, string>;
    const fields = INJECTED_CA_FIELDS[`${apiGroup(o.apiVersion)}/${o.kind}`];
    if (!fields || !CERT_MANAGER_CA_INJECTION_ANNOTATIONS.some((a) => a in annotations)) return [];
    return [{ group: apiGroup(o.apiVersion), kind: o.kind, name: o.metadata?.name ?? '', ...fields }];
  });
}
