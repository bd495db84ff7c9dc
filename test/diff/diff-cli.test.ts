// meshform diff through the CLI: the --ha check, exit codes as diff(1), phases from files, directories and GitOps trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { toYamlStream } from '../../lib/manifest.js';
import { runCli } from '../helpers/run-cli.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec?: { template?: unknown } };

const tmp = mkdtempSync(join(tmpdir(), 'meshform-diff-'));

function objectsOf(yaml: string): Obj[] {
  return parseAllDocuments(yaml).map((d) => d.toJS() as Obj).filter(Boolean);
}

/** How the text output names an object (`Deployment linkerd/linkerd-destination`), computed here independently. */
const named = (o: Obj) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
const keyOf = (o: Obj) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** The objects the diff lists, by marker: `+` added, `-` removed, `~` changed. */
function listed(out: string): Record<'+' | '-' | '~', string[]> {
  const found = { '+': [] as string[], '-': [] as string[], '~': [] as string[] };
  for (const m of out.matchAll(/^ {2}([+~-]) (\S+ \S+?)(?: \(.*\))?$/gm)) found[m[1] as '+' | '-' | '~'].push(m[2]);
  for (const list of Object.values(found)) list.sort();
  return found;
}

function write(name: string, text: string): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

test('diff between the edge-26.8.3 render and the same with --ha lists exactly the objects that differ', async () => {
  const identityDir = join(tmp, 'identity');
  const base = await runCli(['install', '--identity-dir', identityDir]);
  const ha = await runCli(['install', '--ha', '--identity-dir', identityDir]);
  assert.equal(base.code, 0, base.stderr);
  assert.equal(ha.code, 0, ha.stderr);
  const before = new Map(objectsOf(base.stdout).map((o) => [keyOf(o), o]));
  const after = new Map(objectsOf(ha.stdout).map((o) => [keyOf(o), o]));
  const expected = {
    '+': [...after.values()].filter((o) => !before.has(keyOf(o))).map(named).sort(),
    '-': [...before.values()].filter((o) => !after.has(keyOf(o))).map(named).sort(),
    '~': [...after.values()].filter((o) => before.has(keyOf(o)) && !isDeepStrictEqual(before.get(keyOf(o)), o)).map(named).sort(),
  };
  assert.ok(expected['+'].length && expected['~'].length, 'HA adds and changes objects');

  const out = await runCli(['diff', write('base.yaml', base.stdout), write('ha.yaml', ha.stdout)]);
  assert.equal(out.code, 1, out.stderr);
  assert.deepEqual(listed(out.stdout), expected);
  // The workloads that roll: those whose pod template differs.
  const rolling = [...after.values()].filter((o) => ['Deployment', 'DaemonSet', 'StatefulSet'].includes(o.kind) && before.has(keyOf(o)) && !isDeepStrictEqual(before.get(keyOf(o))?.spec?.template, o.spec?.template));
  const rollSection = out.stdout.split('workloads that roll:')[1].split('trust anchors:')[0];
  assert.deepEqual(rollSection.trim().split('\n').map((l) => l.trim().replace(/ \(phase .*\)$/, '')).sort(), rolling.map(named).sort());
  assert.match(out.stdout, /^trust anchors: unchanged: identity\.linkerd\.cluster\.local, serial [0-9A-F]+ \(sha256:[0-9a-f]{64}\)$/m);
  assert.match(out.stdout, /spec\.replicas: 1 → 3/);
  assert.match(out.stdout, /spec\.template\.spec\.containers\[name=destination\]\.resources: added \{limits, requests\}/);
  assert.ok(!out.stdout.includes('BEGIN'), 'no PEM in the output');

  const again = await runCli(['diff', join(tmp, 'base.yaml'), join(tmp, 'ha.yaml')]);
  assert.equal(again.stdout, out.stdout, 'deterministic');
  const md = await runCli(['diff', '--format', 'markdown', join(tmp, 'base.yaml'), join(tmp, 'ha.yaml')]);
  assert.equal(md.code, 1);
  for (const name of [...expected['+'], ...expected['~']]) assert.ok(md.stdout.includes(`\`${name}\``), `${name} in the Markdown`);
  const same = await runCli(['diff', join(tmp, 'ha.yaml'), '-'], { stdin: ha.stdout });
  assert.deepEqual([same.code, same.stderr], [0, '']);
  assert.match(same.stdout, /^0 added, 0 removed, 0 changed in 0 of 1 phase; 0 workloads roll; trust anchors unchanged; verdict: no differences$/m);
});

const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd', labels: { 'linkerd.io/is-control-plane': 'true' } } };
const deploy = (replicas: number, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'linkerd', labels: { 'linkerd.io/control-plane-ns': 'linkerd' } },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image }] } } },
});
const crd = (name: string) => ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name } });

test('phase files: exact text output, with the risk of a removed CRD', async () => {
  write('old/00-crds.yaml', toYamlStream([crd('servers.policy.linkerd.io'), crd('links.multicluster.linkerd.io')]));
  write('old/01-control-plane.yaml', toYamlStream([ns, deploy(1, 'web:1')]));
  write('old/.meshform-files.json', '{"files":[]}');
  write('new/00-crds.yaml', toYamlStream([crd('servers.policy.linkerd.io')]));
  write('new/01-control-plane.yaml', toYamlStream([ns, deploy(3, 'web:2'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'linkerd' } }]));
  const out = await runCli(['diff', 'old', 'new'], { cwd: tmp });
  assert.equal(out.code, 1, out.stderr);
  assert.equal(
    out.stdout,
    `meshform diff old → new
1 added, 1 removed, 1 changed in 2 of 2 phases; 1 workload rolls; no trust anchors on either side; verdict: UNSAFE (see the risks)

phase crds: 1 removed, 1 unchanged
  - CustomResourceDefinition links.multicluster.linkerd.io
phase control-plane: 1 added, 1 changed, 1 unchanged
  + ServiceAccount linkerd/web
  ~ Deployment linkerd/web (rolls)
      spec.replicas: 1 → 3
      spec.template.spec.containers[name=web].image: "web:1" → "web:2"

workloads that roll:
  Deployment linkerd/web (phase control-plane)
trust anchors: none on either side
risks:
  unsafe: CustomResourceDefinition links.multicluster.linkerd.io: deleting the CRD deletes every links.multicluster.linkerd.io object in the cluster (users' routes and policies too)
`,
  );
  const md = await runCli(['diff', '--format', 'markdown', 'old', 'new'], { cwd: tmp });
  assert.equal(
    md.stdout,
    `## meshform diff \`old\` → \`new\`

**1 added, 1 removed, 1 changed in 2 of 2 phases; 1 workload rolls; no trust anchors on either side; verdict: UNSAFE (see the risks)**

### Phase \`crds\`: 1 removed, 1 unchanged

| | Object | Fields |
|---|---|---|
| removed | \`CustomResourceDefinition links.multicluster.linkerd.io\` | |

### Phase \`control-plane\`: 1 added, 1 changed, 1 unchanged

| | Object | Fields |
|---|---|---|
| added | \`ServiceAccount linkerd/web\` | |
| changed, rolls | \`Deployment linkerd/web\` | \`spec.replicas: 1 → 3\`<br>\`spec.template.spec.containers[name=web].image: "web:1" → "web:2"\` |

### Workloads that roll

- \`Deployment linkerd/web\` (phase \`control-plane\`)

### Trust anchors

None on either side.

### Risks

- **unsafe** \`CustomResourceDefinition links.multicluster.linkerd.io\`: deleting the CRD deletes every links.multicluster.linkerd.io object in the cluster (users' routes and policies too)
`,
  );
});

test('a GitOps tree: phases from the directories holding a kustomization.yaml; engine objects as their own phase', async () => {
  const tree = (root: string, replicas: number) => {
    write(`${root}/00-crds/kustomization.yaml`, 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [crds.yaml]\n');
    write(`${root}/00-crds/crds.yaml`, toYamlStream([crd('servers.policy.linkerd.io')]));
    write(`${root}/01-control-plane/kustomization.yaml`, 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [control-plane.yaml]\n');
    write(`${root}/01-control-plane/control-plane.yaml`, toYamlStream([ns, deploy(replicas, 'web:1')]));
    write(`${root}/argocd/apps/01-control-plane.yaml`, toYamlStream([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'control-plane', namespace: 'argocd' }, spec: { project: 'mesh' } }]));
  };
  tree('git-old', 1);
  tree('git-new', 2);
  const out = await runCli(['diff', 'git-old', 'git-new'], { cwd: tmp });
  assert.equal(out.code, 1, out.stderr);
  assert.deepEqual(out.stdout.split('\n').filter((l) => l.startsWith('phase')), ['phase crds: 1 unchanged', 'phase control-plane: 1 changed, 1 unchanged', 'phase argocd: 1 unchanged']);
  assert.match(out.stdout, /~ Deployment linkerd\/web\n {6}spec\.replicas: 1 → 2\n/);
  assert.equal((await runCli(['diff', 'git-old', 'git-old'], { cwd: tmp })).code, 0);
});

test('a single render: phases detected from the labels; an object moving phase is a change', async () => {
  const viz = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd-viz', labels: { 'linkerd.io/extension': 'viz' } } };
  const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'apps' } };
  write('one.yaml', toYamlStream([other, viz, crd('servers.policy.linkerd.io')]));
  write('two.yaml', toYamlStream([viz, crd('servers.policy.linkerd.io'), { ...other, metadata: { ...other.metadata, labels: { 'linkerd.io/extension': 'viz' } } }]));
  const out = await runCli(['diff', 'one.yaml', 'two.yaml'], { cwd: tmp });
  assert.deepEqual(out.stdout.split('\n').filter((l) => l.startsWith('phase')), ['phase crds: 1 unchanged', 'phase viz: 1 changed, 1 unchanged', 'phase namespace apps: no objects']);
  assert.match(out.stdout, /~ ConfigMap apps\/x \(moved from phase namespace apps\)\n {6}metadata\.labels: added \{linkerd\.io\/extension\}\n/);
});

test('exit 2 for trouble: usage, unreadable or invalid input, an object twice; nothing on stdout', async () => {
  write('bad.yaml', 'a: [\n');
  write('dup.yaml', toYamlStream([ns, ns]));
  write('list.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - 3\n');
  const cases: [string[], RegExp][] = [
    [['diff', 'one.yaml'], /expected OLD and NEW/],
    [['diff', '-', '-'], /only one side can be -/],
    [['diff', '--format', 'html', 'one.yaml', 'two.yaml'], /--format must be text or markdown/],
    [['diff', '--max-fields', '0', 'one.yaml', 'two.yaml'], /--max-fields must be a whole number/],
    [['diff', 'missing.yaml', 'one.yaml'], /no such file or directory/],
    [['diff', 'one.yaml', 'bad.yaml'], /bad\.yaml.* is not valid YAML/],
    [['diff', 'dup.yaml', 'one.yaml'], /Namespace linkerd is also in dup\.yaml: document 1/],
    [['diff', 'list.yaml', 'one.yaml'], /document 1 item 1: is not a Kubernetes object/],
    [['diff', 'empty-dir', 'one.yaml'], /no \.yaml files/],
  ];
  mkdirSync(join(tmp, 'empty-dir'), { recursive: true });
  for (const [args, message] of cases) {
    const r = await runCli(args, { cwd: tmp });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('--max-fields caps the fields listed per object', async () => {
  write('wide-a.yaml', toYamlStream([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w', namespace: 'n' }, data: { a: '1', b: '1', c: '1' } }]));
  write('wide-b.yaml', toYamlStream([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w', namespace: 'n' }, data: { a: '2', b: '2', c: '2' } }]));
  const out = await runCli(['diff', '--max-fields', '2', 'wide-a.yaml', 'wide-b.yaml'], { cwd: tmp });
  assert.match(out.stdout, / {6}data\.a: "1" → "2"\n {6}data\.b: "1" → "2"\n {6}… and 1 more field\n/);
});
