/** The command surface: streams, Lists, Services, Namespaces, stdin, exit codes, uninject rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { uninjectObject } from '../../lib/inject/index.js';

async function run(args: readonly string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string; docs: Record<string, any>[] }> {
  const { code, stdout, stderr } = await runCli(args, { stdin });
  const docs = parseAllDocuments(stdout).map((d) => d.toJS()).filter(Boolean);
  return { code, stdout, stderr, docs };
}

const deployment = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1`, ports: [{ containerPort: 8080, name: 'http' }] }], ...spec } } },
});
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } };
const stream = (...objs: object[]) => objs.map((o) => `---\n${stringify(o)}`).join('');

describe('meshform inject (annotation mode)', () => {
  it('keeps the order of a multi-document stream and annotates each pod template', async () => {
    const { code, docs, stderr } = await run(['inject', '-'], stream(deployment('a'), service, deployment('b')));
    assert.equal(code, 0, stderr);
    assert.deepEqual(docs.map((d) => `${d.kind}/${d.metadata.name}`), ['Deployment/a', 'Service/web', 'Deployment/b']);
    assert.deepEqual(docs[0].spec.template.metadata.annotations, { 'linkerd.io/inject': 'enabled' });
    assert.match(stderr, /deployment "a" injected/);
  });

  it('gives a Service only the opaque-ports override, and only when it differs', async () => {
    const plain = await run(['inject', '--admin-port', '1234', '-'], stream(service));
    assert.deepEqual(plain.docs[0], service);
    const opaque = await run(['inject', '--opaque-ports', '3306', '--admin-port', '1234', '-'], stream(service));
    assert.deepEqual(opaque.docs[0].metadata.annotations, { 'config.linkerd.io/opaque-ports': '3306' });
  });

  it('injects the items of a List and writes a List back', async () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [deployment('a'), deployment('b')] };
    const { code, docs } = await run(['inject', '--proxy-log-level', 'debug', '-'], stream(list));
    assert.equal(code, 0);
    assert.equal(docs.length, 1);
    assert.equal(docs[0].kind, 'List');
    for (const item of docs[0].items) {
      assert.deepEqual(item.spec.template.metadata.annotations, { 'linkerd.io/inject': 'enabled', 'config.linkerd.io/proxy-log-level': 'debug' });
    }
  });

  it('annotates a Namespace, with ingress mode replacing enabled', async () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    const { docs } = await run(['inject', '--ingress', '-'], stream(ns));
    assert.deepEqual(docs[0].metadata.annotations, { 'linkerd.io/inject': 'ingress' });
  });

  it('passes linkerd.io/inject: disabled through unchanged', async () => {
    const d = deployment('a');
    (d.spec.template.metadata as Record<string, unknown>).annotations = { 'linkerd.io/inject': 'disabled' };
    const { code, docs, stderr } = await run(['inject', '-'], stream(d));
    assert.equal(code, 0);
    assert.deepEqual(docs[0], d);
    assert.match(stderr, /skipped/);
  });

  it('refuses with exit 1 and no stdout, listing every refused resource', async () => {
    const { code, stdout, stderr } = await run(['inject', '-'], stream(deployment('a', { hostNetwork: true }), deployment('b'), deployment('c', { hostNetwork: true })));
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, 'Error transforming resources:\nfailed to inject deployment/a: hostNetwork is enabled\nfailed to inject deployment/c: hostNetwork is enabled\n');
  });

  it('warns about UDP ports but injects', async () => {
    const d = deployment('dns');
    d.spec.template.spec.containers[0].ports = [{ containerPort: 53, name: 'dns', protocol: 'UDP' } as never];
    const { code, stderr } = await run(['inject', '-'], stream(d));
    assert.equal(code, 0);
    assert.match(stderr, /deployment\/dns uses "protocol: UDP"/);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run(['inject'])).code, 2);
    assert.equal((await run(['inject', '--disable-identity', '-'])).code, 2);
    assert.equal((await run(['inject', '--admin-port', 'abc', '-'])).code, 2);
    assert.equal((await run(['inject', '--no-such-flag', '-'])).code, 2);
  });

  it('needs the mesh trust anchors for --manual', async () => {
    const { code, stderr } = await run(['inject', '--manual', '-'], stream(deployment('a')));
    assert.equal(code, 1);
    assert.match(stderr, /identityTrustAnchorsPEM/);
  });
});

describe('meshform uninject', () => {
  it('strips linkerd.io metadata but keeps inject: disabled and config.linkerd.io/*', () => {
    const d = deployment('a');
    const tmpl = d.spec.template as Record<string, any>;
    tmpl.metadata.annotations = { 'linkerd.io/inject': 'disabled', 'linkerd.io/proxy-version': 'x', 'config.linkerd.io/admin-port': '1' };
    tmpl.metadata.labels['linkerd.io/workload-ns'] = 'shop';
    tmpl.spec.initContainers = [{ name: 'linkerd-init' }, { name: 'setup' }];
    tmpl.spec.containers.push({ name: 'linkerd-proxy' }, { name: 'linkerd-debug' });
    tmpl.spec.volumes = [{ name: 'linkerd-identity-token' }, { name: 'data' }];
    const out = uninjectObject(d).object as Record<string, any>;
    const t = out.spec.template;
    assert.deepEqual(t.metadata.annotations, { 'linkerd.io/inject': 'disabled', 'config.linkerd.io/admin-port': '1' });
    assert.deepEqual(t.metadata.labels, { app: 'a' });
    assert.deepEqual(t.spec.initContainers.map((c: { name: string }) => c.name), ['setup']);
    assert.deepEqual(t.spec.containers.map((c: { name: string }) => c.name), ['a']);
    assert.deepEqual(t.spec.volumes, [{ name: 'data' }]);
  });

  it('leaves control-plane pod metadata alone', () => {
    const d = deployment('linkerd-destination');
    const tmpl = d.spec.template as Record<string, any>;
    tmpl.metadata.labels['linkerd.io/control-plane-component'] = 'destination';
    tmpl.metadata.annotations = { 'linkerd.io/created-by': 'x' };
    const out = uninjectObject(d).object as Record<string, any>;
    assert.deepEqual(out.spec.template.metadata, tmpl.metadata);
  });

  it('reads stdin and passes other kinds through', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'linkerd.io/x': 'y' } } };
    const { code, docs } = await run(['uninject', '-'], stream(cm));
    assert.equal(code, 0);
    assert.deepEqual(docs, [cm]);
  });
});
