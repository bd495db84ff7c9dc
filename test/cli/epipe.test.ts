// `meshform install --crds | head -1`: when the reader closes early, the launcher ends quietly
// (exit 0, nothing on stderr) instead of dying on an unhandled EPIPE with a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../bin/meshform.mjs', import.meta.url).pathname;

test('a closed stdout ends the command quietly', async () => {
  const child = spawn(process.execPath, [bin, 'install', '--crds'], { cwd: mkdtempSync(join(tmpdir(), 'meshform-epipe-')) });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Like `| head -c 0`: the read end is closed before the CLI writes its first byte.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
