// -h/--help on every verb and group, generated from each verb's option table: exit 0, stdout only,
// and every flag with a one-line description.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verbPaths } from '../../cli/main.js';
import { runCli } from '../helpers/run-cli.js';

/** The lines under `Flags:` of a help text. */
function flagLines(help: string): string[] {
  const [, flags = ''] = help.split('\nFlags:\n');
  return flags.split('\n').filter((line) => line.trim() !== '');
}

describe('--help', () => {
  it('covers the verbs users type first', () => {
    const paths = verbPaths();
    for (const verb of ['install', 'install-cni', 'inject', 'uninject', 'check', 'version', 'viz install', 'multicluster install']) {
      assert.ok(paths.includes(verb), `${verb} is a verb`);
    }
  });

  for (const path of verbPaths()) {
    for (const flag of ['--help', '-h']) {
      it(`meshform ${path} ${flag}: exit 0, usage and a described line per flag on stdout`, async () => {
        const { code, stdout, stderr } = await runCli([...path.split(' '), flag]);
        assert.equal(code, 0, stderr);
        assert.equal(stderr, '');
        assert.match(stdout, new RegExp(`Usage:\\n  meshform ${path} \\[flags\\]`));
        const lines = flagLines(stdout);
        assert.ok(lines.some((l) => /-h, --help\s{3,}\S/.test(l)), 'lists --help');
        for (const line of lines) assert.match(line, /^ {2}(-\w, | {4})--[\w-]+( \S+)? {3,}\S.*$/, `described: ${line}`);
      });
    }
  }

  it('lists what the verb accepts, from its own option table', async () => {
    const { stdout } = await runCli(['install', '--help']);
    for (const flag of ['--crds', '-o, --output yaml|json', '--ignore-cluster', '-f, --values FILE', '--identity-trust-anchors-file FILE', '--deployed MANIFESTS']) {
      assert.ok(stdout.includes(flag), `install --help mentions ${flag}`);
    }
    const inject = await runCli(['inject', '--help']);
    assert.match(inject.stdout, /meshform inject \[flags\] FILE\|DIR\|-/);
    assert.match(inject.stdout, /--admin-port int {3,}proxy port serving metrics and probes/);
    assert.doesNotMatch(inject.stdout, /--disable-identity/, 'refused-only flags stay out of help');
  });

  it('answers --help before checking the rest of the command line', async () => {
    const { code, stdout } = await runCli(['inject', '--manual', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage:\n {2}meshform inject/);
  });

  it('meshform help VERB is VERB --help', async () => {
    assert.deepEqual(await runCli(['help', 'viz', 'install']), await runCli(['viz', 'install', '--help']));
  });

  for (const group of ['viz', 'multicluster']) {
    it(`meshform ${group} --help lists its commands (exit 0); without a command it is a usage error`, async () => {
      const help = await runCli([group, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`meshform ${group} <command>[\\s\\S]*\\n {2}install {3,}\\S`));
      const bare = await runCli([group]);
      assert.equal(bare.code, 2);
      assert.equal(bare.stdout, '');
      assert.match(bare.stderr, /install/);
    });
  }

  it('meshform --help lists every verb', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const path of verbPaths()) assert.match(stdout, new RegExp(`\\n {2}${path} {3,}\\S`));
  });
});
