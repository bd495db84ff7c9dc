// synthPhases keeps the output directory safe: it removes only files its own list names, renames
// into place only once every file is written (a failure halfway leaves the previous render), and
// refuses a hand-edited list rather than delete what it names.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ApiObject, App, Chart } from 'cdk8s';
import { MeshformError } from '../lib/errors.js';
import { stageFile } from '../lib/fs/atomic-write.js';
import { readSynthesizedObjects } from '../constructs/rotation-guard.js';
import { readSynthManifest, SYNTH_MANIFEST, synthPhases } from '../constructs/synth.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-synth-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** An app of charts named `phases`, each with one ConfigMap whose data carries `tag`. */
function app(phases: readonly string[], tag: string): App {
  const a = new App();
  let previous: Chart | undefined;
  for (const id of phases) {
    const chart = new Chart(a, id);
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id }, data: { tag } });
    if (previous) chart.addDependency(previous);
    previous = chart;
  }
  return a;
}

const snapshot = (dir: string) => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
/** Like `snapshot`, directories listed by name only. */
const snapshotFiles = (dir: string) =>
  new Map(readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, d.isDirectory() ? '(dir)' : readFileSync(join(dir, d.name), 'utf8')]));

describe('synthPhases', () => {
  it('lists its files deterministically and removes only listed files it no longer renders', () => {
    const dir = join(root, 'own');
    assert.deepEqual(synthPhases(app(['crds', 'control-plane', 'viz'], 'v1'), dir), ['00-crds.yaml', '01-control-plane.yaml', '02-viz.yaml']);
    const manifest = readFileSync(join(dir, SYNTH_MANIFEST), 'utf8');
    writeFileSync(join(dir, 'README.md'), 'mine');
    writeFileSync(join(dir, '07-mine.yaml'), 'mine');
    const logs: string[] = [];
    synthPhases(app(['crds', 'control-plane', 'viz'], 'v1'), dir, { log: (m) => logs.push(m) });
    assert.equal(readFileSync(join(dir, SYNTH_MANIFEST), 'utf8'), manifest);
    assert.match(logs.join('\n'), /07-mine\.yaml in place: not written by meshform synth/);

    synthPhases(app(['crds', 'control-plane'], 'v2'), dir);
    assert.deepEqual([...snapshot(dir).keys()], [SYNTH_MANIFEST, '00-crds.yaml', '01-control-plane.yaml', '07-mine.yaml', 'README.md']);
    assert.deepEqual(readSynthManifest(dir), ['00-crds.yaml', '01-control-plane.yaml']);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), 'mine');
    assert.match(readFileSync(join(dir, '01-control-plane.yaml'), 'utf8'), /tag: v2/);
  });

  it('without a list of its own (an older synth), removes nothing', () => {
    const dir = join(root, 'legacy');
    synthPhases(app(['a', 'b'], 'v1'), dir);
    rmSync(join(dir, SYNTH_MANIFEST));
    synthPhases(app(['a'], 'v2'), dir);
    assert.deepEqual([...snapshot(dir).keys()], [SYNTH_MANIFEST, '00-a.yaml', '01-b.yaml']);
  });

  it('a write failing halfway leaves the previous files byte for byte, and no temporary file', () => {
    const dir = join(root, 'fail-write');
    synthPhases(app(['crds', 'control-plane', 'viz'], 'v1'), dir);
    const before = snapshot(dir);
    let writes = 0;
    const failing: typeof stageFile = (path, text, opts) => {
      if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      return stageFile(path, text, opts);
    };
    assert.throws(() => synthPhases(app(['crds', 'control-plane', 'viz'], 'v2'), dir, { stage: failing }), /ENOSPC/);
    assert.equal(writes, 2);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a directory in the way of a phase file is refused before anything is written', () => {
    const dir = join(root, 'blocked');
    synthPhases(app(['crds', 'control-plane'], 'v1'), dir);
    mkdirSync(join(dir, '02-viz.yaml'));
    const before = snapshotFiles(dir);
    assert.throws(
      () => synthPhases(app(['crds', 'control-plane', 'viz'], 'v2'), dir),
      (e: unknown) => e instanceof MeshformError && /02-viz\.yaml \(a directory is in the way\) \(nothing written\)/.test(e.message),
    );
    assert.deepEqual(snapshotFiles(dir), before);
  });

  it('a chart whose file name its own list would refuse (upper case) is refused before writing, not on the next synth', () => {
    const dir = join(root, 'bad-name');
    assert.throws(
      () => synthPhases(app(['crds', 'MyApp'], 'v1'), dir),
      (e: unknown) => e instanceof MeshformError && /01-MyApp\.yaml/.test(e.message) && /phase file names like 01-control-plane\.yaml/.test(e.message),
    );
    assert.ok(!existsSync(join(dir, '00-crds.yaml')));
  });

  it('a chart failing to render writes nothing', () => {
    const dir = join(root, 'fail-render');
    synthPhases(app(['crds', 'viz'], 'v1'), dir);
    const before = snapshot(dir);
    const broken = app(['crds', 'viz'], 'v2');
    const chart = broken.charts[1];
    chart.toJson = () => {
      throw new Error('render failed');
    };
    assert.throws(() => synthPhases(broken, dir), /render failed/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('refuses a hand-edited list naming anything but its phase files, deleting nothing', () => {
    const dir = join(root, 'hostile');
    synthPhases(app(['a'], 'v1'), dir);
    writeFileSync(join(root, 'victim'), 'keep');
    writeFileSync(join(dir, SYNTH_MANIFEST), JSON.stringify({ files: ['00-a.yaml', '../victim'] }));
    assert.throws(
      () => synthPhases(app(['b'], 'v1'), dir),
      (e: unknown) => e instanceof MeshformError && /is not meshform's list/.test(e.message) && /"\.\.\/victim"/.test(e.message),
    );
    assert.ok(existsSync(join(root, 'victim')));
    assert.ok(existsSync(join(dir, '00-a.yaml')));
    writeFileSync(join(dir, SYNTH_MANIFEST), 'not json');
    assert.throws(() => readSynthManifest(dir), MeshformError);
  });

  it('writes a file holding a Secret 0600, whatever mode the previous one had; others 0644', () => {
    const dir = join(root, 'modes');
    const withSecret = app(['crds', 'control-plane'], 'v1');
    new ApiObject(withSecret.charts[1], 'secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'k' }, stringData: { 'tls.key': 'KEY' } });
    synthPhases(app(['crds', 'control-plane'], 'v0'), dir);
    chmodSync(join(dir, '01-control-plane.yaml'), 0o666);
    synthPhases(withSecret, dir);
    assert.equal(statSync(join(dir, '00-crds.yaml')).mode & 0o777, 0o644);
    assert.equal(statSync(join(dir, '01-control-plane.yaml')).mode & 0o777, 0o600);
  });

  it('the rotation guard reads what the list names, not a phase-named file of the user', () => {
    const dir = join(root, 'guard');
    synthPhases(app(['crds'], 'v1'), dir);
    writeFileSync(join(dir, '05-user.yaml'), 'kind: [not yaml');
    const objects = readSynthesizedObjects(dir) as { metadata: { name: string } }[];
    assert.deepEqual(objects.map((o) => o.metadata.name), ['crds']);
  });
});
