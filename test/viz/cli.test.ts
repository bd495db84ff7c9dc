import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { SHARED, SKIP_SHARED } from './render-helpers.js';

const run = (args: string[], cwd = process.cwd()) => runCli(args, { cwd });

const PIN_FLAGS = ['--set', 'tap.externalSecret=true,tap.caBundle=ca,tapInjector.externalSecret=true,tapInjector.caBundle=ca'];

describe('meshform viz install', () => {
  it('renders the golden case inputs', { skip: SKIP_SHARED }, async () => {
    const r = await run(['viz', 'install', '-f', 'viz-pins.values.yaml'], join(SHARED, 'cases'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseAllDocuments(r.stdout).length, 50);
  });

  it('--ha and --namespace', async () => {
    const r = await run(['viz', 'install', '--ha', '--namespace', 'obs', ...PIN_FLAGS]);
    assert.equal(r.code, 0, r.stderr);
    const objects = parseAllDocuments(r.stdout).map((d) => d.toJS());
    assert.equal(objects.filter((o) => o.kind === 'PodDisruptionBudget').length, 4);
    assert.ok(objects.every((o) => o.metadata.namespace === undefined || ['obs', 'linkerd', 'kube-system'].includes(o.metadata.namespace)));
    assert.equal(objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'tap').spec.template.spec.containers[0].image, 'cr.l5d.io/linkerd/tap:edge-26.8.3');
  });

  it('exits 1 with every problem and nothing on stdout', async () => {
    const r = await run(['viz', 'install', '--set', 'defaultLogLevel=loud,tap.replicas=0,promethues.enabled=false']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    for (const text of ['defaultLogLevel', 'tap.replicas', 'did you mean "prometheus"']) {
      assert.ok(r.stderr.includes(text), `${text} in ${r.stderr}`);
    }
    // The certificates the identity store would generate are not problems to fix (nor generated while others remain).
    assert.ok(!r.stderr.includes('tap.crtPEM') && !r.stderr.includes('identity:'), r.stderr);
  });
});
