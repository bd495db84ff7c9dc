/**
 * `meshform:topologySpread` through the real program (stacks/index.ts) under the real Node runtime:
 * an object set with `pulumi config set --path` (maxSkew as the text the CLI may store) reaches every
 * Deployment, and a bad value stops the run with the key named before anything is registered.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kubeId, reveal } from './fake-engine.js';
import { harnessUnavailable, runProgram, type ProgramRun } from './run-program.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SKIP = harnessUnavailable(root);

type Spread = { topologyKey: string; maxSkew: number; whenUnsatisfiable: string; labelSelector: unknown };
type Spec = { selector: unknown; template: { spec: { topologySpreadConstraints?: Spread[] } } };

describe('meshform:topologySpread in the program (pulumi preview)', { skip: SKIP }, () => {
  let spread: ProgramRun;
  let bad: ProgramRun;
  before(async () => {
    const stack = 'harness-spread';
    spread = await runProgram({ projectDir: root, stack, config: { 'meshform:ha': 'true', 'meshform:topologySpread': { whenUnsatisfiable: 'DoNotSchedule', maxSkew: '2' } } });
    bad = await runProgram({ projectDir: root, stack, config: { 'meshform:topologySpread': { maxSkew: 0 } } });
  });

  it('every control-plane Deployment gets the constraint on its own selector', () => {
    assert.equal(spread.exitCode, 0, spread.failure);
    for (const id of ['linkerd/linkerd-destination', 'linkerd/linkerd-identity', 'linkerd/linkerd-proxy-injector']) {
      const d = spread.registrations.find((r) => r.type === 'kubernetes:apps/v1:Deployment' && kubeId(r) === id);
      const spec = reveal(d?.inputs.spec) as Spec | undefined;
      assert.deepEqual(spec?.template.spec.topologySpreadConstraints, [
        { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 2, whenUnsatisfiable: 'DoNotSchedule', labelSelector: spec?.selector },
      ], id);
    }
  });

  it('a bad value stops the program naming the key, with no Kubernetes object registered', () => {
    assert.notEqual(bad.exitCode, 0);
    assert.match(`${bad.failure} ${bad.stderr}`, /meshform:topologySpread\.maxSkew/);
    assert.deepEqual(bad.registrations.filter((r) => r.type.startsWith('kubernetes:')).map((r) => r.name), []);
  });
});
