// `meshform inject DIR` reads the directory's files in code-unit order, whatever the locale: Danish
// collation sorts "aa" after "z", Swedish "å" after "z", English "B" after "a"; all three runs must agree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments } from 'yaml';

const bin = new URL('../../bin/meshform.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'meshform-inject-order-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const names = ['z.yaml', 'aa.yaml', 'B.yaml', 'a.yaml', 'å.yaml', 'ä.yaml'];
for (const [i, file] of names.entries()) {
  writeFileSync(
    join(dir, file),
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  annotations:\n    file: "${file}"\ndata: {}\n`,
  );
}
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub\n  annotations:\n    file: sub/x.yaml\n');

function injectIn(locale: string): string {
  const run = spawnSync(process.execPath, [bin, 'inject', dir], { encoding: 'utf8', env: { ...process.env, LC_ALL: locale, LANG: locale } });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('inject DIR orders files by code unit, identically in every locale', () => {
  const outputs = ['C', 'en_US.UTF-8', 'da_DK.UTF-8', 'sv_SE.UTF-8'].map(injectIn);
  for (const out of outputs.slice(1)) assert.equal(out, outputs[0]);
  const objects = parseAllDocuments(outputs[0]).map((d) => d.toJS() as { metadata: { annotations: { file: string } } } | null);
  const files = objects.flatMap((o) => (o ? [o.metadata.annotations.file] : []));
  assert.deepEqual(files, ['B.yaml', 'a.yaml', 'aa.yaml', 'sub/x.yaml', 'z.yaml', 'ä.yaml', 'å.yaml']);
});
