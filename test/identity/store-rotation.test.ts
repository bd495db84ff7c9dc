/** Trust-anchor rotation in the local identity store: phases as files, what loads, keys 0600. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MeshformError } from '../../lib/errors.js';
import { checkIdentity } from '../../lib/identity/check.js';
import { parseCertificatesPem } from '../../lib/identity/pem.js';
import { checkRotationStep, trustStateFromPem, type TrustState } from '../../lib/identity/rotation.js';
import { identityValuesOverlay, loadOrCreateIdentity, rotateTrustAnchor, type LocalIdentity } from '../../lib/identity/store.js';
import { getPath } from '../../lib/values/tree.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-store-rotation-'));
after(() => rmSync(root, { recursive: true, force: true }));

const opts = { trustDomain: 'cluster.local', namespace: 'linkerd' };
const serials = (pem: string) => {
  const parsed = parseCertificatesPem(pem);
  assert.ok(parsed.ok);
  return parsed.value.map((c) => c.serialNumber);
};
const stateOf = (id: LocalIdentity): TrustState => {
  const values = identityValuesOverlay(id);
  return trustStateFromPem(getPath(values, 'identityTrustAnchorsPEM') as string, getPath(values, 'identity.issuer.tls.crtPEM') as string);
};
const identityProblems = (id: LocalIdentity) =>
  checkIdentity({
    trustAnchorsPem: id.trustAnchorsPem,
    issuerCertificatePem: id.issuer.certificatePem,
    issuerKeyPem: id.issuer.privateKeyPem,
    trustDomain: 'cluster.local',
  }).filter((f) => f.severity !== 'ok');

describe('rotateTrustAnchor', () => {
  it('needs an existing store', async () => {
    await assert.rejects(rotateTrustAnchor(join(root, 'empty'), { phase: 'bundle', trustDomain: 'cluster.local' }), (e: unknown) =>
      e instanceof MeshformError && /no trust anchor and issuer in .* to rotate/.test(e.message),
    );
  });

  it('walks bundle, issuer, prune; each loaded identity passes the identity and rotation checks', async () => {
    const dir = join(root, 'walk');
    const initial = await loadOrCreateIdentity(dir, opts);
    assert.equal(initial.rotation, undefined);
    assert.equal(initial.trustAnchorsPem, initial.trustAnchor.certificatePem);
    const [oldAnchor] = serials(initial.trustAnchor.certificatePem);

    // Phase bundle: both anchors, the current issuer.
    const logs: string[] = [];
    const bundle = await rotateTrustAnchor(dir, { phase: 'bundle', trustDomain: 'cluster.local', log: (m) => logs.push(m) });
    assert.deepEqual([...bundle.generated].sort(), ['next-trust-anchor.crt', 'next-trust-anchor.key']);
    assert.match(logs[0], /phase bundle \(generated the next trust anchor\).*restart all meshed workloads/);
    assert.equal(statSync(join(dir, 'next-trust-anchor.key')).mode & 0o777, 0o600);
    const afterBundle = await loadOrCreateIdentity(dir, opts);
    assert.deepEqual(afterBundle.generated, []);
    assert.equal(afterBundle.rotation?.phase, 'bundle');
    const [, newAnchor] = serials(afterBundle.trustAnchorsPem);
    assert.deepEqual(serials(afterBundle.trustAnchorsPem), [oldAnchor, newAnchor]);
    assert.deepEqual(serials(afterBundle.rotation!.nextTrustAnchorPem), [newAnchor]);
    assert.equal(afterBundle.issuer.certificatePem, initial.issuer.certificatePem);
    assert.deepEqual(identityProblems(afterBundle), []);
    assert.deepEqual(checkRotationStep(stateOf(initial), stateOf(afterBundle)).filter((f) => f.severity !== 'ok'), []);
    // Repeating a phase does nothing; prune cannot come before issuer.
    assert.deepEqual((await rotateTrustAnchor(dir, { phase: 'bundle', trustDomain: 'cluster.local' })).generated, []);
    await assert.rejects(rotateTrustAnchor(dir, { phase: 'prune', trustDomain: 'cluster.local' }), /at phase bundle: run phase issuer/);

    // Phase issuer: both anchors, the next issuer, signed by the next anchor.
    const issuer = await rotateTrustAnchor(dir, { phase: 'issuer', trustDomain: 'cluster.local' });
    assert.deepEqual([...issuer.generated].sort(), ['next-issuer.crt', 'next-issuer.key']);
    assert.equal(statSync(join(dir, 'next-issuer.key')).mode & 0o777, 0o600);
    const afterIssuer = await loadOrCreateIdentity(dir, opts);
    assert.equal(afterIssuer.rotation?.phase, 'issuer');
    assert.equal(afterIssuer.issuer.certificatePem, readFileSync(join(dir, 'next-issuer.crt'), 'utf8'));
    assert.equal(afterIssuer.trustAnchorsPem, afterBundle.trustAnchorsPem);
    assert.deepEqual(identityProblems(afterIssuer), []);
    const step2 = checkRotationStep(stateOf(afterBundle), stateOf(afterIssuer));
    assert.deepEqual(step2.filter((f) => f.severity !== 'ok').map((f) => f.severity), ['warning']);
    assert.equal(stateOf(afterIssuer).issuer?.signerId, stateOf(afterIssuer).anchors[1].id);

    // Phase prune: the next anchor and issuer become the store's only ones; the old keys are gone.
    const prune = await rotateTrustAnchor(dir, { phase: 'prune', trustDomain: 'cluster.local' });
    assert.equal(prune.phase, 'prune');
    const files = readdirSync(dir);
    assert.ok(!files.some((f) => f.startsWith('next-')), files.join(', '));
    assert.ok(!files.some((f) => f.endsWith('.tmp')));
    for (const f of ['trust-anchor.key', 'issuer.key']) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
    const afterPrune = await loadOrCreateIdentity(dir, opts);
    assert.deepEqual(afterPrune.generated, []);
    assert.equal(afterPrune.rotation, undefined);
    assert.deepEqual(serials(afterPrune.trustAnchorsPem), [newAnchor]);
    assert.equal(afterPrune.issuer.certificatePem, afterIssuer.issuer.certificatePem);
    assert.notEqual(afterPrune.trustAnchor.privateKeyPem, initial.trustAnchor.privateKeyPem);
    assert.deepEqual(identityProblems(afterPrune), []);
    const step3 = checkRotationStep(stateOf(afterIssuer), stateOf(afterPrune));
    assert.deepEqual(step3.filter((f) => f.severity !== 'ok').map((f) => f.severity), ['warning']);
    // Skipping the walk entirely is what the check refuses.
    assert.ok(checkRotationStep(stateOf(initial), stateOf(afterPrune)).some((f) => f.severity === 'error'));

    await assert.rejects(rotateTrustAnchor(dir, { phase: 'prune', trustDomain: 'cluster.local' }), /no trust-anchor rotation in progress/);
  });

  it('goes back from phase issuer to bundle, and refuses issuer before bundle', async () => {
    const dir = join(root, 'back');
    const initial = await loadOrCreateIdentity(dir, opts);
    await assert.rejects(rotateTrustAnchor(dir, { phase: 'issuer', trustDomain: 'cluster.local' }), /start with phase bundle/);
    await rotateTrustAnchor(dir, { phase: 'bundle', trustDomain: 'cluster.local' });
    await rotateTrustAnchor(dir, { phase: 'issuer', trustDomain: 'cluster.local' });
    const back = await rotateTrustAnchor(dir, { phase: 'bundle', trustDomain: 'cluster.local' });
    assert.deepEqual(back.generated, []);
    const loaded = await loadOrCreateIdentity(dir, opts);
    assert.equal(loaded.rotation?.phase, 'bundle');
    assert.equal(loaded.issuer.certificatePem, initial.issuer.certificatePem);
    assert.ok(!readdirSync(dir).includes('next-issuer.key'));
  });

  it('refuses another trust domain', async () => {
    const dir = join(root, 'domain');
    await loadOrCreateIdentity(dir, opts);
    await assert.rejects(rotateTrustAnchor(dir, { phase: 'bundle', trustDomain: 'example.org' }), /generated for another trust domain/);
  });
});
