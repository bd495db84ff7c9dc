/**
 * The repository's Pulumi program (Pulumi.yaml main) as `pulumi preview` runs it: the real Node runtime
 * of @pulumi/pulumi in a child process against the fake engine, config from Pulumi.yaml and the stack
 * file by the CLI's rules. Two runs: the example stack `dev` (Pulumi.dev.yaml) and a new stack with no
 * stack file (Pulumi.yaml's defaults only).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { kubeId, reveal } from './fake-engine.js';
import { harnessUnavailable, runProgram, type ProgramRun } from './run-program.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SKIP = harnessUnavailable(root);

const deployment = (run: ProgramRun, id: string) => run.registrations.find((r) => r.type === 'kubernetes:apps/v1:Deployment' && kubeId(r) === id);
const replicas = (run: ProgramRun, id: string) => (reveal(deployment(run, id)?.inputs.spec) as { replicas?: number } | undefined)?.replicas;
const components = (run: ProgramRun) => run.registrations.filter((r) => !r.custom).map((r) => `${r.type} ${r.name}`);

describe('stacks/index.ts under the real Node runtime (pulumi preview)', { skip: SKIP }, () => {
  let dev: ProgramRun;
  let fresh: ProgramRun;
  before(async () => {
    dev = await runProgram({ projectDir: root, stack: 'dev' });
    fresh = await runProgram({ projectDir: root, stack: 'harness-new' });
  });

  it('dev: the preview succeeds and registers the mesh, its phases and the HA control plane', () => {
    assert.equal(dev.exitCode, 0, dev.failure);
    assert.deepEqual(dev.logs.filter((l) => l.severity === 'error'), []);
    const names = components(dev);
    for (const c of ['pulumi:pulumi:Stack meshform-dev', 'meshform:index:LinkerdMesh linkerd', 'meshform:index:MeshPhase linkerd-crds', 'meshform:index:MeshPhase linkerd-control-plane', 'meshform:index:MeshPhase linkerd-viz']) {
      assert.ok(names.includes(c), `${c} in ${names.join(', ')}`);
    }
    for (const id of ['linkerd/linkerd-destination', 'linkerd/linkerd-identity', 'linkerd/linkerd-proxy-injector']) assert.equal(replicas(dev, id), 3, id);
    assert.ok(deployment(dev, 'linkerd-viz/web'), 'viz from Pulumi.dev.yaml');
  });

  it("dev: an object-valued stack key (meshform:values) reaches the program as upstream values", () => {
    const config = dev.registrations.find((r) => r.type === 'kubernetes:core/v1:ConfigMap' && kubeId(r) === 'linkerd/linkerd-config');
    const values = (reveal(config?.inputs.data) as { values?: string } | undefined)?.values ?? '';
    assert.match(values, /logLevel: warn,linkerd=info/);
  });

  it('dev: no read of an object the run registers; every parent and dependency is a registered resource', () => {
    const registered = new Set(dev.registrations.map((r) => `${r.type} ${kubeId(r)}`));
    for (const r of dev.reads) assert.ok(!registered.has(`${r.type} ${r.id}`), `.get of ${r.type} ${r.id}, which this run creates`);
    const urns = new Set(dev.registrations.map((r) => r.urn));
    for (const r of dev.registrations) {
      if (r.parent) assert.ok(urns.has(r.parent), `${r.name}: parent ${r.parent}`);
      for (const d of r.dependencies) assert.ok(urns.has(d), `${r.name}: dependency ${d}`);
    }
  });

  it("a new stack: every Pulumi.yaml key reaches the program under the project's namespace, and its defaults make a valid mesh", () => {
    assert.equal(fresh.exitCode, 0, fresh.failure);
    const declared = Object.keys((parse(readFileSync(`${root}/Pulumi.yaml`, 'utf8')) as { config: Record<string, unknown> }).config);
    assert.deepEqual(Object.keys(fresh.project.config).sort(), declared.map((k) => `meshform:${k}`).sort());
    assert.equal(replicas(fresh, 'linkerd/linkerd-destination'), 1, 'meshform:ha defaults to false');
    assert.ok(!components(fresh).includes('meshform:index:MeshPhase linkerd-viz'), 'meshform:viz defaults to false');
    assert.ok(fresh.registrations.some((r) => r.type === 'kubernetes:core/v1:Namespace' && kubeId(r) === 'linkerd'), 'meshform:namespace defaults to linkerd');
  });
});
