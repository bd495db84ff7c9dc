import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isTree, type Value, type ValueTree } from '../../lib/values/tree.js';
import { MESH_HA_OVERLAY, meshDefaults, resolveMeshValues } from '../../lib/values/mesh/index.js';
import { LINKERD_VERSION, substituteVersion, VERSION_PLACEHOLDER } from '../../lib/versions.js';

const VALUES = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/linkerd/values');
const skip = existsSync(VALUES) ? false : `upstream values not found at ${VALUES} (../shared absent)`;

function load(name: string): ValueTree {
  return parse(readFileSync(join(VALUES, name), 'utf8')) as ValueTree;
}

/** Every leaf of `upstream` as [dotted path, value]. */
function leaves(tree: ValueTree, prefix: string[] = []): [string[], Value][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const path = [...prefix, k];
    return isTree(v) && Object.keys(v).length > 0 ? leaves(v, path) : [[path, v] as [string[], Value]];
  });
}

function at(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), tree);
}

/** Upstream's empty block scalars (`crtPEM: |`) parse as "" or "\n"; both mean "not set". */
function normalise(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? '' : v;
}

test('every upstream control-plane default is in meshDefaults() with the same value', { skip }, () => {
  const ours = meshDefaults();
  const wrong: string[] = [];
  for (const [parts, value] of leaves(load('control-plane.values.yaml'))) {
    const mine = at(ours, parts);
    const path = parts.join('.');
    if (value === null) {
      if (mine !== undefined && mine !== null) wrong.push(`${path}: upstream unset, ours ${JSON.stringify(mine)}`);
      continue;
    }
    try {
      assert.deepEqual(normalise(mine), normalise(value));
    } catch {
      wrong.push(`${path}: upstream ${JSON.stringify(value)}, ours ${JSON.stringify(mine)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the CRD chart default is part of the tree', { skip }, () => {
  assert.equal(meshDefaults().installGatewayAPI, load('crds.values.yaml').installGatewayAPI);
});

test('meshDefaults() returns a fresh object per call', () => {
  const a = meshDefaults() as unknown as { proxy: { ports: { admin: number } } };
  a.proxy.ports.admin = 1;
  assert.equal(meshDefaults().proxy.ports.admin, 4191);
});

test('the HA overlay is values-ha.yaml minus what the CLI drops', { skip }, () => {
  const ha = load('control-plane.values-ha.yaml');
  const { spValidatorResources, controllerResources, ...kept } = ha;
  assert.ok(spValidatorResources && controllerResources, 'upstream file still has the dropped keys');
  assert.deepEqual(JSON.parse(JSON.stringify(MESH_HA_OVERLAY)), kept);
  assert.equal(MESH_HA_OVERLAY.spValidatorResources, undefined);
  assert.equal(MESH_HA_OVERLAY.highAvailability, true);
});

test('resolving with ha applies the overlay, and user values override it', () => {
  const base = resolveMeshValues({ user: { identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } } });
  assert.equal(base.controllerReplicas, 1);
  assert.equal(base.highAvailability, false);
  const ha = resolveMeshValues({ ha: true, user: { identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } } });
  assert.equal(ha.controllerReplicas, 3);
  assert.equal(ha.webhookFailurePolicy, 'Fail');
  assert.equal(ha.enablePodDisruptionBudget, true);
  assert.equal(ha.enablePodAntiAffinity, true);
  assert.equal(ha.highAvailability, true);
  assert.deepEqual(ha.deploymentStrategy.rollingUpdate, { maxUnavailable: 1, maxSurge: '25%' });
  assert.deepEqual(ha.proxy.resources.cpu, { limit: '', request: '100m' }, 'overlay merges into the defaults');
  assert.deepEqual(ha.identityResources?.memory, { limit: '250Mi', request: '10Mi' });
  assert.equal(ha.spValidatorResources, undefined);
  const overridden = resolveMeshValues({
    ha: true,
    user: { controllerReplicas: 5, identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } },
  });
  assert.equal(overridden.controllerReplicas, 5);
});

test('version substitution, cliVersion and a deterministic heartbeat schedule', () => {
  assert.equal(substituteVersion(VERSION_PLACEHOLDER), LINKERD_VERSION);
  assert.equal(substituteVersion('stable-1'), 'stable-1');
  const user = { identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } };
  const v = resolveMeshValues({ user });
  assert.equal(v.linkerdVersion, 'edge-26.8.3');
  assert.equal(v.cliVersion, 'linkerd/cli edge-26.8.3');
  assert.match(v.heartbeatSchedule ?? '', /^\d{1,2} \d{1,2} \* \* \*$/);
  assert.equal(resolveMeshValues({ user }).heartbeatSchedule, v.heartbeatSchedule, 'same input, same schedule');
  const other = resolveMeshValues({ user: { ...user, identityTrustAnchorsPEM: '' , heartbeatSchedule: '7 8 * * *' } });
  assert.equal(other.heartbeatSchedule, '7 8 * * *', 'an explicit schedule is kept');
  const helm = resolveMeshValues({ user: { ...user, cliVersion: '', linkerdVersion: 'v1' } });
  assert.equal(helm.cliVersion, '', "an explicit '' (Helm-style render) stays ''");
  assert.equal(helm.linkerdVersion, 'v1');
});
