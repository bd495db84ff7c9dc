/**
 * The proxy partials placed by `injectPodSpec` reproduce the pod specs of upstream's fully injected
 * workloads (`linkerd inject --manual`), given the mesh values the goldens were rendered against.
 * Only the injection decisions that belong to the inject feature (the pod's inbound ports, the
 * option overrides) are computed here by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { parse } from 'yaml';
import { injectPodSpec } from '../../lib/proxy/index.js';
import { mergeValues, type ValueTree } from '../../lib/values/tree.js';
import { resolveMeshValues } from '../../lib/values/mesh/resolve.js';
import type { MeshValues } from '../../lib/values/mesh/types.js';
import { diffObjects, HAVE_SHARED, loadObjects, SHARED, SKIP_MESSAGE } from './golden.js';

interface InjectCase {
  readonly golden: string;
  readonly input: string;
  /** Values the case's flags override. */
  readonly overrides?: ValueTree;
}

const CASES: readonly InjectCase[] = [
  { golden: 'inject_emojivoto_deployment', input: 'inject_emojivoto_deployment' },
  { golden: 'inject_emojivoto_pod', input: 'inject_emojivoto_pod' },
  { golden: 'inject_emojivoto_statefulset', input: 'inject_emojivoto_statefulset' },
  {
    golden: 'inject_emojivoto_deployment_opaque_ports',
    input: 'inject_emojivoto_deployment',
    overrides: { proxy: { opaquePorts: '3000,5000-6000,mysql' } },
  },
  { golden: 'inject_emojivoto_pod_ingress', input: 'inject_emojivoto_pod', overrides: { proxy: { isIngress: true } } },
  { golden: 'inject_emojivoto_deployment_no_init_container', input: 'inject_emojivoto_deployment', overrides: { cniEnabled: true } },
];

type Workload = { kind: string; spec: IPodSpec & { template?: { spec: IPodSpec } } };
const podSpecOf = (o: Workload): IPodSpec => (o.kind === 'Pod' ? o.spec : o.spec.template!.spec);

/** The pod's container ports, sorted, as the injector computes `proxy.podInboundPorts`. */
function podInboundPorts(spec: IPodSpec): string {
  const ports = spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
  return [...new Set(ports)].sort((a, b) => a - b).join(',');
}

for (const c of CASES) {
  test(`injectPodSpec reproduces ${c.golden}`, { skip: HAVE_SHARED ? false : SKIP_MESSAGE }, () => {
    const mesh = parse(readFileSync(join(SHARED, 'cases', 'inject-mesh.values.yaml'), 'utf8')) as ValueTree;
    const base = resolveMeshValues({ user: mergeValues(mesh, c.overrides ?? {}) });
    const input = loadObjects(join(SHARED, 'golden', 'inject', `${c.input}.input.yml`))[0] as unknown as Workload;
    const expected = loadObjects(join(SHARED, 'golden', 'inject', `${c.golden}.golden.yml`))[0] as unknown as Workload;
    const spec = podSpecOf(input);
    const values: MeshValues = { ...base, proxy: { ...base.proxy, podInboundPorts: podInboundPorts(spec) } };
    const injected = injectPodSpec(spec, values, { controlPlaneNamespace: 'linkerd' }, { omitEmpty: true });
    const diffs = diffObjects(podSpecOf(expected), injected);
    assert.deepEqual(diffs, [], diffs.join('\n'));
  });
}
