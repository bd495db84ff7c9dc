/**
 * Each control-plane workload built here equals upstream's object in every control-plane golden.
 * Inputs: the pins file plus each case's extra values (CASES.md); `--ha` applies the HA overlay; the
 * Helm case renders into namespace linkerd-dev.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { destinationDeployment } from '../../constructs/control-plane/destination-deployment.js';
import { heartbeatCronJob } from '../../constructs/control-plane/heartbeat-cronjob.js';
import { identityDeployment } from '../../constructs/control-plane/identity-deployment.js';
import { proxyInjectorDeployment } from '../../constructs/control-plane/proxy-injector-deployment.js';
import type { ControlPlaneContext } from '../../constructs/control-plane/context.js';
import type { KubeObject } from '../../lib/manifest.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import { DEFAULT_IGNORES, diffObjects, findObject, HAVE_SHARED, loadObjects, SHARED, SKIP_MESSAGE } from './golden.js';

const cases = (file: string): ValueTree => parse(readFileSync(join(SHARED, 'cases', file), 'utf8')) as ValueTree;

interface GoldenCase {
  readonly golden: string;
  readonly files: readonly string[];
  readonly ha?: boolean;
  readonly namespace: string;
}

const GOLDENS: readonly GoldenCase[] = [
  { golden: 'install_default', files: ['control-plane-pins.values.yaml'], namespace: 'linkerd' },
  { golden: 'install_ha_output', files: ['control-plane-pins.values.yaml'], ha: true, namespace: 'linkerd' },
  { golden: 'install_no_init_container', files: ['control-plane-pins.values.yaml', 'cni-enabled.values.yaml'], namespace: 'linkerd' },
  {
    golden: 'install_controlplane_tracing_output',
    files: ['control-plane-pins.values.yaml', 'controlplane-tracing.values.yaml'],
    namespace: 'linkerd',
  },
  { golden: 'install_helm_control_plane_output', files: ['helm-control-plane.values.yaml'], namespace: 'linkerd-dev' },
];

const WORKLOADS: readonly [string, string, (ctx: ControlPlaneContext) => KubeObject[]][] = [
  ['Deployment', 'linkerd-identity', identityDeployment],
  ['Deployment', 'linkerd-destination', destinationDeployment],
  ['Deployment', 'linkerd-proxy-injector', proxyInjectorDeployment],
  ['CronJob', 'linkerd-heartbeat', heartbeatCronJob],
];

for (const c of GOLDENS) {
  test(`control-plane workloads match ${c.golden}.golden`, { skip: HAVE_SHARED ? false : SKIP_MESSAGE }, () => {
    const user = c.files.map(cases).reduce((acc, t) => mergeValues(acc, t), {} as ValueTree);
    const ctx: ControlPlaneContext = { values: resolveMeshValues({ user, ha: c.ha, allowUnknownValues: true }), namespace: c.namespace };
    const golden = loadObjects(join(SHARED, 'golden', 'control-plane', `${c.golden}.golden`));
    for (const [kind, name, build] of WORKLOADS) {
      const expected = findObject(golden, kind, name);
      assert.ok(expected, `${kind}/${name} is in the golden`);
      const built = build(ctx);
      assert.equal(built.length, 1);
      const diffs = diffObjects(expected, built[0], DEFAULT_IGNORES);
      assert.deepEqual(diffs, [], `${kind}/${name} differs from ${c.golden}:\n${diffs.join('\n')}`);
    }
  });
}
