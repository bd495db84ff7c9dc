// Trust-anchor change detection: anchors added/removed by fingerprint, judged by the rotation check.
import { before as beforeAll, test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateId } from '../../lib/identity/rotation.js';
import { X509Certificate } from 'node:crypto';
import { diffSides } from '../../lib/diff/render-diff.js';
import { formatDiffText } from '../../lib/diff/format-text.js';
import { formatDiffMarkdown } from '../../lib/diff/format-markdown.js';
import { readRender } from '../../lib/diff/read-side.js';
import { trustChange } from '../../lib/diff/trust-change.js';
import { toYamlStream } from '../../lib/manifest.js';
import type { BuiltCert } from '../helpers/cert-builder.js';
import { anchor, issuer, trustObjects } from './trust-fixtures.js';

let oldAnchor: BuiltCert;
let newAnchor: BuiltCert;
let oldIssuer: BuiltCert;
let newIssuer: BuiltCert;
beforeAll(async () => {
  oldAnchor = await anchor('root.old.example');
  newAnchor = await anchor('root.new.example');
  oldIssuer = await issuer(oldAnchor);
  newIssuer = await issuer(newAnchor);
});

const id = (c: BuiltCert) => certificateId(new X509Certificate(c.pem));

test('the same anchors and issuer: unchanged, nothing to check', () => {
  const t = trustChange(trustObjects([oldAnchor], oldIssuer), trustObjects([oldAnchor], oldIssuer));
  assert.equal(t?.verdict, 'unchanged');
  assert.deepEqual([t?.added, t?.removed, t?.findings], [[], [], []]);
});

test('step 1 of a rotation (old + new anchor, issuer unchanged) is safe and names the added anchor', () => {
  const t = trustChange(trustObjects([oldAnchor], oldIssuer), trustObjects([oldAnchor, newAnchor], oldIssuer))!;
  assert.equal(t.verdict, 'safe');
  assert.deepEqual(t.added.map((a) => a.id), [id(newAnchor)]);
  assert.deepEqual(t.removed, []);
  assert.equal(t.issuerChanged, false);
});

test('replacing the anchor the deployed issuer chains to, in one step, is unsafe', () => {
  const t = trustChange(trustObjects([oldAnchor], oldIssuer), trustObjects([newAnchor], newIssuer))!;
  assert.equal(t.verdict, 'unsafe');
  assert.deepEqual(t.removed.map((a) => a.id), [id(oldAnchor)]);
  assert.ok(t.findings.some((f) => f.severity === 'error' && /does not contain/.test(f.message)), t.findings.map((f) => f.message).join('\n'));
});

test('pruning the old anchor after the issuer switch needs care (wait issuanceLifetime), but is not refused', () => {
  const t = trustChange(trustObjects([oldAnchor, newAnchor], newIssuer), trustObjects([newAnchor], newIssuer))!;
  assert.equal(t.verdict, 'needs-care');
  assert.ok(t.findings.every((f) => f.severity === 'warning'));
});

test('the anchors in linkerd-config are read when the trust-roots ConfigMap is absent', () => {
  const config = (pem: string) => [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values: `identityTrustAnchorsPEM: |\n${pem.trim().replace(/^/gm, '  ')}\nha: false\n` } }];
  const t = trustChange(config(oldAnchor.pem), config(newAnchor.pem))!;
  assert.deepEqual([t.added.map((a) => a.id), t.removed.map((a) => a.id)], [[id(newAnchor)], [id(oldAnchor)]]);
});

test('the diff output names anchors by subject and fingerprint and never prints PEM or keys', () => {
  const side = (objects: readonly unknown[], label: string) => readRender(toYamlStream(objects), label);
  const result = diffSides(side(trustObjects([oldAnchor], oldIssuer), 'old'), side(trustObjects([newAnchor], newIssuer), 'new'));
  assert.equal(result.verdict, 'unsafe');
  for (const out of [formatDiffText(result), formatDiffMarkdown(result)]) {
    assert.ok(out.includes(id(newAnchor)) && out.includes('root.new.example'), out);
    assert.ok(!/BEGIN|PRIVATE/.test(out), out);
    const body = (pem: string) => pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    for (const line of [...body(oldAnchor.pem), ...body(newIssuer.keyPem), ...body(Buffer.from(newIssuer.keyPem).toString('base64'))]) {
      assert.ok(!out.includes(line.slice(0, 40)), 'no PEM or key material in the output');
    }
  }
  const text = formatDiffText(result);
  assert.match(text, /trust anchors: changed \(unsafe\)\n  \+ root\.new\.example, serial [0-9A-F]+ \(sha256:[0-9a-f]{64}\)\n  - root\.old\.example/);
  assert.match(text, /data\["crt\.pem"\]: changed \(secret, not shown\)/);
});
