// Makes build/cli-bundle/<program>.v8-cache (bin/cli-loader.mjs reads it): runs the program's common
// paths once in this process, on throwaway input in a temporary directory, then saves V8's code cache
// of everything they compiled. Bytecode only: the run's data (the identity generated into the
// temporary directory, removed afterwards) is not part of a code cache.
//
//   node scripts/cli-code-cache.mjs meshform|synth
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFiles, loadBundle, loadCli } from '../bin/cli-loader.mjs';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

const program = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'meshform-code-cache-'));
const save = (script) => {
  const target = bundleFiles(program).codeCache;
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, target);
};

if (program === 'meshform') {
  try {
    const { main, script } = loadCli({ codeCache: false });
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    const io = { stdout() {}, stderr() {}, stdin: async () => DEPLOYMENT, cwd: dir };
    const identity = ['--identity-dir', join(dir, 'identity')];
    // The cold paths `npm run bench` times: install (generating, then reusing the identity) and inject.
    for (const args of [['install', ...identity], ['install', ...identity], ['inject', 'deployment.yaml']]) {
      const status = await main(args, io);
      if (status !== 0) throw new Error(`meshform ${args.join(' ')} exited ${status} while making the code cache`);
    }
    save(script);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (program === 'synth') {
  // The default app runs when loaded: run it twice (generating the identity, then reusing it, as
  // every later synth does) and take the second run's cache once it has settled (`synthesized`).
  process.env.CDK8S_OUTDIR = join(dir, 'dist');
  process.env.MESHFORM_IDENTITY_DIR = join(dir, 'identity');
  // The app reads its flags from argv (none here) and talks on stderr (kept, shown if it fails).
  process.argv.splice(2);
  let said = '';
  process.stderr.write = (chunk) => {
    said += chunk;
    return true;
  };
  try {
    let script;
    for (let run = 0; run < 2; run++) {
      const loaded = loadBundle('synth', { codeCache: false });
      await loaded.exports.synthesized;
      if (process.exitCode) throw new Error(`the default app failed (${process.exitCode}) while making the code cache:\n${said}`);
      script = loaded.script;
    }
    save(script);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  throw new Error(`usage: node scripts/cli-code-cache.mjs meshform|synth (not ${program})`);
}
