// The restart phase: least-privilege RBAC per namespace, a Job named after the mesh revision, never meshed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App } from 'cdk8s';
import { Mesh } from '../../constructs/mesh.js';
import { gitOpsPhases } from '../../constructs/gitops/synth-gitops.js';
import { DEFAULT_KUBECTL_IMAGE, rolloutRestartObjects } from '../../lib/gitops/rollout-restart.js';
import { gitOpsTree } from '../../lib/gitops/tree.js';
import { MeshformError } from '../../lib/errors.js';
import { meshRevision } from '../../lib/proxy-config/revision.js';
import { INJECT_ANNOTATION } from '../../lib/k8s/labels.js';
import type { KubeObject } from '../../lib/manifest.js';
import { certManagerApp, layout, readObjects } from './fixture.js';
import { join } from 'node:path';

type Job = KubeObject & { metadata: { name: string; annotations: Record<string, string> }; spec: { template: { metadata: { annotations: Record<string, string> }; spec: { serviceAccountName: string; containers: { name: string; image: string; command: string[]; args: string[] }[] } } } };

test('a Role and RoleBinding per namespace allow only get, list and patch on the restarted kinds', () => {
  const objects = rolloutRestartObjects({ namespaces: ['a', 'b'], namespace: 'linkerd', trigger: 't' });
  const roles = objects.filter((o) => o.kind === 'Role');
  assert.deepEqual(roles.map((r) => r.metadata?.namespace), ['a', 'b']);
  for (const r of roles) assert.deepEqual(r.rules, [{ apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets'], verbs: ['get', 'list', 'patch'] }]);
  const bindings = objects.filter((o) => o.kind === 'RoleBinding');
  assert.deepEqual(bindings.map((b) => [b.metadata?.namespace, (b.subjects as { namespace: string }[])[0].namespace]), [['a', 'linkerd'], ['b', 'linkerd']]);
  assert.ok(!objects.some((o) => o.kind.startsWith('Cluster')));
});

test('the Job runs pinned kubectl per namespace, unmeshed, named after the mesh revision', () => {
  const app = certManagerApp();
  const mesh = app.node.findAll().find((c): c is Mesh => c instanceof Mesh) as Mesh;
  const { outdir } = layout('argocd');
  const job = readObjects(join(outdir, '04-rollout-restart/rollout-restart.yaml')).find((o) => o.kind === 'Job') as Job;
  assert.equal(job.metadata.namespace, 'linkerd');
  assert.equal(job.metadata.annotations['meshform.io/rollout-trigger'], meshRevision(mesh.values));
  assert.equal(job.spec.template.metadata.annotations[INJECT_ANNOTATION], 'disabled');
  assert.deepEqual(job.spec.template.spec.containers.map((c) => [c.name, c.image, [...c.command, ...c.args].join(' ')]), [
    ['restart-emojivoto', DEFAULT_KUBECTL_IMAGE, 'kubectl rollout restart deployments,statefulsets,daemonsets --namespace emojivoto'],
    ['restart-books', DEFAULT_KUBECTL_IMAGE, 'kubectl rollout restart deployments,statefulsets,daemonsets --namespace books'],
  ]);
  assert.ok(!('ttlSecondsAfterFinished' in (job.spec as object)), 'a deleted Job would be re-created and restart again');
});

test('a mesh upgrade (another proxy version) renames the Job; the same mesh keeps its name', () => {
  const jobName = (proxyVersion?: string) => {
    const app = new App();
    new Mesh(app, 'mesh', { mesh: { installGatewayAPI: true, ...(proxyVersion ? { values: { proxy: { image: { version: proxyVersion } } } } : {}) }, identity: { certManager: {} } });
    const mesh = app.node.findAll().find((c): c is Mesh => c instanceof Mesh) as Mesh;
    const tree = gitOpsTree(gitOpsPhases(app), { engine: 'flux', rolloutRestart: { namespaces: ['a'], namespace: mesh.namespace, trigger: meshRevision(mesh.values) } });
    const file = tree.files.find((f) => f.path.endsWith('rollout-restart.yaml')) as { text: string };
    return /name: (linkerd-rollout-restart-[0-9a-f]+)/.exec(file.text)?.[1];
  };
  assert.equal(jobName(), jobName());
  assert.notEqual(jobName('edge-26.9.1'), jobName());
});

test('bad restart options are refused, each named', () => {
  assert.throws(
    () => gitOpsTree([], { engine: 'argocd', argocd: { repoURL: 'https://x/y.git' }, rolloutRestart: { namespaces: ['ok', 'Bad_NS', 'ok'] } }),
    (e: unknown) =>
      e instanceof MeshformError &&
      e.issues.map((i) => i.path).join() === 'rolloutRestart.namespaces[1],rolloutRestart.namespaces[2],rolloutRestart.trigger,rolloutRestart.namespace',
  );
  assert.throws(() => gitOpsTree([], { engine: 'plain', rolloutRestart: { namespaces: [] } }), /rolloutRestart\.namespaces = \[\]: must list at least one namespace/);
});
