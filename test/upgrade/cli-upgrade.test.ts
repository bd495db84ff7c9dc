/**
 * `meshform upgrade --from-manifests FILE`: a previous render (or kubectl's List of it) is read back;
 * its values, identity and webhook certificates are kept, the flags change only what they say, and a
 * trust-anchor change that would break the running proxies is refused.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import { generateIssuer, generateTrustAnchor, generateWebhookCert } from '../../lib/identity/generate.js';
import { CONTROL_PLANE_WEBHOOKS } from '../../lib/identity/webhook-certs.js';
import type { KubeObject } from '../../lib/manifest.js';
import { compareObjects, objectKey } from '../helpers/manifest-compare.js';
import { runCli } from '../helpers/run-cli.js';

const PINS = fileURLToPath(new URL('../../../shared/linkerd/cases/control-plane-pins.values.yaml', import.meta.url));
const skipShared = existsSync(PINS) ? false : `case values not found at ${PINS} (../shared absent)`;
const work = mkdtempSync(join(tmpdir(), 'meshform-upgrade-'));
after(() => rmSync(work, { recursive: true, force: true }));
const run = (args: string[], stdin?: string) => runCli(args, { cwd: work, stdin });

type Obj = { kind: string; apiVersion: string; metadata: { name: string; namespace?: string }; data?: Record<string, string>; [k: string]: unknown };
const objects = (yaml: string): Obj[] => parseAllDocuments(yaml).map((d) => d.toJS() as Obj).filter(Boolean);
const write = (name: string, content: string): string => {
  writeFileSync(join(work, name), content);
  return name;
};
const IDENTITY_NAMES = ['linkerd-identity-trust-roots', 'linkerd-identity-issuer', ...CONTROL_PLANE_WEBHOOKS.map((w) => `${w.serviceName}-k8s-tls`)];
const identityObjects = (yaml: string) => objects(yaml).filter((o) => IDENTITY_NAMES.includes(o.metadata.name) && ['ConfigMap', 'Secret'].includes(o.kind));

/** A values file with generated anchors, issuer and webhook certificates (what `install` needs). */
async function identityValues(name: string, namespace = 'linkerd', webhooks = true): Promise<{ file: string; anchorPem: string }> {
  const anchor = await generateTrustAnchor();
  const issuer = await generateIssuer({ anchor });
  const tree: Record<string, unknown> = {
    identityTrustAnchorsPEM: anchor.certificatePem,
    identity: { issuer: { tls: { crtPEM: issuer.certificatePem, keyPEM: issuer.privateKeyPem } } },
  };
  for (const spec of webhooks ? CONTROL_PLANE_WEBHOOKS : []) {
    const cert = await generateWebhookCert({ serviceName: spec.serviceName, namespace });
    tree[spec.valuesKey] = { crtPEM: cert.certificatePem, keyPEM: cert.privateKeyPem, caBundle: cert.caBundlePem };
  }
  return { file: write(name, stringify(tree)), anchorPem: anchor.certificatePem };
}

describe('meshform upgrade --from-manifests', () => {
  let render: string;
  let renderFile: string;
  let valuesFile: string;

  before(async () => {
    valuesFile = (await identityValues('identity.yaml')).file;
    const first = await run(['install', '-f', valuesFile]);
    assert.equal(first.code, 0, first.stderr);
    render = first.stdout;
    renderFile = write('render.yaml', render);
  });

  it('with no flags renders the original, byte for byte', async () => {
    const up = await run(['upgrade', '--from-manifests', renderFile]);
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stdout, render);
  });

  it('--set proxy.logLevel=debug changes the proxy log level and nothing else', async () => {
    const up = await run(['upgrade', '--from-manifests', renderFile, '--set', 'proxy.logLevel=debug']);
    assert.equal(up.code, 0, up.stderr);
    assert.notEqual(up.stdout, render);
    assert.equal(up.stdout, render.replaceAll('warn,linkerd=info,hickory=error', 'debug'));
  });

  it('keeps anchors, issuer and webhook certificates under --ha, and the HA render upgrades to itself', async () => {
    const ha = await run(['upgrade', '--from-manifests', renderFile, '--ha']);
    assert.equal(ha.code, 0, ha.stderr);
    assert.notEqual(ha.stdout, render);
    assert.deepEqual(identityObjects(ha.stdout), identityObjects(render));
    assert.equal(identityObjects(render).length, IDENTITY_NAMES.length);
    const again = await run(['upgrade', '--from-manifests', write('ha.yaml', ha.stdout)]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, ha.stdout, 'highAvailability in the stored values keeps the HA overlay');
  });

  it('reads a kubectl get -o yaml List (server fields, stringData issuer) and stdin', async () => {
    const items: Obj[] = objects(render).map((o) => ({
      ...o,
      metadata: { ...o.metadata, resourceVersion: '4711', uid: 'a-b-c', managedFields: [{ manager: 'kubectl', operation: 'Apply' }] },
      status: {},
    }));
    const issuer = items.find((o) => o.kind === 'Secret' && o.metadata.name === 'linkerd-identity-issuer')!;
    const decoded = Object.fromEntries(Object.entries(issuer.data!).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    delete issuer.data;
    issuer.stringData = decoded;
    const list = stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items });
    const fromList = await run(['upgrade', '--from-manifests', write('list.yaml', list)]);
    assert.equal(fromList.code, 0, fromList.stderr);
    assert.equal(fromList.stdout, render);
    const fromStdin = await run(['upgrade', '--from-manifests', '-'], list);
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, render);
  });

  it('keeps the namespace of the previous install', async () => {
    const elsewhere = await run(['install', '-f', (await identityValues('mesh-identity.yaml', 'mesh')).file, '--namespace', 'mesh']);
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    const up = await run(['upgrade', '--from-manifests', write('mesh.yaml', elsewhere.stdout)]);
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stdout, elsewhere.stdout);
  });

  it('--crds renders the CRDs with the stored values', async () => {
    const up = await run(['upgrade', '--crds', '--from-manifests', renderFile]);
    const install = await run(['install', '--crds']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stdout, install.stdout);
  });

  it('refuses new trust anchors that drop the deployed one, naming the file, nothing on stdout', async () => {
    const other = await identityValues('other.yaml');
    const up = await run(['upgrade', '--from-manifests', renderFile, '-f', other.file]);
    assert.equal(up.code, 1);
    assert.equal(up.stdout, '');
    assert.match(up.stderr, /--from-manifests render\.yaml: trust-anchor rotation: running proxies trust the issuer/);
    assert.match(up.stderr, /anchors in use stay in the bundle/);
    assert.doesNotMatch(up.stderr, /PRIVATE KEY|at .*\.ts:\d+/);
  });

  it('refuses manifests without the issuer Secret, naming it and how to give the key', async () => {
    const kept = objects(render).filter((o) => !(o.kind === 'Secret' && o.metadata.name === 'linkerd-identity-issuer'));
    const up = await run(['upgrade', '--from-manifests', write('no-issuer.yaml', kept.map((o) => `${stringify(o)}---\n`).join(''))]);
    assert.equal(up.code, 1);
    assert.equal(up.stdout, '');
    assert.match(up.stderr, /identity\.issuer\.tls\.keyPEM: --from-manifests no-issuer\.yaml: no Secret linkerd-identity-issuer/);
    assert.doesNotMatch(up.stderr, /PRIVATE KEY/);
  });

  it('a bad key in a Secret is refused naming the value, the Secret and the file, never the key', async () => {
    const other = await generateWebhookCert({ serviceName: 'linkerd-proxy-injector', namespace: 'linkerd' });
    const swapped = objects(render).map((o) =>
      o.kind === 'Secret' && o.metadata.name === 'linkerd-proxy-injector-k8s-tls' ? { ...o, data: { ...o.data, 'tls.key': Buffer.from(other.privateKeyPem).toString('base64') } } : o,
    );
    const up = await run(['upgrade', '--from-manifests', write('swapped.yaml', swapped.map((o) => `${stringify(o)}---\n`).join(''))]);
    assert.equal(up.code, 1);
    assert.equal(up.stdout, '');
    assert.match(up.stderr, /proxyInjector\.\S+: .*does not match.*\(from Secret linkerd-proxy-injector-k8s-tls in --from-manifests swapped\.yaml\)/);
    assert.doesNotMatch(up.stderr, /PRIVATE KEY|MII/);
  });

  it('refuses what is no install, naming the file: missing, not YAML, no linkerd-config, bad stored values', async () => {
    const missing = await run(['upgrade', '--from-manifests', 'absent.yaml']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /--from-manifests absent\.yaml: no such file/);
    const notYaml = await run(['upgrade', '--from-manifests', write('bad.yaml', 'a: [\n')]);
    assert.equal(notYaml.code, 1);
    assert.match(notYaml.stderr, /--from-manifests bad\.yaml: document 1 is not valid YAML/);
    const crds = await run(['upgrade', '--from-manifests', write('crds.yaml', (await run(['install', '--crds'])).stdout)]);
    assert.equal(crds.code, 1);
    assert.match(crds.stderr, /--from-manifests crds\.yaml: no ConfigMap linkerd-config/);

    const withConfig = (values: string) =>
      objects(render)
        .map((o) => (o.kind === 'ConfigMap' && o.metadata.name === 'linkerd-config' ? { ...o, data: { ...o.data, values } } : o))
        .map((o) => `${stringify(o)}---\n`)
        .join('');
    const unparsable = await run(['upgrade', '--from-manifests', write('dump-bad.yaml', withConfig('proxy: [\n'))]);
    assert.equal(unparsable.code, 1);
    assert.match(unparsable.stderr, /--from-manifests dump-bad\.yaml: ConfigMap linkerd-config data\.values is not valid YAML/);
    const wrongType = await run(['upgrade', '--from-manifests', write('dump-type.yaml', withConfig('proxy:\n  logLevel: 5\n'))]);
    assert.equal(wrongType.code, 1);
    assert.match(wrongType.stderr, /proxy\.logLevel/);
    const polluted = await run(['upgrade', '--from-manifests', write('dump-proto.yaml', withConfig('proxy:\n  __proto__:\n    x: 1\n'))]);
    assert.equal(polluted.code, 1);
    assert.match(polluted.stderr, /proxy\.__proto__/);
    for (const r of [missing, notYaml, crds, unparsable, wrongType, polluted]) assert.equal(r.stdout, '');
  });

  it('usage errors exit 2: no --from-manifests, an unknown flag', async () => {
    const none = await run(['upgrade']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--from-manifests FILE is required/);
    const unknown = await run(['upgrade', '--from-manifests', renderFile, '--deployed', renderFile]);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
  });
});

describe('meshform upgrade of a pinned render (the control-plane cases\' values)', { skip: skipShared }, () => {
  it('upgrading upstream\'s own renders reproduces them (given back the CLI stamp they carry)', async () => {
    const byKey = (yaml: string) => new Map(objects(yaml).map((o) => [objectKey(o as KubeObject), o] as const));
    for (const name of ['install_default', 'install_ha_output', 'install_values_file', 'install_controlplane_tracing_output']) {
      const golden = fileURLToPath(new URL(`../../../shared/linkerd/golden/control-plane/${name}.golden`, import.meta.url));
      const up = await run(['upgrade', '--from-manifests', golden, '--set', 'cliVersion=linkerd/cli dev-undefined']);
      assert.equal(up.code, 0, `${name}: ${up.stderr}`);
      const expected = byKey(readFileSync(golden, 'utf8'));
      expected.delete('core/Secret/linkerd/linkerd-config-overrides'); // upstream's store of the overrides; ours is linkerd-config
      const actual = byKey(up.stdout);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), name);
      for (const [key, o] of expected) assert.deepEqual(compareObjects(o, actual.get(key)), [], `${name}: ${key}`);
    }
  });

  it('re-applying the same -f files renders the original', async () => {
    // The pins say externalSecret for the webhooks: only the identity is given.
    const { file } = await identityValues('pinned-identity.yaml', 'linkerd', false);
    const first = await run(['install', '-f', PINS, '-f', file]);
    assert.equal(first.code, 0, first.stderr);
    const up = await run(['upgrade', '--from-manifests', write('pinned.yaml', first.stdout), '-f', PINS, '-f', file]);
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stdout, first.stdout);
    // Without the pins the old CLI's stamp gives way to this one's; user pins such as image versions stay.
    const bare = await run(['upgrade', '--from-manifests', 'pinned.yaml']);
    assert.equal(bare.code, 0, bare.stderr);
    assert.match(bare.stdout, /linkerd\.io\/created-by: linkerd\/cli edge-/);
    assert.match(bare.stdout, /install-proxy-version/);
  });
});
