// The CLI's contract for bad input: exit 1, every problem on stderr naming the key and what is
// allowed, nothing on stdout, never a stack trace; exit 2 on usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/meshform.mjs', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'meshform-cli-'));

function meshform(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function assertRefused(run: ReturnType<typeof meshform>, ...patterns: RegExp[]): void {
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, '');
  for (const p of patterns) assert.match(run.stderr, p);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

test('install with only part of the identity is refused, naming what is missing and the three ways to provide it', () => {
  assertRefused(
    meshform('install', '--set', 'identityTrustAnchorsPEM=x'),
    /identity\.issuer\.tls\.crtPEM, identity\.issuer\.tls\.keyPEM: .*must all be given .*-f VALUES.*--identity-dir DIR.*--cert-manager/,
  );
});

test('every bad --set is reported at once with what is allowed', () => {
  const run = meshform('install', '--set', 'controllerReplicas=-1', '--set', 'proxy.defaultInboundPolicy=nope');
  assertRefused(run, /controllerReplicas = -1: .*integer/, /proxy\.defaultInboundPolicy = "nope": .*all-unauthenticated/);
});

test('a misspelled key gets a did-you-mean hint', () => {
  assertRefused(meshform('install', '--crds', '--set', 'proxy.logLevle=debug'), /proxy\.logLevle: unknown key \(did you mean "logLevel"\?\)/);
});

test('a malformed issuer PEM is refused', () => {
  const file = join(work, 'bad-pem.yaml');
  writeFileSync(
    file,
    'identityTrustAnchorsPEM: |\n  -----BEGIN CERTIFICATE-----\n  bm90IGEgY2VydA==\n  -----END CERTIFICATE-----\n' +
      'identity:\n  issuer:\n    tls:\n      crtPEM: "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n"\n      keyPEM: nope\n',
  );
  assertRefused(meshform('install', '-f', file), /identityTrustAnchorsPEM/, /identity\.issuer\.tls\.crtPEM/);
});

test('a missing values file is refused by name', () => {
  assertRefused(meshform('install', '-f', 'no-such-values.yaml'), /no-such-values\.yaml: no such file/);
});

test('a values file that is not a map is refused', () => {
  const file = join(work, 'list.yaml');
  writeFileSync(file, '- a\n- b\n');
  assertRefused(meshform('install', '--crds', '-f', file), /must be a YAML map/);
});

test('usage errors exit 2', () => {
  assert.equal(meshform('install', '--no-such-flag').status, 2);
  assert.equal(meshform('frobnicate').status, 2);
  assert.equal(meshform().status, 2);
});

test('bad extension values are refused the same way', () => {
  assertRefused(meshform('viz', 'install', '--set', 'tap.replicas=-2', '--set', 'tap.externalSecret=true'), /tap\.replicas/);
  assertRefused(meshform('install-cni', '--set', 'inboundProxyPort=70000'), /inboundProxyPort = 70000/);
  assertRefused(meshform('multicluster', 'install', '--set', 'gateway.port=0'), /gateway\.port = 0/);
});
