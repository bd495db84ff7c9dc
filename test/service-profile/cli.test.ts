// meshform profile: upstream's flags and refusals, exit codes by the CLI's conventions (2 usage,
// 1 refused input, nothing on stdout then), stdin, -o json, and schema-valid output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYamlDocument } from '../../lib/yaml-input.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { validateRender } from '../helpers/validate-all.js';
import { AUTHORS_SWAGGER, renderedCrds, VOTING_PROTO } from './fixtures.js';

const cwd = mkdtempSync(join(tmpdir(), 'meshform-profile-'));
writeFileSync(join(cwd, 'Voting.proto'), VOTING_PROTO);
writeFileSync(join(cwd, 'authors.swagger'), AUTHORS_SWAGGER);
writeFileSync(join(cwd, 'huge.swagger'), `paths: {}\n${'#'.repeat(5 * 1024 * 1024)}\n`);
const run = (args: readonly string[], stdin?: string): Promise<CliResult> => runCli(['profile', ...args], { cwd, stdin });

function assertRefused(result: CliResult, code: 1 | 2, pattern: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

describe('meshform profile', () => {
  it('--proto FILE: the profile for SERVICE in -n, valid against the CRD', async () => {
    const { code, stdout, stderr } = await run(['--proto', 'Voting.proto', '-n', 'emojivoto', 'voting-svc']);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('apiVersion: linkerd.io/v1alpha2\nkind: ServiceProfile\nmetadata:\n  creationTimestamp: null\n  name: voting-svc.emojivoto.svc.cluster.local\n  namespace: emojivoto\nspec:\n  routes:\n  - condition:\n'));
    const object = parseYamlDocument(stdout, 'stdout') as never;
    assert.deepEqual(validateRender([object], renderedCrds()).problems, []);
  });

  it('--open-api - reads stdin; -o json prints the same object on one line', async () => {
    const yaml = await run(['--open-api', '-', '--namespace=books', 'authors'], AUTHORS_SWAGGER);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.equal((await run(['--open-api', 'authors.swagger', '-n', 'books', 'authors'])).stdout, yaml.stdout);
    const json = await run(['--open-api', '-', '-n', 'books', '-o', 'json', '--ignore-cluster', 'authors'], AUTHORS_SWAGGER);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stdout.split('\n').length, 2);
    assert.deepEqual(JSON.parse(json.stdout), parseYamlDocument(yaml.stdout, 'yaml'));
  });

  it("--template: upstream's text; default namespace 'default', --cluster-domain offline", async () => {
    const { code, stdout } = await run(['--template', 'web-svc']);
    assert.equal(code, 0);
    assert.match(stdout, /^### ServiceProfile for web-svc\.default ###\n/);
    assert.match(stdout, /\n {2}name: web-svc\.default\.svc\.cluster\.local\n/);
    const other = await run(['--template', '--cluster-domain', 'example.org', '-n', 'emojivoto', 'web-svc']);
    assert.match(other.stdout, /\n {2}name: web-svc\.emojivoto\.svc\.example\.org\n/);
    const json = await run(['--template', '-o', 'json', 'web-svc']);
    assert.deepEqual(JSON.parse(json.stdout), parseYamlDocument(stdout, 'template'));
  });

  it("exactly one source, in upstream's words (usage error, exit 2)", async () => {
    const one = /meshform: You must specify exactly one of --template or --open-api or --proto\nRun "meshform profile --help" for usage\.\n$/;
    assertRefused(await run(['web-svc']), 2, one);
    assertRefused(await run(['--template', '--proto', 'Voting.proto', 'web-svc']), 2, one);
    assertRefused(await run(['--template']), 2, /accepts 1 arg\(s\), received 0/);
    assertRefused(await run(['--template', 'a', 'b']), 2, /accepts 1 arg\(s\), received 2/);
    assertRefused(await run(['--template', '-o', 'xml', 'web']), 2, /--output must be yaml or json/);
    assertRefused(await run(['--tap', 'deploy/web', 'web']), 2, /unknown flag: --tap/);
  });

  it('refuses a SERVICE that is no DNS-1035 label and a namespace that is no DNS-1123 label (exit 1)', async () => {
    assertRefused(await run(['--template', 'Web']), 1, /^meshform: invalid service "Web": \[a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character \(e\.g\. 'my-name',  or 'abc-123', regex used for validation is '\[a-z\]\(\[-a-z0-9\]\*\[a-z0-9\]\)\?'\)\]\n$/);
    assertRefused(await run(['--template', '1web']), 1, /invalid service "1web"/);
    assertRefused(await run(['--template', 'a'.repeat(64)]), 1, /must be no more than 63 characters/);
    assertRefused(await run(['--proto', 'Voting.proto', '-n', 'Emoji_Voto', 'web']), 1, /^meshform: invalid namespace "Emoji_Voto": \[a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character/);
    assertRefused(await run(['--template', '--cluster-domain', 'Cluster', 'web']), 1, /invalid cluster domain "Cluster"/);
  });

  it('refuses unreadable, oversized and invalid specs with one line, exit 1', async () => {
    assertRefused(await run(['--proto', 'missing.proto', 'web']), 1, /--proto missing\.proto: no such file/);
    assertRefused(await run(['--open-api', 'huge.swagger', 'web']), 1, /--open-api huge\.swagger: larger than 4194304 bytes/);
    assertRefused(await run(['--proto', '-', 'web'], 'service X { rpc }'), 1, /--proto \(stdin\): not a valid \.proto file/);
    assertRefused(await run(['--open-api', '-', 'web'], 'paths:\n  /a:\n    get:\n      x-linkerd-retryable: "yes"\n'), 1, /paths\.\/a\.get\.x-linkerd-retryable = "yes": must be a boolean/);
  });

  it('is listed with its flags in help', async () => {
    const { stdout } = await runCli(['profile', '--help']);
    for (const flag of ['--template', '--open-api FILE', '--proto FILE', '-n, --namespace NS', '--ignore-cluster', '-o, --output yaml|json']) assert.ok(stdout.includes(flag), flag);
    assert.match((await runCli(['--help'])).stdout, /\n {2}profile {3,}Output a ServiceProfile/);
  });
});
