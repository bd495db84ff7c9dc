// CLI conventions: version, did-you-mean, usage errors (exit 2, message + hint on stderr, nothing on
// stdout), -o yaml|json on every render verb, --ignore-cluster, and check with nothing to check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LINKERD_VERSION } from '../../lib/versions.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

// Renders that generate identity keep it in the working directory's store: a scratch one.
const cwd = mkdtempSync(join(tmpdir(), 'meshform-conventions-'));
const run = (args: readonly string[]): Promise<CliResult> => runCli(args, { cwd });

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: app
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: {}
`;
writeFileSync(join(cwd, 'web.yaml'), DEPLOYMENT);

function assertUsageError(result: CliResult, pattern: RegExp, verb = ''): void {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, pattern);
  assert.match(result.stderr, new RegExp(`Run "meshform ${verb ? `${verb} ` : ''}--help" for usage\\.\\n$`));
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

describe('version', () => {
  for (const args of [['version'], ['--version']]) {
    it(`meshform ${args.join(' ')} prints upstream's client line and meshform's version`, async () => {
      const { code, stdout } = await run(args);
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`^Client version: ${LINKERD_VERSION}\\nmeshform version: \\d+\\.\\d+\\.\\d+\\n$`));
    });
  }
  it('--short prints the Linkerd version alone', async () => {
    assert.equal((await run(['version', '--short'])).stdout, `${LINKERD_VERSION}\n`);
  });
});

describe('boolean flags', () => {
  it("take upstream's --flag=true|false (Go's ParseBool spellings) on every verb", async () => {
    const plain = await run(['install', '--crds']);
    assert.equal((await run(['install', '--crds', '--ha=false'])).stdout, plain.stdout);
    assert.equal((await run(['install', '--crds=True'])).stdout, plain.stdout);
    const ha = await run(['viz', 'install', '--ha']);
    assert.equal(ha.code, 0, ha.stderr);
    assert.equal((await run(['viz', 'install', '--ha=1'])).stdout, ha.stdout);
    assert.notEqual((await run(['viz', 'install', '--ha=f'])).stdout, ha.stdout);
  });
});

describe('usage errors', () => {
  it('a mistyped verb gets a did-you-mean', async () => {
    assertUsageError(await run(['instal']), /unknown command "instal" \(did you mean "install"\?\)/);
    assertUsageError(await run(['injcet', 'x.yaml']), /did you mean "inject"\?/);
    assertUsageError(await run(['--versoin']), /unknown flag: --versoin \(did you mean --version\?\)/);
  });

  it('a mistyped sub-verb gets a did-you-mean', async () => {
    assertUsageError(await run(['viz', 'instal']), /unknown viz command "instal" \(did you mean "install"\?\)/, 'viz');
    assertUsageError(await run(['multicluster', 'isntall']), /did you mean "install"\?/, 'multicluster');
  });

  it('a mistyped flag gets a did-you-mean, on every verb', async () => {
    assertUsageError(await run(['install', '--hha']), /unknown flag: --hha \(did you mean --ha\?\)/, 'install');
    assertUsageError(await run(['viz', 'install', '--namspace=x']), /unknown flag: --namspace \(did you mean --namespace\?\)/, 'viz install');
    assertUsageError(await run(['inject', '--manaul', 'web.yaml']), /did you mean --manual\?/, 'inject');
    assertUsageError(await run(['check', '--identity-trust-anchor-file', 'x']), /did you mean --identity-trust-anchors-file\?/, 'check');
    assertUsageError(await run(['install', '--zzzzzzzz']), /unknown flag: --zzzzzzzz\n/, 'install');
  });

  it('a flag without its value, a stray argument, a bad -o', async () => {
    assertUsageError(await run(['install', '--set']), /flag needs an argument: --set/, 'install');
    assertUsageError(await run(['install', '--crds', 'extra']), /unexpected argument "extra"/, 'install');
    assertUsageError(await run(['install', '--ha=yes']), /invalid value "yes" for --ha: must be true or false/, 'install');
    assertUsageError(await run(['install', '--crds', '--help=1']), /flag --help does not take a value/, 'install');
    for (const verb of [['install', '--crds'], ['install-cni'], ['viz', 'install'], ['multicluster', 'install'], ['uninject', 'web.yaml']]) {
      assertUsageError(await run([...verb, '-o', 'xml']), /--output must be yaml or json, not "xml"/, verb.filter((w) => !w.includes('.') && !w.startsWith('-')).join(' '));
    }
  });

  it('contradicting flags exit 2 too', async () => {
    assertUsageError(await run(['install', '--crds', '--identity-trust-domain', 'example.org']), /cannot be used with --crds/, 'install');
    assertUsageError(await run(['install', '--identity-external-issuer', '--identity-issuer-key-file', 'k.pem']), /--identity-issuer-key-file cannot be used with --identity-external-issuer/, 'install');
    assertUsageError(await run(['install-cni', '--ha']), /install-cni has no --ha flag/, 'install-cni');
    // Upstream's install-cni and check have no --ignore-cluster.
    assertUsageError(await run(['install-cni', '--ignore-cluster']), /unknown flag: --ignore-cluster/, 'install-cni');
    assertUsageError(await run(['inject', '--namespace', 'app', 'web.yaml']), /--namespace does not apply to inject/, 'inject');
    assertUsageError(await run(['inject']), /expected exactly one manifest/, 'inject');
  });

  it('meshform alone prints the usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await run([]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /usage: meshform <command>/);
  });
});

/** The objects of a YAML stream or of upstream's JSON output (one object per line). */
const fromYaml = (text: string): unknown[] => parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o !== null);
const fromJson = (text: string): unknown[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('-o yaml|json and --ignore-cluster on every render verb', () => {
  const verbs: readonly (readonly string[])[] = [
    ['install', '--crds'],
    ['upgrade', '--crds', '--ignore-cluster'],
    ['install', '--ignore-cluster'],
    ['install-cni'],
    ['viz', 'install', '--ignore-cluster'],
    ['multicluster', 'install', '--ignore-cluster'],
    ['inject', '--ignore-cluster', 'web.yaml'],
    ['uninject', 'web.yaml'],
  ];
  for (const args of verbs) {
    it(`meshform ${args.join(' ')}: -o json is the same objects, one JSON object per line with sorted keys; -o yaml is the default`, async () => {
      const yaml = await run(args);
      assert.equal(yaml.code, 0, yaml.stderr);
      const explicit = await run([...args, '-o', 'yaml']);
      assert.equal(explicit.stdout, yaml.stdout, '-o yaml is byte-identical to the default');
      const json = await run([...args, '--output', 'json']);
      assert.equal(json.code, 0, json.stderr);
      assert.deepEqual(fromJson(json.stdout), fromYaml(yaml.stdout));
      const first = JSON.parse(json.stdout.split('\n')[0]) as Record<string, unknown>;
      assert.deepEqual(Object.keys(first), Object.keys(first).sort());
    });
  }
});

describe('check with nothing to check', () => {
  it('says what it can check and where it reads it, exit 0', async () => {
    const { code, stdout, stderr } = await run(['check']);
    assert.equal(code, 0);
    assert.match(stdout, /Status check results are/);
    assert.match(stderr, /nothing to check/);
    for (const input of ['identityTrustAnchorsPEM', '--identity-trust-anchors-file', 'proxyInjector.crtPEM', 'tap.crtPEM', '--deployed']) {
      assert.ok(stderr.includes(input), `mentions ${input}`);
    }
  });
});
