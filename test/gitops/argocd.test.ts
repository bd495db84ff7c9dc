// Argo CD: Applications per phase in waves CRDs → identity → control plane → extensions → restart; SSA; caBundles ignored; a project computed from the render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARGOCD_SYNC_WAVE_ANNOTATION } from '../../lib/gitops/annotations.js';
import { CERT_MANAGER_CA_INJECTION_ANNOTATIONS } from '../../lib/k8s/labels.js';
import { ARGOCD_HEALTH_CONFIG, gitOpsTree } from '../../lib/gitops/tree.js';
import { validateKubeObject } from '../helpers/kube-schema.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { keyOf, layout, readObjects, REPO_URL, RESTART_NAMESPACES } from './fixture.js';

interface Application extends KubeObject {
  readonly metadata: { readonly name: string; readonly namespace: string; readonly annotations?: Record<string, string> };
  readonly spec: {
    project: string;
    source: { repoURL: string; path: string; targetRevision: string };
    destination: { server: string; namespace: string };
    syncPolicy: { syncOptions?: string[]; automated?: { prune: boolean } };
    ignoreDifferences?: { group: string; kind: string; name: string; jqPathExpressions?: string[]; jsonPointers?: string[] }[];
  };
}

const argo = layout('argocd');
const appsOf = (paths: readonly string[]) => paths.filter((p) => /^argocd\/apps\/\d\d-/.test(p)).map((p) => readObjects(join(argo.outdir, p))[0] as Application);
const apps = appsOf(argo.paths);
const phaseFiles = argo.paths.filter((p) => /^\d\d-[^/]+\/(?!kustomization\.yaml)[^/]+$/.test(p));
const phaseObjects = phaseFiles.flatMap((p) => readObjects(join(argo.outdir, p)));
const wave = (o: KubeObject) => Number((o.metadata?.annotations as Record<string, string>)[ARGOCD_SYNC_WAVE_ANNOTATION]);

test('one Application per phase directory, its source path that directory, waves in phase order', () => {
  assert.deepEqual(
    apps.map((a) => [a.metadata.name, a.spec.source.path, wave(a)]),
    [
      ['linkerd-crds', 'clusters/prod/linkerd/00-crds', 0],
      ['linkerd-cert-manager-identity', 'clusters/prod/linkerd/01-cert-manager-identity', 1],
      ['linkerd-control-plane', 'clusters/prod/linkerd/02-control-plane', 2],
      ['linkerd-viz', 'clusters/prod/linkerd/03-viz', 3],
      ['linkerd-rollout-restart', 'clusters/prod/linkerd/04-rollout-restart', 4],
    ],
  );
  for (const a of apps) {
    assert.equal(a.spec.source.repoURL, REPO_URL);
    assert.equal(a.spec.source.targetRevision, 'HEAD');
    assert.equal(a.spec.project, 'linkerd');
    assert.equal(a.metadata.namespace, 'argocd');
  }
});

test('the root app-of-apps applies argocd/apps from another project; the AppProject syncs before every Application', () => {
  const [root] = readObjects(join(argo.outdir, 'argocd/root.yaml')) as Application[];
  assert.equal(root.spec.source.path, 'clusters/prod/linkerd/argocd/apps');
  assert.equal(root.spec.project, 'default');
  assert.equal(root.spec.destination.namespace, 'argocd');
  const [project] = readObjects(join(argo.outdir, 'argocd/apps/project.yaml'));
  assert.equal(project.kind, 'AppProject');
  assert.ok(apps.every((a) => wave(a) > wave(project)));
});

test('every phase syncs server-side and prunes; CRDs and namespaces never pruned or deleted by a sync', () => {
  for (const a of apps) {
    assert.ok(a.spec.syncPolicy.syncOptions?.includes('ServerSideApply=true'), a.metadata.name);
    assert.equal(a.spec.syncPolicy.automated?.prune, true);
  }
  for (const o of phaseObjects.filter((x) => ['CustomResourceDefinition', 'Namespace'].includes(x.kind))) {
    const options = ((o.metadata?.annotations as Record<string, string>)['argocd.argoproj.io/sync-options'] ?? '').split(',');
    for (const wanted of ['Prune=false', 'Delete=false', 'ServerSideApply=true']) assert.ok(options.includes(wanted), `${keyOf(o)}: ${wanted}`);
  }
});

test('the caBundle of every webhook and APIService cert-manager injects is ignored in diffs and kept by syncs', () => {
  const injected = phaseObjects.filter((o) => CERT_MANAGER_CA_INJECTION_ANNOTATIONS.some((a) => a in ((o.metadata?.annotations as object | undefined) ?? {})));
  assert.deepEqual([...new Set(injected.map((o) => o.kind))].sort(), ['APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
  const ignored = apps.flatMap((a) => (a.spec.ignoreDifferences ?? []).map((d) => ({ app: a, d })));
  for (const o of injected) {
    const entry = ignored.find(({ d }) => d.kind === o.kind && d.name === o.metadata?.name);
    assert.ok(entry, `${keyOf(o)} has an ignoreDifferences entry`);
    const paths = [...(entry.d.jqPathExpressions ?? []), ...(entry.d.jsonPointers ?? [])];
    assert.deepEqual(paths, o.kind === 'APIService' ? ['/spec/caBundle'] : ['.webhooks[]?.clientConfig.caBundle']);
    assert.ok(entry.app.spec.syncPolicy.syncOptions?.includes('RespectIgnoreDifferences=true'));
  }
  assert.equal(ignored.length, injected.length);
});

test('the AppProject allows only the repository, the namespaces written to and the kinds emitted', () => {
  const [project] = readObjects(join(argo.outdir, 'argocd/apps/project.yaml')) as unknown as {
    spec: { sourceRepos: string[]; destinations: { namespace: string }[]; clusterResourceWhitelist: { group: string; kind: string }[]; namespaceResourceWhitelist: { group: string; kind: string }[] };
  }[];
  const gk = (o: KubeObject) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}`;
  const clusterKinds = [...new Set(phaseObjects.filter((o) => !o.metadata?.namespace).map(gk))].sort();
  const namespacedKinds = [...new Set(phaseObjects.filter((o) => o.metadata?.namespace).map(gk))].sort();
  assert.deepEqual(project.spec.clusterResourceWhitelist.map((w) => `${w.group}/${w.kind}`).sort(), clusterKinds);
  assert.deepEqual(project.spec.namespaceResourceWhitelist.map((w) => `${w.group}/${w.kind}`).sort(), namespacedKinds);
  assert.ok(clusterKinds.includes('apiextensions.k8s.io/CustomResourceDefinition') && !clusterKinds.includes('/Pod'));
  assert.deepEqual(project.spec.sourceRepos, [REPO_URL]);
  const namespaces = [...new Set(phaseObjects.flatMap((o) => (o.metadata?.namespace ? [o.metadata.namespace] : [])))];
  const allowed = project.spec.destinations.map((d) => d.namespace);
  for (const ns of [...namespaces, ...apps.map((a) => a.spec.destination.namespace)]) assert.ok(allowed.includes(ns), ns);
  for (const ns of RESTART_NAMESPACES) assert.ok(allowed.includes(ns), ns);
  assert.ok(!allowed.includes('*') && !allowed.includes('argocd'));
});

test('the argocd-cm key enabling Application health is written next to the root, not applied by it', () => {
  const [configMap] = readObjects(join(argo.outdir, ARGOCD_HEALTH_CONFIG)) as unknown as (KubeObject & { data: Record<string, string> })[];
  assert.deepEqual([configMap.kind, configMap.metadata?.name, configMap.metadata?.namespace], ['ConfigMap', 'argocd-cm', 'argocd']);
  assert.deepEqual(Object.keys(configMap.data), ['resource.customizations.health.argoproj.io_Application']);
  assert.match(configMap.data['resource.customizations.health.argoproj.io_Application'], /hs\.status = obj\.status\.health\.status/);
  assert.ok(!ARGOCD_HEALTH_CONFIG.startsWith('argocd/apps/'));
  assert.equal(validateKubeObject(configMap).status, 'valid');
});

test('a cluster-scoped phase (the CRDs) is sent to the mesh namespace', () => {
  assert.equal(apps[0].spec.destination.namespace, 'linkerd');
});

test('Argo CD without a repoURL, or with the mesh project as the root project, is refused with every problem named', () => {
  const phases = [{ name: 'crds', source: 'App/crds', objects: [] }];
  assert.throws(() => gitOpsTree(phases, { engine: 'argocd' }), (e: unknown) => e instanceof MeshformError && /argocd\.repoURL/.test(e.message));
  assert.throws(
    () => gitOpsTree(phases, { engine: 'argocd', repoPath: '../x', argocd: { repoURL: 'ftp://x', project: 'p', rootProject: 'p' } }),
    (e: unknown) => e instanceof MeshformError && e.issues.map((i) => i.path).join() === 'repoPath,argocd.repoURL,argocd.rootProject',
  );
  assert.throws(() => gitOpsTree(phases, { engine: 'argocd', argocd: { repoURL: REPO_URL, rootProject: 'linkerd' } }), /argocd\.rootProject = "linkerd": must differ/);
});
