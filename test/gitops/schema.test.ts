// Every object of every layout validates: engine objects against ../shared/crds (Argo CD, Flux), phase objects against Kubernetes and the render's CRDs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { Mesh } from '../../constructs/mesh.js';
import { gitOpsPhases } from '../../constructs/gitops/synth-gitops.js';
import { gitOpsTree } from '../../lib/gitops/tree.js';
import { CustomResourceValidator } from '../helpers/custom-resources.js';
import { validateRender } from '../helpers/validate-all.js';
import { GITOPS_ENGINES } from '../../lib/gitops/types.js';
import type { KubeObject } from '../../lib/manifest.js';
import { engineCrds, keyOf, layout, noSharedCrds, readObjects } from './fixture.js';

const isEngineFile = (p: string) => /^(argocd|flux)\/.*\.yaml$/.test(p) && !p.endsWith('/kustomization.yaml');
/** Engine objects are custom resources, but for the argocd-cm ConfigMap (a built-in kind). */
const validateEngineObject = (validator: CustomResourceValidator, o: KubeObject) => (o.kind === 'ConfigMap' ? validateRender([o]).problems[0] : validator.validate(o));
const isPhaseFile = (p: string) => /^\d\d-[^/]+\/[^/]+\.yaml$/.test(p) && !p.endsWith('/kustomization.yaml');

test('every Argo CD and Flux object validates against the shared CRDs', { skip: noSharedCrds }, () => {
  const validator = new CustomResourceValidator(engineCrds());
  const layouts = [
    layout('argocd'),
    layout('argocd', { argocd: { repoURL: 'git@git.example.com:fleet.git', targetRevision: 'v1', namespace: 'gitops', project: 'mesh', rootProject: 'platform', namePrefix: 'l5d' } }),
    layout('flux'),
    layout('flux', { flux: { source: { url: 'https://git.example.com/fleet.git', ref: { tag: 'v1' } } } }),
    layout('flux', { flux: { source: { kind: 'OCIRepository', url: 'oci://ghcr.io/example/mesh' } } }),
  ];
  const kinds = new Set<string>();
  for (const { outdir, paths } of layouts) {
    for (const p of paths.filter(isEngineFile)) {
      for (const o of readObjects(join(outdir, p))) {
        kinds.add(`${o.apiVersion}/${o.kind}`);
        assert.equal(validateEngineObject(validator, o), undefined, `${p}: ${keyOf(o)}`);
      }
    }
  }
  assert.deepEqual([...kinds].sort(), [
    'argoproj.io/v1alpha1/AppProject',
    'argoproj.io/v1alpha1/Application',
    'kustomize.toolkit.fluxcd.io/v1/Kustomization',
    'source.toolkit.fluxcd.io/v1/GitRepository',
    'source.toolkit.fluxcd.io/v1/OCIRepository',
    'v1/ConfigMap',
  ]);
});

test('the validator notices a broken engine object (a test that can fail)', { skip: noSharedCrds }, () => {
  const validator = new CustomResourceValidator(engineCrds());
  const { outdir } = layout('flux');
  const [k] = readObjects(join(outdir, 'flux/kustomizations.yaml'));
  const broken = { ...k, spec: { ...(k.spec as object), prune: 'yes', dependOn: [] } } as KubeObject;
  assert.notEqual(validator.validate(broken), undefined);
});

for (const engine of GITOPS_ENGINES) {
  test(`${engine}: every phase object (restart Job included) validates against Kubernetes 1.33 and the render's CRDs`, () => {
    const { outdir, paths } = layout(engine);
    const objects = paths.filter(isPhaseFile).flatMap((p) => readObjects(join(outdir, p)));
    const { problems, bySchema, byCrd } = validateRender(objects);
    assert.deepEqual(problems, []);
    assert.ok(bySchema.length > 90 && byCrd.length > 5, `${bySchema.length} by schema, ${byCrd.length} by CRD`);
    if (engine !== 'plain') assert.ok(bySchema.some((k) => k.startsWith('batch/v1/Job/linkerd/linkerd-rollout-restart-')));
  });
}

test('with CNI and multicluster: phases in apply order, the CNI DaemonSet gated, every object valid', { skip: noSharedCrds }, () => {
  const app = new App();
  new Mesh(app, 'mesh', { mesh: { installGatewayAPI: true }, cni: {}, viz: {}, multicluster: {}, identity: { certManager: {} } });
  const tree = gitOpsTree(gitOpsPhases(app), { engine: 'flux' });
  const dirs = [...new Set(tree.files.map((f) => f.path.split('/')[0]).filter((d) => /^\d\d-/.test(d)))];
  assert.deepEqual(dirs, ['00-crds', '01-cert-manager-identity', '02-cni', '03-control-plane', '04-viz', '05-multicluster']);
  const objects = (path: string) => parseAllDocuments((tree.files.find((f) => f.path === path) as { text: string }).text).map((d) => d.toJSON() as KubeObject);
  const kustomizations = objects('flux/kustomizations.yaml');
  const cni = kustomizations.find((k) => k.metadata?.name === 'linkerd-cni') as unknown as { spec: { healthChecks: { kind: string }[] } };
  assert.ok(cni.spec.healthChecks.some((h) => h.kind === 'DaemonSet'));
  const validator = new CustomResourceValidator(engineCrds());
  for (const k of kustomizations) assert.equal(validator.validate(k), undefined);
  const phaseObjects = tree.files.filter((f) => isPhaseFile(f.path)).flatMap((f) => objects(f.path));
  assert.deepEqual(validateRender(phaseObjects).problems, []);
});
