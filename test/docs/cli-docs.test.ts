// docs/cli.md says what the code does: each documented verb's section names every flag its --help lists.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';

const CLI_DOC = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

/** The text of `## \`VERB\`` up to the next `## ` heading. */
function section(verb: string): string {
  const start = CLI_DOC.indexOf(`\n## \`${verb}\`\n`);
  assert.ok(start >= 0, `docs/cli.md has a "## \`${verb}\`" section`);
  const end = CLI_DOC.indexOf('\n## ', start + 1);
  return CLI_DOC.slice(start, end < 0 ? undefined : end);
}

/** The long flags of a help text's `Flags:` lines, `--help` left out. */
function longFlags(help: string): string[] {
  const [, flags = ''] = help.split('\nFlags:\n');
  return [...flags.matchAll(/^ {2}(?:-\w, | {4})(--[\w-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
}

describe('docs/cli.md', () => {
  for (const verb of ['profile', 'policy graph', 'diff', 'pulumi-operator']) {
    it(`documents every flag of meshform ${verb}, and its exit status`, async () => {
      const { code, stdout } = await runCli([...verb.split(' '), '--help']);
      assert.equal(code, 0);
      const flags = longFlags(stdout);
      assert.ok(flags.length >= 2, `meshform ${verb} --help lists its flags`);
      const text = section(verb);
      for (const flag of flags) assert.ok(text.includes(`\`${flag}`) || text.includes(`, ${flag}`), `the ${verb} section names ${flag}`);
      assert.match(text, /Exit (status|[012])/, `the ${verb} section says its exit status`);
    });
  }
});
