// The Pulumi Kubernetes Operator objects: valid against the operator's CRDs and Kubernetes, with the settings issue #14 asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { MeshformError } from '../../lib/errors.js';
import type { KubeObject } from '../../lib/manifest.js';
import { pulumiOperatorObjects, type PulumiOperatorProps } from '../../lib/pko/index.js';
import { CustomResourceValidator } from '../helpers/custom-resources.js';
import { validateKubeObject } from '../helpers/kube-schema.js';

const PKO_CRDS = new URL('../../../shared/crds/pulumi-operator/', import.meta.url).pathname;
const noCrds = existsSync(`${PKO_CRDS}pulumi.com_stacks.yaml`) ? false : `../shared/crds/pulumi-operator not found at ${PKO_CRDS}: skipping CRD validation`;
let validator: CustomResourceValidator | undefined;
/** One validator for the file: compiling the operator's schemas (2 MB) takes seconds. */
const crdValidator = (): CustomResourceValidator =>
  (validator ??= new CustomResourceValidator(['pulumi.com_stacks.yaml', 'auto.pulumi.com_workspaces.yaml'].flatMap((f) => parseAllDocuments(readFileSync(PKO_CRDS + f, 'utf8')).map((d) => d.toJS()))));

/** `validateRender` with the cached validator: Kubernetes kinds by schema, custom resources by CRD. */
function validate(objects: readonly KubeObject[]): { problems: string[]; byCrd: string[]; bySchema: string[] } {
  const out = { problems: [] as string[], byCrd: [] as string[], bySchema: [] as string[] };
  for (const o of objects) {
    const r = validateKubeObject(o);
    if (r.status === 'invalid') out.problems.push(`${r.key}: ${r.error}`);
    if (r.status === 'valid') out.bySchema.push(r.key);
    if (r.status !== 'custom') continue;
    out.byCrd.push(r.key);
    const error = crdValidator().validate(o);
    if (error) out.problems.push(`${r.key}: ${error}`);
  }
  return out;
}

const REPO = 'https://github.com/acme/meshform.git';
const CONFIGS: Readonly<Record<string, PulumiOperatorProps>> = {
  'Pulumi Cloud, defaults': { projectRepo: REPO },
  's3 backend, passphrase, backend credentials': { projectRepo: REPO, backend: 's3://acme-mesh-state', secretEnv: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] },
  'pinned commit over ssh, repoDir, inline config, cluster-admin': {
    projectRepo: 'git@github.com:acme/platform.git',
    commit: 'a'.repeat(40),
    repoDir: 'mesh',
    gitAuth: 'ssh',
    backend: 'gs://acme-state',
    secretsProvider: 'gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k',
    config: { 'meshform:ha': 'true', 'meshform:viz': true },
    rbac: 'cluster-admin',
    namespace: 'platform-mesh',
    name: 'mesh',
    resyncFrequencySeconds: 60,
  },
};

const stackOf = (objects: readonly KubeObject[]) => objects.find((o) => o.kind === 'Stack') as KubeObject & { spec: Record<string, unknown> & { workspaceTemplate: { spec: Record<string, unknown> } } };

for (const [name, props] of Object.entries(CONFIGS)) {
  test(`${name}: every object validates (Stack and its workspace template against the operator's CRDs, the rest against Kubernetes)`, { skip: noCrds }, () => {
    const objects = pulumiOperatorObjects(props);
    const result = validate(objects);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.byCrd, [`pulumi.com/v1/Stack/${props.namespace ?? 'meshform-pulumi'}/${props.name ?? 'meshform'}`]);
    assert.equal(result.bySchema.length, objects.length - 1);
    // The workspace template is a Workspace spec: validate it as the Workspace the operator makes of it.
    const stack = stackOf(objects);
    const workspace = { apiVersion: 'auto.pulumi.com/v1alpha1', kind: 'Workspace', metadata: { name: 'w', namespace: 'n' }, spec: stack.spec.workspaceTemplate.spec };
    assert.equal(crdValidator().validate(workspace), undefined);
  });
}

test('the validator notices a broken Stack (a test that can fail)', { skip: noCrds }, () => {
  const objects = pulumiOperatorObjects(CONFIGS['Pulumi Cloud, defaults']);
  const stack = stackOf(objects);
  const broken = { ...stack, spec: { ...stack.spec, resyncFrequencySecond: 60, refresh: 'yes' } };
  assert.equal(validate([broken]).problems.length, 1);
});

test('the Stack runs the repository program continuously: refresh, resync on the same commit, no destroy, secrets by reference', () => {
  const objects = pulumiOperatorObjects(CONFIGS['s3 backend, passphrase, backend credentials']);
  assert.deepEqual(objects.map((o) => `${o.kind} ${o.metadata?.name}`), [
    'Namespace meshform-pulumi',
    'ServiceAccount meshform-workspace',
    'ClusterRole meshform-pulumi:meshform:program',
    'ClusterRoleBinding meshform-pulumi:meshform:program',
    'ClusterRoleBinding meshform-pulumi:meshform:system:auth-delegator',
    'Stack meshform',
  ]);
  const secret = (key: string) => ({ type: 'Secret', secret: { name: 'meshform-credentials', key } });
  assert.deepEqual(stackOf(objects).spec, {
    stack: 'dev',
    projectRepo: REPO,
    branch: 'main',
    shallow: true,
    backend: 's3://acme-mesh-state',
    secretsProvider: 'passphrase',
    envRefs: { AWS_ACCESS_KEY_ID: secret('AWS_ACCESS_KEY_ID'), AWS_SECRET_ACCESS_KEY: secret('AWS_SECRET_ACCESS_KEY'), PULUMI_CONFIG_PASSPHRASE: secret('PULUMI_CONFIG_PASSPHRASE') },
    refresh: true,
    continueResyncOnCommitMatch: true,
    resyncFrequencySeconds: 600,
    destroyOnFinalize: false,
    workspaceReclaimPolicy: 'Retain',
    serviceAccountName: 'meshform-workspace',
    workspaceTemplate: {
      spec: {
        image: 'pulumi/pulumi:3.248.0-nonroot',
        securityProfile: 'restricted',
        serviceAccountName: 'meshform-workspace',
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
        podTemplate: { metadata: { annotations: { 'linkerd.io/inject': 'disabled' } } },
      },
    },
  });
  // No secret value is ever rendered: no Secret object, only references.
  assert.ok(!objects.some((o) => o.kind === 'Secret'));
});

test('Pulumi Cloud: the access token comes from the Secret and the service encrypts; ssh git auth and a pinned commit', () => {
  const cloud = stackOf(pulumiOperatorObjects(CONFIGS['Pulumi Cloud, defaults'])).spec;
  assert.deepEqual(Object.keys(cloud.envRefs as object), ['PULUMI_ACCESS_TOKEN']);
  assert.equal(cloud.backend, undefined);
  assert.equal(cloud.secretsProvider, undefined);
  const pinned = stackOf(pulumiOperatorObjects(CONFIGS['pinned commit over ssh, repoDir, inline config, cluster-admin'])).spec;
  assert.deepEqual([pinned.commit, pinned.branch, pinned.shallow, pinned.repoDir], ['a'.repeat(40), undefined, undefined, 'mesh']);
  assert.deepEqual(pinned.gitAuth, { sshAuth: { sshPrivateKey: { type: 'Secret', secret: { name: 'mesh-credentials', key: 'GIT_SSH_PRIVATE_KEY' } } } });
  assert.deepEqual(pinned.config, { 'meshform:ha': 'true', 'meshform:viz': true });
  assert.deepEqual(pinned.envRefs, {}, 'a KMS needs no passphrase; the gs backend takes workload identity');
});

test('the namespace is kept out of the mesh: the injector skips it and the webhooks are not called for it', () => {
  const [ns] = pulumiOperatorObjects(CONFIGS['Pulumi Cloud, defaults']);
  assert.equal(ns.kind, 'Namespace');
  const meta = ns.metadata as { labels: Record<string, string>; annotations: Record<string, string> };
  assert.equal(meta.annotations['linkerd.io/inject'], 'disabled');
  assert.equal(meta.labels['config.linkerd.io/admission-webhooks'], 'disabled');
});

test('every problem is collected, names the prop and the value, and never shows a credential', () => {
  let error: unknown;
  try {
    pulumiOperatorObjects({
      projectRepo: 'https://deploy:s3cr3t-t0ken@github.com/acme/meshform.git',
      branch: 'main',
      commit: 'abc',
      resyncFrequencySeconds: 59,
      backend: 'file:///state',
      secretsProvider: 'default',
      secretEnv: ['AWS_REGION', 'AWS_REGION', 'not valid'],
      image: 'pulumi/pulumi:latest',
      memoryRequest: 'lots',
      namespace: 'Mesh',
    });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof MeshformError);
  assert.deepEqual(error.issues.map((i) => i.path), [
    'pulumiOperator.projectRepo',
    'pulumiOperator.commit',
    'pulumiOperator.commit',
    'pulumiOperator.namespace',
    'pulumiOperator.resyncFrequencySeconds',
    'pulumiOperator.backend',
    'pulumiOperator.secretsProvider',
    'pulumiOperator.secretEnv[1]',
    'pulumiOperator.secretEnv[2]',
    'pulumiOperator.image',
    'pulumiOperator.memoryRequest',
  ]);
  assert.ok(!error.message.includes('s3cr3t'), error.message);
  assert.match(error.message, /resyncFrequencySeconds = 59: must be a whole number of seconds from 60/);
  assert.throws(() => pulumiOperatorObjects({ projectRepo: 'git@github.com:a/b.git', gitAuth: 'token' }), /token needs an https:\/\/ repository URL/);
  assert.throws(() => pulumiOperatorObjects({ projectRepo: REPO, resyncFrequencySeconds: 86401 }), /to 86400/);
  assert.throws(() => pulumiOperatorObjects({ projectRepo: 'http://github.com/a/b' }), /must not be http:\/\//);
});
