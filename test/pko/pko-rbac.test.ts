// The program's ClusterRole covers every kind the mesh's renders emit (computed from the renders, not restated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { MESH_PROGRAM_RULES, pulumiOperatorObjects, type PolicyRule } from '../../lib/pko/index.js';
import { runCli } from '../helpers/run-cli.js';

type Obj = { apiVersion: string; kind: string; spec?: { group?: string; names?: { kind: string; plural: string } } };

const identityDir = join(mkdtempSync(join(tmpdir(), 'meshform-pko-')), 'identity');
const RENDERS: readonly (readonly string[])[] = [
  ['install', '--crds'],
  ['install', '--identity-dir', identityDir],
  ['install', '--ha', '--cert-manager', '--set', 'podMonitor.enabled=true'],
  ['viz', 'install', '--identity-dir', identityDir, '--set', 'enablePSP=true'],
  ['multicluster', 'install'],
  ['install-cni'],
];

/** Kubernetes' plural for a built-in kind (the custom ones are read from their CRDs). */
function builtinPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpoints') return lower;
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

const allows = (rules: readonly PolicyRule[], group: string, resource: string, verb: string): boolean =>
  rules.some((r) => r.apiGroups.includes(group) && (r.resources.includes(resource) || r.resources.includes('*')) && r.verbs.includes(verb));

test("mesh mode: the program may create, update and delete every kind the mesh's charts emit", async () => {
  const objects: Obj[] = [];
  for (const args of RENDERS) {
    const r = await runCli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    objects.push(...parseAllDocuments(r.stdout).map((d) => d.toJS() as Obj).filter(Boolean));
  }
  const plurals = new Map(objects.filter((o) => o.kind === 'CustomResourceDefinition' && o.spec?.names).map((o) => [`${o.spec!.group}/${o.spec!.names!.kind}`, o.spec!.names!.plural]));
  const kinds = new Set(objects.map((o) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}|${o.kind}`));
  assert.ok(kinds.size > 25, `the renders emit many kinds (${kinds.size})`);
  const missing: string[] = [];
  for (const entry of kinds) {
    const [group, kind] = entry.split('|');
    const resource = plurals.get(`${group}/${kind}`) ?? builtinPlural(kind);
    for (const verb of ['get', 'create', 'patch', 'delete']) if (!allows(MESH_PROGRAM_RULES, group, resource, verb)) missing.push(`${verb} ${group || 'core'}/${resource}`);
  }
  assert.deepEqual(missing, []);
  // Creating the control plane's ClusterRoles needs escalate and bind (or every permission they grant).
  assert.ok(allows(MESH_PROGRAM_RULES, 'rbac.authorization.k8s.io', 'clusterroles', 'escalate'));
  assert.ok(allows(MESH_PROGRAM_RULES, 'rbac.authorization.k8s.io', 'clusterrolebindings', 'bind'));
  // Narrow: nothing about nodes, storage classes or arbitrary groups.
  for (const [group, resource] of [['', 'nodes'], ['storage.k8s.io', 'storageclasses'], ['argoproj.io', 'applications']]) {
    assert.ok(!allows(MESH_PROGRAM_RULES, group, resource, 'get'), `${group}/${resource} not granted`);
  }
});

test('the workspace ServiceAccount is bound to system:auth-delegator and to the program role (or cluster-admin)', () => {
  const bindings = (rbac: 'mesh' | 'cluster-admin') =>
    pulumiOperatorObjects({ projectRepo: 'https://github.com/acme/meshform.git', rbac })
      .filter((o) => o.kind === 'ClusterRoleBinding')
      .map((o) => {
        const b = o as unknown as { roleRef: { name: string }; subjects: { kind: string; name: string; namespace: string }[] };
        return [b.roleRef.name, b.subjects.map((s) => `${s.kind} ${s.namespace}/${s.name}`).join()];
      });
  const sa = 'ServiceAccount meshform-pulumi/meshform-workspace';
  assert.deepEqual(bindings('mesh'), [['meshform-pulumi:meshform:program', sa], ['system:auth-delegator', sa]]);
  assert.deepEqual(bindings('cluster-admin'), [['cluster-admin', sa], ['system:auth-delegator', sa]]);
  assert.ok(!pulumiOperatorObjects({ projectRepo: 'https://github.com/acme/meshform.git', rbac: 'cluster-admin' }).some((o) => o.kind === 'ClusterRole'));
});
