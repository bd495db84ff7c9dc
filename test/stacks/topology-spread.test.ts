/**
 * Topology spread (issue #14 point 5): the pure function over rendered objects, its validation, the
 * `LinkerdMesh` prop (asserted by resource name, under mocks) and `meshform:topologySpread`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byName, recorded, unwrapSecrets } from './recording-mocks.js';
import { validateRender } from '../helpers/validate-all.js';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { parseStackConfig } from '../../stacks/config.js';
import { renderMesh } from '../../stacks/render/render-mesh.js';
import { TOPOLOGY_SPREAD_DEFAULTS, resolveTopologySpread, topologySpreadIssues, withTopologySpread } from '../../stacks/render/topology-spread.js';

const { LinkerdMesh } = await import('../../stacks/components/linkerd-mesh.js');

type Constraint = { topologyKey: string; maxSkew: number; whenUnsatisfiable: string; labelSelector: unknown };
type Workload = { spec: { selector: unknown; template: { spec: { topologySpreadConstraints?: Constraint[] } } } };
const constraintsOf = (o: unknown): Constraint[] | undefined => (o as Workload).spec.template.spec.topologySpreadConstraints;

const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';
/** Every Deployment the mesh renders with viz and multicluster, as `<prefix>-<namespace>-<name>`. */
const DEPLOYMENTS = [
  'linkerd-linkerd-destination',
  'linkerd-linkerd-identity',
  'linkerd-linkerd-proxy-injector',
  'linkerd-viz-metrics-api',
  'linkerd-viz-prometheus',
  'linkerd-viz-tap',
  'linkerd-viz-tap-injector',
  'linkerd-viz-web',
  'linkerd-multicluster-linkerd-gateway',
  'linkerd-multicluster-linkerd-local-service-mirror',
];

describe('withTopologySpread over rendered objects', () => {
  const objects = renderMesh({ ha: true, viz: true, cni: true, multicluster: true }).phases.flatMap((p) => p.objects);
  const spread = TOPOLOGY_SPREAD_DEFAULTS;

  it('adds one constraint to each Deployment, selecting its own pods by its spec.selector', () => {
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    assert.equal(deployments.length, DEPLOYMENTS.length);
    for (const d of deployments) {
      assert.equal(constraintsOf(d), undefined, `${d.metadata?.name} has none before`);
      const out = withTopologySpread(d, spread);
      assert.deepEqual(constraintsOf(out), [
        { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: (d as unknown as Workload).spec.selector },
      ]);
      assert.equal(constraintsOf(d), undefined, 'the input is not mutated');
    }
  });

  it('leaves every other object as it is (the CNI DaemonSet included)', () => {
    const cni = objects.find((o) => o.kind === 'DaemonSet' && o.metadata?.name === 'linkerd-cni');
    assert.ok(cni);
    for (const o of objects.filter((x) => x.kind !== 'Deployment')) assert.equal(withTopologySpread(o, spread), o, `${o.kind} ${o.metadata?.name}`);
  });

  it('replaces a constraint of the same topologyKey and whenUnsatisfiable, keeps others', () => {
    const d = objects.find((o) => o.kind === 'Deployment' && o.metadata?.name === 'linkerd-destination') as KubeObject;
    const host = { topologyKey: 'kubernetes.io/hostname', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} };
    const once = withTopologySpread(withTopologySpread(d, { ...spread, whenUnsatisfiable: 'DoNotSchedule', topologyKey: 'kubernetes.io/hostname' }), spread);
    const twice = withTopologySpread(withTopologySpread(once, { ...spread, maxSkew: 2 }), spread);
    assert.deepEqual(constraintsOf(twice)?.map((c) => [c.topologyKey, c.whenUnsatisfiable, c.maxSkew]), [
      [host.topologyKey, host.whenUnsatisfiable, 1],
      ['topology.kubernetes.io/zone', 'ScheduleAnyway', 1],
    ]);
  });

  it('output is deterministic', () => {
    const d = objects.find((o) => o.kind === 'Deployment') as KubeObject;
    assert.equal(JSON.stringify(withTopologySpread(d, spread)), JSON.stringify(withTopologySpread(structuredClone(d), spread)));
  });
});

describe('topology spread settings', () => {
  it('true is the zone spread; an object keeps the defaults it does not set; false is none', () => {
    assert.deepEqual(resolveTopologySpread(true), { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' });
    assert.deepEqual(resolveTopologySpread({ whenUnsatisfiable: 'DoNotSchedule' }), { ...TOPOLOGY_SPREAD_DEFAULTS, whenUnsatisfiable: 'DoNotSchedule' });
    assert.equal(resolveTopologySpread(false), undefined);
    assert.equal(resolveTopologySpread(undefined), undefined);
  });

  it('collects every bad field, each named', () => {
    const issues = topologySpreadIssues({ topologyKey: '', maxSkew: 0.5, whenUnsatisfiable: 'Never', zone: 'a' }, 'm.topologySpread');
    assert.deepEqual(issues.map((i) => i.path).sort(), ['m.topologySpread.maxSkew', 'm.topologySpread.topologyKey', 'm.topologySpread.whenUnsatisfiable', 'm.topologySpread.zone']);
    assert.match(issues.find((i) => i.path.endsWith('whenUnsatisfiable'))?.message ?? '', /ScheduleAnyway, DoNotSchedule/);
    assert.deepEqual(topologySpreadIssues({ maxSkew: 0 }, 'x').map((i) => i.path), ['x.maxSkew']);
    assert.deepEqual(topologySpreadIssues({ topologyKey: 'not a key' }, 'x').map((i) => i.path), ['x.topologyKey']);
    assert.deepEqual(topologySpreadIssues('zone', 'x').map((i) => i.path), ['x']);
    assert.deepEqual(topologySpreadIssues({ topologyKey: 'kubernetes.io/hostname', maxSkew: 2, whenUnsatisfiable: 'DoNotSchedule' }, 'x'), []);
  });
});

describe('LinkerdMesh topologySpread', () => {
  it('true: every control-plane, viz and multicluster Deployment spreads over zones by its own selector', async () => {
    const rs = await recorded(() => new LinkerdMesh('ts', { ha: true, viz: true, multicluster: true, cni: true, topologySpread: true }));
    assert.deepEqual(rs.filter((r) => r.type === DEPLOYMENT).map((r) => r.name).sort(), DEPLOYMENTS.map((n) => `ts-${n}`).sort());
    for (const name of DEPLOYMENTS) {
      const d = byName(rs, DEPLOYMENT, `ts-${name}`);
      const [c, ...more] = constraintsOf(d.inputs) ?? [];
      assert.deepEqual(more, [], name);
      assert.deepEqual(c, { ...TOPOLOGY_SPREAD_DEFAULTS, labelSelector: (d.inputs as unknown as Workload).spec.selector }, name);
    }
    const cni = byName(rs, 'kubernetes:apps/v1:DaemonSet', 'ts-linkerd-cni-linkerd-cni');
    assert.equal(constraintsOf(cni.inputs), undefined);
  });

  it('an object chooses the fields; without the prop no Deployment has a constraint', async () => {
    const rs = await recorded(() => new LinkerdMesh('to', { topologySpread: { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' } }));
    const destination = byName(rs, DEPLOYMENT, 'to-linkerd-linkerd-destination');
    assert.deepEqual(constraintsOf(destination.inputs)?.map((c) => [c.topologyKey, c.maxSkew, c.whenUnsatisfiable]), [['kubernetes.io/hostname', 1, 'DoNotSchedule']]);
    const plain = await recorded(() => new LinkerdMesh('tn', { ha: true }));
    for (const d of plain.filter((r) => r.type === DEPLOYMENT)) assert.equal(constraintsOf(d.inputs), undefined, d.name);
  });

  it('refuses bad settings with every problem named under the mesh', () => {
    assert.throws(
      () => new LinkerdMesh('bad', { topologySpread: { maxSkew: 0, whenUnsatisfiable: 'Sometimes' as never, topologyKey: '' } }),
      (e: unknown) => {
        assert.ok(e instanceof MeshformError);
        assert.deepEqual(e.issues.map((i) => i.path).sort(), ['bad.topologySpread.maxSkew', 'bad.topologySpread.topologyKey', 'bad.topologySpread.whenUnsatisfiable']);
        return true;
      },
    );
  });

  it('every object registered with the spread (HA, viz, multicluster) is schema-valid', async () => {
    const rs = await recorded(
      () => new LinkerdMesh('tv', { ha: true, viz: true, multicluster: true, topologySpread: { whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2 } }),
    );
    const objects = rs.filter((r) => r.type.startsWith('kubernetes:') && r.inputs.kind).map((r) => unwrapSecrets(r.inputs) as KubeObject);
    assert.ok(objects.filter((o) => o.kind === 'Deployment').every((o) => constraintsOf(o)?.length === 1));
    const { problems, bySchema } = validateRender(objects as never);
    assert.deepEqual(problems, []);
    const deployments = bySchema.filter((key) => key.startsWith('apps/v1/Deployment/'));
    assert.equal(deployments.length, DEPLOYMENTS.length, deployments.join());
  });
});

describe('meshform:topologySpread', () => {
  const parse = (raw: string | undefined) => parseStackConfig((k) => (k === 'topologySpread' ? raw : undefined)).topologySpread;

  it('false by default (absent, empty, false); true; an object as JSON, maxSkew as text or number', () => {
    assert.equal(parse(undefined), false);
    assert.equal(parse(''), false);
    assert.equal(parse('false'), false);
    assert.equal(parse('true'), true);
    assert.deepEqual(parse('{"whenUnsatisfiable":"DoNotSchedule","maxSkew":"2"}'), { whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2 });
    assert.deepEqual(parse('{"topologyKey":"kubernetes.io/hostname","maxSkew":3}'), { topologyKey: 'kubernetes.io/hostname', maxSkew: 3 });
  });

  it('bad values are collected with the other keys, each named', () => {
    assert.throws(
      () => parseStackConfig((k) => ({ ha: 'yes', topologySpread: '{"maxSkew":"0","whenUnsatisfiable":"Never","topologyKey":""}' })[k]),
      (e: unknown) => {
        assert.ok(e instanceof MeshformError);
        assert.deepEqual(e.issues.map((i) => i.path).sort(), [
          'meshform:ha',
          'meshform:topologySpread.maxSkew',
          'meshform:topologySpread.topologyKey',
          'meshform:topologySpread.whenUnsatisfiable',
        ]);
        return true;
      },
    );
    assert.throws(() => parse('zone'), (e: unknown) => e instanceof MeshformError && e.issues[0].path === 'meshform:topologySpread');
    assert.throws(() => parse('[1]'), /meshform:topologySpread/);
  });
});
