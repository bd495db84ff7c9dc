// The exclusive lock file: one holder at a time, a crashed holder's lock taken over, a live one waited for.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { withLockFile } from '../../lib/fs/lock-file.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withLockFile', () => {
  it('runs holders one at a time and removes the lock after', async () => {
    const lock = join(root, 'serial.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withLockFile(lock, async () => {
        events.push(`${name} in`);
        await sleep(80);
        events.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([holder('a'), holder('b'), holder('c')]);
    assert.deepEqual(results, ['a', 'b', 'c']);
    for (let i = 0; i < events.length; i += 2) assert.equal(events[i].split(' ')[0], events[i + 1].split(' ')[0], events.join(', '));
    assert.equal(existsSync(lock), false);
  });

  it('releases the lock when the holder throws', async () => {
    const lock = join(root, 'throws.lock');
    await assert.rejects(withLockFile(lock, async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(existsSync(lock), false);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const lock = join(root, 'dead.lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lock, `${dead}\n`);
    assert.equal(await withLockFile(lock, async () => 'taken', { timeoutMs: 2000 }), 'taken');
  });

  it('takes over a lock older than staleMs even if its pid runs (pids are reused)', async () => {
    const lock = join(root, 'old.lock');
    writeFileSync(lock, `${process.pid}\n`);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    assert.equal(await withLockFile(lock, async () => 'taken', { timeoutMs: 2000 }), 'taken');
  });

  it('gives up on a live holder after the timeout, naming the lock, the holder and the way out', async () => {
    const lock = join(root, 'live.lock');
    writeFileSync(lock, `${process.pid}\n`);
    await assert.rejects(
      withLockFile(lock, async () => 'never', { timeoutMs: 200, purpose: 'creating the identity in x' }),
      (e: unknown) =>
        e instanceof MeshformError &&
        e.message.includes(`waiting for creating the identity in x: ${lock} is held by process ${process.pid}`) &&
        e.message.includes(`delete ${lock}`),
    );
    assert.ok(existsSync(lock), "another holder's lock is left alone");
  });
});
