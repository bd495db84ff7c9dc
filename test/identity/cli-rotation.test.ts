/**
 * `--deployed MANIFESTS` on `meshform install` and `meshform check`: a trust-anchor change is checked
 * against what runs now (a previous render, or `kubectl get ... -o yaml`'s List), and a step that
 * would make running proxies reject certificates is refused.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import { generateIssuer, generateTrustAnchor, type CertificateAndKey } from '../../lib/identity/generate.js';
import { runCli } from '../helpers/run-cli.js';

const PINS = fileURLToPath(new URL('../../../shared/linkerd/cases/control-plane-pins.values.yaml', import.meta.url));
const skipShared = existsSync(PINS) ? false : `case values not found at ${PINS} (../shared absent)`;
const work = mkdtempSync(join(tmpdir(), 'meshform-rotation-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const run = (args: string[]) => runCli(args, { cwd: work });

function identityFile(name: string, anchors: readonly CertificateAndKey[], issuer: CertificateAndKey): string {
  const path = join(work, name);
  const tree = {
    identityTrustAnchorsPEM: anchors.map((a) => a.certificatePem.trim()).join('\n') + '\n',
    identity: { issuer: { tls: { crtPEM: issuer.certificatePem, keyPEM: issuer.privateKeyPem } } },
  };
  writeFileSync(path, stringify(tree));
  return path;
}

describe('trust-anchor rotation checks against --deployed', { skip: skipShared }, () => {
  let old: CertificateAndKey;
  let next: CertificateAndKey;
  let oldIssuer: CertificateAndKey;
  let nextIssuer: CertificateAndKey;
  let deployed: string;

  before(async () => {
    old = await generateTrustAnchor();
    next = await generateTrustAnchor();
    oldIssuer = await generateIssuer({ anchor: old });
    nextIssuer = await generateIssuer({ anchor: next });
    const first = await run(['install', '-f', PINS, '-f', identityFile('old.yaml', [old], oldIssuer)]);
    assert.equal(first.code, 0, first.stderr);
    deployed = join(work, 'deployed.yaml');
    writeFileSync(deployed, first.stdout);
  });

  it('install accepts step 1 (both anchors, the deployed issuer)', async () => {
    const step1 = await run(['install', '-f', PINS, '-f', identityFile('step1.yaml', [old, next], oldIssuer), '--deployed', deployed]);
    assert.equal(step1.code, 0, step1.stderr);
    assert.equal(step1.stderr, '');
  });

  it('install refuses skipping step 1, naming the step to take, with nothing on stdout', async () => {
    const skipped = await run(['install', '-f', PINS, '-f', identityFile('skip.yaml', [old, next], nextIssuer), '--deployed', deployed]);
    assert.equal(skipped.code, 1);
    assert.equal(skipped.stdout, '');
    assert.match(skipped.stderr, /--deployed: trust-anchor rotation: running proxies trust the issuer: .*which the deployed bundle .* does not contain.*Deploy step 1 \(bundle\) first/);
  });

  it('install refuses replacing the anchor in one go, reporting both problems', async () => {
    const all = await run(['install', '-f', PINS, '-f', identityFile('all.yaml', [next], nextIssuer), '--deployed', deployed]);
    assert.equal(all.code, 1);
    assert.match(all.stderr, /running proxies trust the issuer/);
    assert.match(all.stderr, /anchors in use stay in the bundle: trust anchor .* is removed from the bundle but signs the deployed issuer/);
  });

  it('check reads kubectl\'s List output and warns on step 2, exit 0', async () => {
    const step1 = await run(['install', '-f', PINS, '-f', identityFile('step1b.yaml', [old, next], oldIssuer)]);
    const identityObjects = parseAllDocuments(step1.stdout)
      .map((d) => d.toJS() as { kind: string; metadata: { name: string } })
      .filter((o) => ['linkerd-identity-trust-roots', 'linkerd-identity-issuer'].includes(o.metadata.name) && o.kind !== 'Certificate');
    assert.equal(identityObjects.length, 2);
    const list = join(work, 'kubectl.yaml');
    writeFileSync(list, stringify({ apiVersion: 'v1', kind: 'List', items: identityObjects }));
    const step2 = await run(['check', '-f', identityFile('step2.yaml', [old, next], nextIssuer), '--deployed', list]);
    assert.equal(step2.code, 0, step2.stdout);
    assert.match(step2.stdout, /‼ trust-anchor rotation: running proxies trust the issuer\n {4}step 2 \(issuer\)/);
    const broken = await run(['check', '-f', identityFile('broken.yaml', [next], nextIssuer), '--deployed', list]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /× trust-anchor rotation: anchors in use stay in the bundle\n/);
  });

  it('--deployed without identity objects is refused', async () => {
    const empty = join(work, 'empty.yaml');
    writeFileSync(empty, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: linkerd\n');
    const result = await run(['check', '-f', identityFile('x.yaml', [old], oldIssuer), '--deployed', empty]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--deployed .*empty\.yaml: no identity found/);
  });
});
