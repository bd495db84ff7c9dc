// The identity store's files: the directory 0700 even if it existed, keys 0600 whatever the umask,
// and two processes creating the store at once mint one identity (the store's lock), not two.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadOrCreateIdentity } from '../../lib/identity/store.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-store-files-'));
after(() => rmSync(root, { recursive: true, force: true }));
const opts = { trustDomain: 'cluster.local', namespace: 'linkerd' };
const storeModule = new URL('../../lib/identity/store.ts', import.meta.url).href;

/** A child process that waits for `go` to exist, then loads or creates the store in `dir` and prints what it got. */
function creator(dir: string, go: string): Promise<{ code: number | null; out: string; err: string }> {
  const script = `
    import { existsSync } from 'node:fs';
    import { loadOrCreateIdentity } from ${JSON.stringify(storeModule)};
    while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 5));
    const id = await loadOrCreateIdentity(${JSON.stringify(dir)}, ${JSON.stringify(opts)});
    process.stdout.write(JSON.stringify({ anchor: id.trustAnchor.certificatePem, generated: id.generated.length }));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('the identity store on disk', () => {
  it('two processes creating the store at once get the same identity; one of them generated it', async () => {
    const dir = join(root, 'race');
    const go = join(root, 'go');
    const runs = [creator(dir, go), creator(dir, go)];
    // Both are loaded and polling before either may start.
    await new Promise((r) => setTimeout(r, 4000));
    writeFileSync(go, '');
    const [a, b] = await Promise.all(runs);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    const [ra, rb] = [JSON.parse(a.out), JSON.parse(b.out)];
    assert.equal(ra.anchor, rb.anchor);
    assert.deepEqual([ra.generated, rb.generated].sort((x, y) => x - y), [0, 19]);
    assert.equal(readFileSync(join(dir, 'trust-anchor.crt'), 'utf8'), ra.anchor);
    assert.equal(existsSync(join(dir, '.lock')), false);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('in one process too: concurrent calls share one identity', async () => {
    const dir = join(root, 'same-process');
    const [a, b] = await Promise.all([loadOrCreateIdentity(dir, opts), loadOrCreateIdentity(dir, opts)]);
    assert.equal(a.trustAnchor.certificatePem, b.trustAnchor.certificatePem);
    assert.equal(a.issuer.privateKeyPem, b.issuer.privateKeyPem);
  });

  it('narrows an existing store directory to 0700; keys are 0600 even with umask 0', async () => {
    const dir = join(root, 'wide');
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    const umask = process.umask(0);
    try {
      await loadOrCreateIdentity(dir, opts);
    } finally {
      process.umask(umask);
    }
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const f of readdirSync(dir)) {
      const mode = statSync(join(dir, f)).mode & 0o777;
      assert.equal(mode, f.endsWith('.key') ? 0o600 : 0o644, f);
    }
    chmodSync(dir, 0o755);
    await loadOrCreateIdentity(dir, opts);
    assert.equal(statSync(dir).mode & 0o777, 0o700, 'reusing an existing store narrows it too');
  });
});
