/**
 * Every certificate set in ../shared/linkerd/certs (`<set>-trust-anchors.pem`, `<set>-crt.pem`,
 * `<set>-key.pem`): sets named `valid*` are accepted by `meshform install -f` and `meshform check`
 * under any trust domain (upstream verifies the issuer without a DNS name); every other set is
 * refused with exit 1, nothing on stdout, and the problem named.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { runCli } from '../helpers/run-cli.js';

const SHARED = fileURLToPath(new URL('../../../shared/linkerd/', import.meta.url));
const CERTS = join(SHARED, 'certs');
const PINS = join(SHARED, 'cases', 'control-plane-pins.values.yaml');
const skip = existsSync(CERTS) && existsSync(PINS) ? false : `upstream certificate sets not found under ${SHARED} (../shared absent)`;
const TRUST_DOMAINS = ['cluster.local', 'example.com', 'prod.example.org'];

function sets(): string[] {
  if (skip) return [];
  const files = new Set(readdirSync(CERTS));
  return [...files]
    .map((f) => /^(.*)-trust-anchors\.pem$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined && files.has(`${s}-crt.pem`) && files.has(`${s}-key.pem`))
    .sort();
}

const work = mkdtempSync(join(tmpdir(), 'meshform-cert-sets-'));
after(() => rmSync(work, { recursive: true, force: true }));

function valuesFile(set: string): string {
  const read = (suffix: string) => readFileSync(join(CERTS, `${set}-${suffix}.pem`), 'utf8');
  const path = join(work, `${set}.yaml`);
  writeFileSync(path, stringify({ identityTrustAnchorsPEM: read('trust-anchors'), identity: { issuer: { tls: { crtPEM: read('crt'), keyPEM: read('key') } } } }));
  return path;
}

describe('upstream certificate sets', { skip }, () => {
  it('finds the valid set and at least one invalid one', () => {
    assert.ok(sets().includes('valid'), `sets: ${sets().join(', ')}`);
    assert.ok(sets().some((s) => !s.startsWith('valid')));
  });

  for (const set of sets()) {
    if (set.startsWith('valid')) {
      it(`accepts "${set}" under trust domains ${TRUST_DOMAINS.join(', ')}`, async () => {
        const file = valuesFile(set);
        for (const domain of TRUST_DOMAINS) {
          const install = await runCli(['install', '-f', PINS, '-f', file, '--set', `clusterDomain=${domain}`], { cwd: work });
          assert.equal(install.code, 0, `${domain}: ${install.stderr}`);
          assert.match(install.stdout, /kind: Deployment/);
          const check = await runCli(['check', '-f', file, '--set', `identityTrustDomain=${domain}`], { cwd: work });
          assert.equal(check.code, 0, `${domain}: ${check.stdout}`);
        }
      });
    } else {
      it(`refuses "${set}", naming the problem`, async () => {
        const result = await runCli(['install', '-f', PINS, '-f', valuesFile(set)], { cwd: work });
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /(identityTrustAnchorsPEM|identity\.issuer\.tls\.(crt|key)PEM|identity): .*(expired on|not valid before|must be|not signed|does not match|non-PEM|critical)/);
        assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      });
    }
  }
});
