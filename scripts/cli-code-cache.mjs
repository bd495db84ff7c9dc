// Makes build/cli-bundle/meshform.v8-cache: runs the bundle's common verbs once in this process, on
// throwaway input in a temporary directory, then saves V8's code cache of everything they compiled
// (bin/cli-loader.mjs reads it). Bytecode only: the run's data (the identity generated into the
// temporary directory, removed afterwards) is not part of a code cache.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_CODE_CACHE, loadCli } from '../bin/cli-loader.mjs';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

const dir = mkdtempSync(join(tmpdir(), 'meshform-code-cache-'));
try {
  const { main, script } = loadCli({ codeCache: false });
  writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
  const io = { stdout() {}, stderr() {}, stdin: async () => DEPLOYMENT, cwd: dir };
  const identity = ['--identity-dir', join(dir, 'identity')];
  const runs = [['install', ...identity], ['install', ...identity], ['inject', 'deployment.yaml']];
  for (const args of runs) {
    const status = await main(args, io);
    if (status !== 0) throw new Error(`meshform ${args.join(' ')} exited ${status} while making the code cache`);
  }
  const temporary = `${CLI_CODE_CACHE}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, CLI_CODE_CACHE);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
