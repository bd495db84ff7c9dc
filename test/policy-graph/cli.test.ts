/** `meshform policy graph`: reads manifests (-f FILE|DIR|-), prints DOT/Mermaid/SVG; usage errors exit 2. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toYamlStream } from '../../lib/manifest.js';
import { runCli } from '../helpers/run-cli.js';
import { graphObjects } from './fixtures.js';

const GOLDEN = new URL('./golden/', import.meta.url).pathname;
const render = toYamlStream(graphObjects());

describe('meshform policy graph', () => {
  it('prints the DOT of a file (the default format)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-'));
    writeFileSync(join(dir, 'app.yaml'), render);
    const { code, stdout, stderr } = await runCli(['policy', 'graph', '-f', 'app.yaml'], { cwd: dir });
    assert.equal(code, 0, stderr);
    assert.equal(stdout, readFileSync(join(GOLDEN, 'policy.dot'), 'utf8'));
  });

  it('reads stdin and a directory alike, and prints Mermaid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-graph-'));
    mkdirSync(join(dir, 'render'));
    writeFileSync(join(dir, 'render', '00-app.yaml'), render);
    const fromDir = await runCli(['policy', 'graph', '-f', 'render', '-o', 'mermaid'], { cwd: dir });
    const fromStdin = await runCli(['policy', 'graph', '-o', 'mermaid'], { stdin: render });
    assert.equal(fromDir.code, 0, fromDir.stderr);
    assert.equal(fromDir.stdout, readFileSync(join(GOLDEN, 'policy.mmd'), 'utf8'));
    assert.equal(fromStdin.stdout, fromDir.stdout);
  });

  it('prints SVG', async () => {
    const { code, stdout } = await runCli(['policy', 'graph', '-f', '-', '-o', 'svg'], { stdin: render });
    assert.equal(code, 0);
    assert.match(stdout, /<svg [\s\S]*<\/svg>\s*$/);
  });

  it('refuses an unknown format or default policy (exit 2), and a missing file (exit 1), with nothing on stdout', async () => {
    const format = await runCli(['policy', 'graph', '-o', 'png'], { stdin: render });
    assert.equal(format.code, 2);
    assert.equal(format.stdout, '');
    assert.match(format.stderr, /must be one of dot, mermaid, svg/);
    const policy = await runCli(['policy', 'graph', '--default-inbound-policy', 'allow'], { stdin: render });
    assert.equal(policy.code, 2);
    const missing = await runCli(['policy', 'graph', '-f', 'nope.yaml'], { cwd: tmpdir() });
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /nope\.yaml: no such file/);
  });

  it('takes the trust domain identities are spelled in', async () => {
    const text = render.replaceAll('identity.linkerd.cluster.local', 'identity.linkerd.example.org');
    const { stdout } = await runCli(['policy', 'graph', '--identity-trust-domain', 'example.org'], { stdin: text });
    assert.match(stdout, /"workload:emojivoto\/Deployment\/vote-bot" -> "authn:emojivoto\/MeshTLSAuthentication\/vote-bot"/);
    const wrong = await runCli(['policy', 'graph'], { stdin: text });
    assert.doesNotMatch(wrong.stdout, /"workload:emojivoto\/Deployment\/vote-bot" -> "authn:emojivoto\/MeshTLSAuthentication\/vote-bot"/);
  });
});
