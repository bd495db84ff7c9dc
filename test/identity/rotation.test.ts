/**
 * Trust-anchor rotation: the planned three steps pass in order; a step that would break running
 * proxies is refused, for PEM material and cert-manager manifests alike; the synth app refuses it
 * against the previously synthesized files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { App } from 'cdk8s';
import { Mesh } from '../../constructs/mesh.js';
import { checkRotationAgainstOutdir, readSynthesizedObjects } from '../../constructs/rotation-guard.js';
import { synthPhases } from '../../constructs/synth.js';
import type { CertManagerIdentityOptions } from '../../lib/identity/cert-manager-options.js';
import { MeshformError } from '../../lib/errors.js';
import { checkIdentity, type Finding } from '../../lib/identity/check.js';
import { generateIssuer, generateTrustAnchor, type CertificateAndKey } from '../../lib/identity/generate.js';
import { parseCertificatesPem } from '../../lib/identity/pem.js';
import { generateNextTrustAnchor, planTrustAnchorRotation, rotationStepValues, type RotationPlan } from '../../lib/identity/rotation-plan.js';
import { checkRotationStep, ROTATION_CHECKS, trustStateFromPem, type TrustState } from '../../lib/identity/rotation.js';
import { rotateTrustAnchor } from '../../lib/identity/store.js';
import { trustStateFromManifests } from '../../lib/identity/trust-state-manifests.js';
import { toYamlStream } from '../../lib/manifest.js';
import { getPath } from '../../lib/values/tree.js';

const root = mkdtempSync(join(tmpdir(), 'meshform-rotation-'));
after(() => rmSync(root, { recursive: true, force: true }));

const bad = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'ok').map((f) => `${f.severity}: ${f.check}`);
const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');
const severityOf = (findings: readonly Finding[], check: string) => findings.find((f) => f.check === check)?.severity;
const serial = (pem: string) => new X509Certificate(pem).serialNumber;

let anchorA: CertificateAndKey;
let issuerA: CertificateAndKey;
let anchorB: CertificateAndKey;
let issuerB: CertificateAndKey;
let plan: RotationPlan;
const state = (anchors: CertificateAndKey[], issuer: CertificateAndKey): TrustState =>
  trustStateFromPem(anchors.map((a) => a.certificatePem).join(''), issuer.certificatePem);

before(async () => {
  anchorA = await generateTrustAnchor();
  issuerA = await generateIssuer({ anchor: anchorA });
  anchorB = await generateTrustAnchor();
  issuerB = await generateIssuer({ anchor: anchorB });
  plan = planTrustAnchorRotation(
    { trustAnchorsPem: anchorA.certificatePem, issuer: issuerA },
    { trustAnchorPem: anchorB.certificatePem, issuer: issuerB },
  );
});

describe('trust states', () => {
  it('identify PEM anchors by fingerprint and find the issuer signer', () => {
    const s = state([anchorA, anchorB], issuerB);
    assert.equal(s.mode, 'pem');
    assert.equal(s.anchors.length, 2);
    assert.match(s.anchors[0].id, /^sha256:[0-9a-f]{64}$/);
    assert.match(s.anchors[1].label, new RegExp(`identity\\.linkerd\\.cluster\\.local, serial ${serial(anchorB.certificatePem)}`));
    assert.equal(s.issuer?.signerId, s.anchors[1].id);
    // The same anchor in another bundle position keeps its id.
    assert.equal(state([anchorB], issuerB).anchors[0].id, s.anchors[1].id);
    assert.equal(state([anchorA], issuerB).issuer?.signerId, undefined);
  });

  it('refuses unparsable PEM with a MeshformError', () => {
    assert.throws(() => trustStateFromPem('not pem'), MeshformError);
  });
});

describe('planTrustAnchorRotation', () => {
  it('plans bundle, issuer, prune values that pass the checks in order', () => {
    assert.deepEqual(plan.steps.map((s) => s.phase), ['bundle', 'issuer', 'prune']);
    const anchorsOf = (pem: string) => {
      const parsed = parseCertificatesPem(pem);
      assert.ok(parsed.ok);
      return parsed.value.map((c) => c.serialNumber);
    };
    assert.deepEqual(anchorsOf(plan.bundle.trustAnchorsPem), [serial(anchorA.certificatePem), serial(anchorB.certificatePem)]);
    assert.equal(plan.bundle.issuer, issuerA);
    assert.equal(plan.issuer.trustAnchorsPem, plan.bundle.trustAnchorsPem);
    assert.equal(plan.issuer.issuer, issuerB);
    assert.deepEqual(anchorsOf(plan.prune.trustAnchorsPem), [serial(anchorB.certificatePem)]);

    let previous = state([anchorA], issuerA);
    const verdicts: string[][] = [];
    for (const step of plan.steps) {
      const proposed = trustStateFromPem(step.trustAnchorsPem, step.issuer.certificatePem);
      const findings = checkRotationStep(previous, proposed);
      assert.deepEqual(errors(findings), [], step.phase);
      verdicts.push(bad(findings));
      const identity = checkIdentity({
        trustAnchorsPem: step.trustAnchorsPem,
        issuerCertificatePem: step.issuer.certificatePem,
        issuerKeyPem: step.issuer.privateKeyPem,
        trustDomain: 'cluster.local',
      });
      assert.deepEqual(bad(identity), [], step.phase);
      previous = proposed;
    }
    assert.deepEqual(verdicts, [
      [],
      [`warning: ${ROTATION_CHECKS.issuerTrusted}`],
      [`warning: ${ROTATION_CHECKS.anchorsInUse}`],
    ]);
  });

  it('says what to do after each step, and its values are upstream keys', () => {
    assert.match(plan.bundle.then, /restart all meshed workloads/);
    assert.match(plan.issuer.then, /issuanceLifetime \(24h0m0s\)/);
    const values = rotationStepValues(plan.issuer);
    assert.equal(getPath(values, 'identityTrustAnchorsPEM'), plan.issuer.trustAnchorsPem);
    assert.equal(getPath(values, 'identity.issuer.tls.crtPEM'), issuerB.certificatePem);
    assert.equal(getPath(values, 'identity.issuer.tls.keyPEM'), issuerB.privateKeyPem);
  });

  it('refuses a new issuer not signed by the new anchor, and works with generated material', async () => {
    assert.throws(
      () => planTrustAnchorRotation({ trustAnchorsPem: anchorA.certificatePem, issuer: issuerA }, { trustAnchorPem: anchorB.certificatePem, issuer: issuerA }),
      /new issuer .* is not signed by the new trust anchor/,
    );
    const { next } = await generateNextTrustAnchor({ trustDomain: 'cluster.local' });
    const generated = planTrustAnchorRotation(plan.prune, next);
    assert.equal(parseCertificatesPem(generated.prune.trustAnchorsPem).ok && generated.prune.trustAnchorsPem, next.trustAnchorPem.trim() + '\n');
  });
});

describe('checkRotationStep refuses breaking steps (PEM)', () => {
  it('refuses skipping step 1: an issuer signed by an anchor the deployed bundle lacks', () => {
    const findings = checkRotationStep(state([anchorA], issuerA), state([anchorA, anchorB], issuerB));
    assert.deepEqual(bad(findings), [`error: ${ROTATION_CHECKS.issuerTrusted}`]);
    const message = errors(findings)[0].message;
    assert.match(message, new RegExp(`serial ${serial(anchorB.certificatePem)}`));
    assert.match(message, /Deploy step 1 \(bundle\) first/);
  });

  it('refuses jumping straight to the new anchor and issuer (skipping steps 1 and 2)', () => {
    const findings = checkRotationStep(state([anchorA], issuerA), state([anchorB], issuerB));
    assert.deepEqual(bad(findings), [`error: ${ROTATION_CHECKS.issuerTrusted}`, `error: ${ROTATION_CHECKS.anchorsInUse}`]);
  });

  it('refuses pruning the anchor that signed the deployed issuer', () => {
    // Steps 2 and 3 at once: the issuer switch alone would be fine (a warning), the prune is not.
    const findings = checkRotationStep(state([anchorA, anchorB], issuerA), state([anchorB], issuerB));
    assert.deepEqual(bad(findings), [`warning: ${ROTATION_CHECKS.issuerTrusted}`, `error: ${ROTATION_CHECKS.anchorsInUse}`]);
    const message = errors(findings)[0].message;
    assert.match(message, new RegExp(`trust anchor identity\\.linkerd\\.cluster\\.local, serial ${serial(anchorA.certificatePem)} is removed`));
    assert.match(message, /step 2\).*step 3/);
  });

  it('refuses an issuer whose anchor is not in its own bundle, first install included', () => {
    for (const deployed of [undefined, state([anchorA], issuerA)]) {
      const findings = checkRotationStep(deployed, state([anchorA], issuerB));
      assert.equal(severityOf(findings, ROTATION_CHECKS.issuerInBundle), 'error');
      assert.match(errors(findings)[0].message, /not in the trust-anchor bundle it is deployed with/);
    }
  });

  it('passes a first install, an unchanged identity and an issuer renewal under the same anchor', async () => {
    assert.deepEqual(bad(checkRotationStep(undefined, state([anchorA], issuerA))), []);
    assert.deepEqual(bad(checkRotationStep(state([anchorA], issuerA), state([anchorA], issuerA))), []);
    const renewed = await generateIssuer({ anchor: anchorA });
    assert.deepEqual(bad(checkRotationStep(state([anchorA], issuerA), state([anchorA], renewed))), []);
  });

  it('names the configured issuanceLifetime in the prune warning', () => {
    const findings = checkRotationStep(state([anchorA, anchorB], issuerB), state([anchorB], issuerB), { issuanceLifetime: '48h0m0s' });
    assert.match(findings.find((f) => f.severity === 'warning')!.message, /issuanceLifetime \(48h0m0s\)/);
  });
});

/** cert-manager mode objects, with the names constructs/identity uses. */
function certManager(generations: string[], signing: string, kind = 'ClusterIssuer'): unknown[] {
  return [
    {
      apiVersion: 'trust.cert-manager.io/v1alpha1',
      kind: 'Bundle',
      metadata: { name: 'linkerd-identity-trust-roots' },
      spec: {
        sources: generations.map((g) => ({ secret: { name: `linkerd-trust-anchor-${g}`, key: 'tls.crt' } })),
        target: { configMap: { key: 'ca-bundle.crt' } },
      },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' },
      spec: { secretName: 'linkerd-identity-issuer', isCA: true, issuerRef: { name: `linkerd-trust-anchor-${signing}`, kind } },
    },
  ];
}

/** PEM mode objects as the control-plane chart renders them. */
function pemObjects(anchors: CertificateAndKey[], issuer: CertificateAndKey): unknown[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd' } },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' },
      data: { 'crt.pem': Buffer.from(issuer.certificatePem).toString('base64'), 'key.pem': Buffer.from(issuer.privateKeyPem).toString('base64') },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'linkerd-identity-trust-roots', namespace: 'linkerd' },
      data: { 'ca-bundle.crt': anchors.map((a) => a.certificatePem.trim()).join('\n') },
    },
  ];
}

describe('trustStateFromManifests', () => {
  const check = (from: unknown[], to: unknown[]) => checkRotationStep(trustStateFromManifests(from), trustStateFromManifests(to)!);

  it('reads PEM mode objects like the PEM values', () => {
    const fromObjects = trustStateFromManifests(pemObjects([anchorA, anchorB], issuerB));
    assert.deepEqual(fromObjects, state([anchorA, anchorB], issuerB));
    assert.deepEqual(bad(check(pemObjects([anchorA], issuerA), pemObjects([anchorA, anchorB], issuerB))), [`error: ${ROTATION_CHECKS.issuerTrusted}`]);
  });

  it('reads an external issuer\'s kubernetes.io/tls Secret (tls.crt), as kubectl prints it', () => {
    const objects = pemObjects([anchorA], issuerA).map((o) =>
      (o as { kind: string }).kind === 'Secret'
        ? { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' }, data: { 'tls.crt': Buffer.from(issuerA.certificatePem).toString('base64') } }
        : o,
    );
    assert.deepEqual(trustStateFromManifests(objects), state([anchorA], issuerA));
  });

  it('returns undefined for objects without identity (a first install)', () => {
    assert.equal(trustStateFromManifests([]), undefined);
    assert.equal(trustStateFromManifests([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd' } }, null, 'x']), undefined);
  });

  it('gives cert-manager generations the same verdicts as PEM', () => {
    const s = trustStateFromManifests(certManager(['1', '2'], '2'))!;
    assert.equal(s.mode, 'cert-manager');
    assert.deepEqual(s.anchors.map((a) => a.id), ['generation:1', 'generation:2']);
    assert.equal(s.issuer?.signerId, 'generation:2');

    // The three steps, in order.
    assert.deepEqual(bad(check(certManager(['1'], '1'), certManager(['1', '2'], '1'))), []);
    assert.deepEqual(bad(check(certManager(['1', '2'], '1'), certManager(['1', '2'], '2'))), [`warning: ${ROTATION_CHECKS.issuerTrusted}`]);
    assert.deepEqual(bad(check(certManager(['1', '2'], '2'), certManager(['2'], '2'))), [`warning: ${ROTATION_CHECKS.anchorsInUse}`]);
    // Skipping step 1, or everything at once.
    const skipped = check(certManager(['1'], '1'), certManager(['1', '2'], '2'));
    assert.deepEqual(bad(skipped), [`error: ${ROTATION_CHECKS.issuerTrusted}`]);
    assert.match(errors(skipped)[0].message, /generation 2 \(ClusterIssuer linkerd-trust-anchor-2\).*does not contain.*keep signingTrustAnchor on the deployed one/);
    assert.deepEqual(bad(check(certManager(['1'], '1'), certManager(['2'], '2'))), [
      `error: ${ROTATION_CHECKS.issuerTrusted}`,
      `error: ${ROTATION_CHECKS.anchorsInUse}`,
    ]);
    // Pruning the generation that signs the deployed issuer.
    const pruned = check(certManager(['1', '2'], '1'), certManager(['2'], '2'));
    assert.deepEqual(bad(pruned), [`warning: ${ROTATION_CHECKS.issuerTrusted}`, `error: ${ROTATION_CHECKS.anchorsInUse}`]);
    assert.deepEqual(bad(check(certManager(['1', '2'], '1'), certManager(['2'], '1'))), [
      `error: ${ROTATION_CHECKS.issuerInBundle}`,
      `error: ${ROTATION_CHECKS.anchorsInUse}`,
    ]);
    assert.match(errors(pruned)[0].message, /generation 1 \(Secret linkerd-trust-anchor-1\) is removed/);
    // Signing with a generation missing from the bundle.
    assert.deepEqual(bad(check([], certManager(['1'], '2'))), [`error: ${ROTATION_CHECKS.issuerInBundle}`]);
    assert.deepEqual(bad(check([], certManager(['1'], '1', 'Issuer'))), [`error: ${ROTATION_CHECKS.issuerInBundle}`]);
  });

  it('warns instead of comparing when the mode changes', () => {
    const findings = check(pemObjects([anchorA], issuerA), certManager(['1'], '1'));
    assert.deepEqual(errors(findings), []);
    assert.match(findings.find((f) => f.severity === 'warning')!.message, /cannot be compared/);
  });
});

describe('readSynthesizedObjects', () => {
  it('is undefined without a previous synth, and reads only phase files', () => {
    assert.equal(readSynthesizedObjects(join(root, 'missing')), undefined);
    const dir = join(root, 'dist');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), '# not a phase');
    assert.equal(readSynthesizedObjects(dir), undefined);
    writeFileSync(join(dir, '01-control-plane.yaml'), toYamlStream(pemObjects([anchorA], issuerA)));
    writeFileSync(join(dir, '00-crds.yaml'), toYamlStream([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'first' } }]));
    writeFileSync(join(dir, 'other.yaml'), 'kind: [unterminated');
    const objects = readSynthesizedObjects(dir)!;
    assert.equal(objects.length, 4);
    assert.deepEqual((objects[0] as { metadata: { name: string } }).metadata.name, 'first');
    assert.deepEqual(trustStateFromManifests(objects), state([anchorA], issuerA));
    writeFileSync(join(dir, '02-viz.yaml'), 'kind: [unterminated');
    assert.throws(() => readSynthesizedObjects(dir), /02-viz\.yaml is not valid YAML/);
  });
});

describe('the rotation guard in cert-manager mode', () => {
  const render = (certManager: CertManagerIdentityOptions) => {
    const app = new App();
    new Mesh(app, 'mesh', { mesh: {}, viz: {}, identity: { certManager } });
    return app;
  };
  const verdicts = (outdir: string, certManager: CertManagerIdentityOptions) =>
    checkRotationAgainstOutdir(render(certManager), outdir).findings.map((f) => `${f.severity}: ${f.check}`);

  it('reads the deployed generations from a synthesized outdir and refuses switching the issuer to an undeployed one', () => {
    const dir = join(root, 'cert-manager-dist');
    synthPhases(render({ trustAnchors: ['1'] }), dir);
    // Appending a generation keeps the issuer on the oldest: step 1, accepted.
    assert.ok(verdicts(dir, { trustAnchors: ['1', '2'] }).every((v) => v.startsWith('ok')));
    assert.deepEqual(
      verdicts(dir, { trustAnchors: ['1', '2'], signingTrustAnchor: '2' }).filter((v) => !v.startsWith('ok')),
      [`error: ${ROTATION_CHECKS.issuerTrusted}`],
    );
  });
});

describe('the synth app', () => {
  const repo = new URL('../..', import.meta.url).pathname;
  const synth = (outdir: string, identityDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'constructs/app.ts'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_OUTDIR: outdir, MESHFORM_IDENTITY_DIR: identityDir },
    });
  const snapshot = (dir: string) => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const deployedState = (dir: string) => trustStateFromManifests(readSynthesizedObjects(dir)!)!;

  it('walks a store rotation through bundle, issuer and prune', async () => {
    const out = join(root, 'app-ok', 'dist');
    const id = join(root, 'app-ok', 'identity');
    const first = synth(out, id);
    assert.equal(first.status, 0, first.stderr);
    const initial = deployedState(out);
    assert.equal(initial.anchors.length, 1);

    await rotateTrustAnchor(id, { phase: 'bundle', trustDomain: 'cluster.local' });
    const bundle = synth(out, id);
    assert.equal(bundle.status, 0, bundle.stderr);
    assert.doesNotMatch(bundle.stderr, /warning: trust-anchor/);
    assert.equal(deployedState(out).anchors.length, 2);
    assert.equal(deployedState(out).issuer?.id, initial.issuer?.id);

    await rotateTrustAnchor(id, { phase: 'issuer', trustDomain: 'cluster.local' });
    const issuer = synth(out, id);
    assert.equal(issuer.status, 0, issuer.stderr);
    assert.match(issuer.stderr, /warning: .*step 2 \(issuer\).*restarted/);
    assert.notEqual(deployedState(out).issuer?.signerId, initial.issuer?.signerId);

    await rotateTrustAnchor(id, { phase: 'prune', trustDomain: 'cluster.local' });
    const prune = synth(out, id);
    assert.equal(prune.status, 0, prune.stderr);
    assert.match(prune.stderr, /warning: .*step 3 \(prune\).*issuanceLifetime \(24h0m0s\)/);
    const final = deployedState(out);
    assert.equal(final.anchors.length, 1);
    assert.notEqual(final.anchors[0].id, initial.anchors[0].id);
  });

  it('refuses a breaking step and writes nothing', async () => {
    const out = join(root, 'app-refuse', 'dist');
    const id = join(root, 'app-refuse', 'identity');
    assert.equal(synth(out, id).status, 0);
    const before = snapshot(out);
    // Phases bundle and issuer without synthesizing (and applying) in between: step 1 never went out.
    await rotateTrustAnchor(id, { phase: 'bundle', trustDomain: 'cluster.local' });
    await rotateTrustAnchor(id, { phase: 'issuer', trustDomain: 'cluster.local' });
    const refused = synth(out, id);
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /refusing to synthesize: this trust-anchor change would break the proxies/);
    assert.match(refused.stderr, /which the deployed bundle \(.*serial .*\) does not contain.*Deploy step 1 \(bundle\) first/);
    assert.match(refused.stderr, /nothing written/);
    assert.deepEqual(snapshot(out), before);
  });
});
