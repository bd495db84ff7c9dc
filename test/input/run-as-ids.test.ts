/** A UID/GID of -1 (upstream's "not set") is left out of every chart's security contexts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runAsIds } from '../../lib/pod/run-as.js';
import { runCli } from '../helpers/run-cli.js';

const CASES = join(import.meta.dirname, '../../../shared/linkerd/cases');

test('runAsIds drops negative ids and keeps 0', () => {
  assert.deepEqual(runAsIds(-1, -1), {});
  assert.deepEqual(runAsIds(0, 2103), { runAsUser: 0, runAsGroup: 2103 });
});

/** Every runAsUser/runAsGroup in rendered workloads' security contexts. */
function securityIds(yaml: string): number[] {
  const ids: number[] = [];
  const walk = (node: unknown, inSecurityContext: boolean): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, inSecurityContext));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (inSecurityContext && (k === 'runAsUser' || k === 'runAsGroup')) ids.push(v as number);
        walk(v, k === 'securityContext');
      }
    }
  };
  for (const doc of parseAllDocuments(yaml)) walk(doc.toJS(), false);
  return ids;
}

test('install, viz install and multicluster install render no negative id', { skip: !existsSync(CASES) && 'needs ../shared/linkerd/cases' }, async (t) => {
  const store = mkdtempSync(join(tmpdir(), 'meshform-runas-'));
  t.after(() => rmSync(store, { recursive: true, force: true }));
  const runs = [
    ['install', '-f', join(CASES, 'control-plane-pins.values.yaml'), '--set', 'controllerUID=-1', '--set', 'proxy.uid=-1', '--set', 'proxyInit.runAsUser=-1', '--set', 'proxyInit.runAsGroup=-1'],
    ['viz', 'install', '-f', join(CASES, 'viz-pins.values.yaml'), '--identity-dir', store, ...['metricsAPI', 'tap', 'tapInjector', 'dashboard'].flatMap((c) => ['--set', `${c}.UID=-1`, '--set', `${c}.GID=-1`])],
    ['multicluster', 'install', '--set', 'localServiceMirror.UID=-1', '--set', 'localServiceMirror.GID=-1'],
  ];
  for (const args of runs) {
    const r = await runCli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    const ids = securityIds(r.stdout);
    assert.match(r.stdout, /runAsNonRoot: true/, `${args[0]} renders security contexts`);
    assert.deepEqual(ids.filter((id) => id < 0), [], args.join(' '));
  }
});
